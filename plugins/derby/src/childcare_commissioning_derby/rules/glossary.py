"""Derby's glossary (3.1.2 Definitions)."""

from __future__ import annotations

from childcare_commissioning import GlossaryTerm
from childcare_commissioning_derby._cite import cite

__all__ = ["GLOSSARY"]

_DEFS = "3.1.2 Definitions"
GLOSSARY = (
    GlossaryTerm(
        "Young Homeless 16 & 17 years old",
        "A 16/17 year old presenting as homeless to a housing department, which must take a homelessness approach, provide interim accommodation and investigate.",
        cite(
            _DEFS,
            "If a 16/17 year old presents as homeless directly at Local Authority Housing Departments",
        ),
    ),
    GlossaryTerm(
        "Child in Need (CiN)",
        "Under the Children Act 1989, a child unlikely to achieve or maintain a reasonable level of health or development without services, or a disabled child.",
        cite(_DEFS, "A child in need is defined under the Children Act 1989"),
    ),
    GlossaryTerm(
        "Child in Care (CiC/LAC)",
        "A child in the care of, or provided with accommodation by, a local authority (s.22(1)), including children remanded to its care.",
        cite(
            _DEFS,
            "A child who is either in the care of a local authority, or who is provided with accommodation by a local authority",
        ),
    ),
    GlossaryTerm(
        "Care Leaver",
        "A person aged 25 or under, looked after by a local authority for at least 13 weeks since the age of 14, and looked after at or after school-leaving age.",
        cite(_DEFS, "A Care Leaver is defined as a person aged 25 or under"),
    ),
)
