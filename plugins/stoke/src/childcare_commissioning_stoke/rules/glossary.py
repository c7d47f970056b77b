"""Stoke's glossary (1.3 Definitions)."""

from __future__ import annotations

from childcare_commissioning import GlossaryTerm
from childcare_commissioning_stoke._cite import cite

__all__ = ["GLOSSARY"]

_DEFS = "1.3 Definitions"
GLOSSARY = (
    GlossaryTerm(
        "Looked After Child",
        "Includes children living in foster homes, children's homes and residential special schools.",
        cite(
            _DEFS,
            "Looked after child- include those living in foster homes, children's homes and residential special schools.",
        ),
    ),
    GlossaryTerm(
        "Psychologically informed",
        "Grounded in attachment and trauma theory, developmentally informed, with a multi-systemic, formulation-driven approach to understanding and managing young people's behaviour and risk.",
        cite(_DEFS, "developmentally informed and grounded in attachment and trauma theory"),
    ),
    GlossaryTerm(
        "CAMHS",
        "Services delivering evidence-based therapeutic interventions: the NHS for complex mental health issues, other providers for mild to moderate issues.",
        cite(
            _DEFS,
            "Services delivered by a range of practitioners and providers, delivering evidence based therapeutic interventions.",
        ),
    ),
    GlossaryTerm(
        "Small Group Home",
        "The Council's in-house provision for looked after children, each home to two young people (ten, with two more planned in summer 2018).",
        cite(
            _DEFS,
            "These are the LA in-house provision for looked after children. Each is home to two young people.",
        ),
    ),
    GlossaryTerm(
        "Service user",
        "The care giver to the child or young person (a residential worker or foster carer) and the network around the child, not the child.",
        cite(_DEFS, "The prime service user is the care giver to the child/young person."),
    ),
)
