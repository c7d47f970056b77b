"""Derby's outcome measures (3.7.1 Reports)."""

from __future__ import annotations

from childcare_commissioning.measures import OutcomeMeasure
from childcare_commissioning_derby._cite import cite

__all__ = ["OUTCOMES"]


_REPORTS = "3.7.1 Reports"
_EVIDENCE = (
    "Review of Care plans",
    "Feedback from Young people",
    "Feedback from Social worker and Independent Reviewing Officer",
)
OUTCOMES = (
    *(
        OutcomeMeasure(
            f"quality-{index}",
            statement,
            cite(_REPORTS, statement),
            _EVIDENCE,
            objective="Quality statements",
        )
        for index, statement in enumerate(
            (
                "Looked after children and young people experience warm and nurturing care.",
                "Looked after children and young people receive care from services and professionals that work collaboratively.",
                "Looked after children and young people live in stable placements that take account of their needs and preferences.",
                "Looked after children and young people have ongoing opportunities to explore and make sense of their identity and relationships.",
                "Looked after children and young people receive specialist and dedicated services within agreed timescales.",
                "Looked after children and young people who moved across local authority or health boundaries continue to receive the services they need.",
                "Looked after children and young people are supported to fulfil their potential.",
                "Care leavers move to independence at their own pace.",
            ),
            start=1,
        )
    ),
    OutcomeMeasure(
        "access",
        "Access",
        cite(
            _REPORTS,
            "Number of responses received to referrals received by the Council within the specified timescale",
        ),
        (
            "Responses to the Council's referrals within the timescales of 3.3.1 "
            "(24 hours standard, 1 hour urgent)",
        ),
        target="100%",
        reported="Quarterly",
        objective="Key performance indicators",
    ),
    *(
        OutcomeMeasure(
            measure_id,
            f"Access: {title}",
            cite(_REPORTS, quote),
            (title,),
            reported="Quarterly",
            objective="Key performance indicators",
        )
        for measure_id, title, quote in (
            (
                "access-suitable-placements",
                "suitable placements available against placements put forward by the Council",
                "Number of suitable placement available against the total number of placements put forward by the Council.",
            ),
            (
                "access-ended-by-provider",
                "placements ending unexpectedly at the provider's instigation",
                "Number of placements that end unexpectedly at the provider's instigation.",
            ),
            (
                "access-ended-by-council",
                "placements ending unexpectedly at the Council's instigation",
                "Number of placements that end unexpectedly at the Councils instigation",
            ),
        )
    ),
)
