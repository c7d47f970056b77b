"""Plymouth's glossary (Appendix 1)."""

from __future__ import annotations

from childcare_commissioning.model import GlossaryTerm
from childcare_commissioning_plymouth._cite import cite

__all__ = ["GLOSSARY"]

_GLOSSARY = "Appendix 1: Glossary of Definitions"
GLOSSARY = tuple(
    GlossaryTerm(term, definition, cite(_GLOSSARY, quote))
    for term, definition, quote in (
        (
            "Care Plan",
            "A statutory document giving key information about a child or young person's care, "
            "including the services the Provider delivers and any education, health, religious, "
            "linguistic, racial or cultural needs.",
            "a statutory document, providing key information about a child or young person's care",
        ),
        (
            "Education, Health and Care Plan (EHC Plan)",
            "A plan for children and young people aged up to 25 whose needs cannot be wholly met "
            "by special educational needs support; it sets out the educational, health and social "
            "needs and the extra support to meet them.",
            "a plan for children and young people aged up to 25 years",
        ),
        (
            "Looked After Child",
            "Under the Children Act 1989, a child provided with accommodation for a continuous "
            "period of more than 24 hours, or subject to a Care Order or a Placement Order.",
            "provided with accommodation for a continuous period of more than 24 hours",
        ),
        (
            "Pathway Plan",
            "The Care Plan of a young person qualifying under the Leaving Care Act 2000, detailing "
            "services and support for young people aged 16 to 25.",
            "detailing the services and support needed by young people aged 16 to 25 years",
        ),
        (
            "Personal Education Plan (PEP)",
            "An evolving record within a looked after child's Care Plan, held jointly by the local "
            "authority and the school, setting out a personalised approach to learning.",
            "An evolving record forming part of a 'looked after' child's Care Plan",
        ),
        (
            "Virtual School",
            "A group of local authority professionals who work with schools and looked after "
            "children to support them to achieve the best possible educational outcomes.",
            "a group of professionals within the local authority",
        ),
    )
)
