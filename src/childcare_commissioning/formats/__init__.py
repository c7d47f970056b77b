"""Published formats the sector's systems speak, each behind an optional extra (for example
``pip install childcare-commissioning[ubl]`` for :mod:`childcare_commissioning.formats.ubl`);
nothing here is imported with ``childcare_commissioning``."""
