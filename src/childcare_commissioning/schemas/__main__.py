"""``python -m childcare_commissioning.schemas``: regenerate the shipped schema files."""

from childcare_commissioning.schemas import write_all

for path in write_all():
    print(path)
