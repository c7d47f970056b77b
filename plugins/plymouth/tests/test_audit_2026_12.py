"""The second Plymouth audit (shared/audits/2026-12/plymouth.md), its defects in intake
and workforce input and the compliance officer's needs of its section 4, each worked by
hand from shared/specs/plymouth.txt. Docstrings say how each expected value was reached."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import attrs
import pytest
from childcare_commissioning_plymouth import SPEC

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency
from childcare_commissioning.model import Channel, Severity
from childcare_commissioning.referrals import Outcome, check_referral

LONDON = ZoneInfo("Europe/London")
D = dt.date


def referral(**changes: object) -> Referral:
    """A Council social worker's standard referral by secure email, Mon 16 Jun 2025 10:00."""
    base = Referral(
        id="R",
        received_at=dt.datetime(2025, 6, 16, 10, 0, tzinfo=LONDON),
        urgency=Urgency.STANDARD,
        referrer=Referrer("social-worker", organisation="Plymouth City Council"),
        child=ChildOrYoungPerson("YP", statuses=frozenset({Status.LOOKED_AFTER})),
        route="council",
        channel=Channel.SECURE_EMAIL,
        requested_services=("placement-at-risk",),
    )
    return attrs.evolve(base, **changes)  # type: ignore[arg-type]


# D2: a Council referral by telephone is a referral.


def test_an_out_of_hours_phone_referral_from_the_council_is_accepted_with_a_warning() -> None:
    """The audit's R-B: Sat 14 Jun 2025 23:10 BST, emergency, Out of Hours service, by
    phone. 3.3 refuses only self-referrals; the Provider is 'accessible to the Council by
    telephone ... 24 hours a day' and receives referrals 'via secure email'. So: eligible,
    with one warning citing the secure-email arrangements sentence, and the same-day
    commencement deadline (emergency) still runs: due Sat 14 Jun 2025."""
    decision = check_referral(
        SPEC,
        referral(
            received_at=dt.datetime(2025, 6, 14, 23, 10, tzinfo=LONDON),
            urgency=Urgency.EMERGENCY,
            referrer=Referrer(
                "social-worker", organisation="Plymouth City Council", team="Out of Hours service"
            ),
            channel=Channel.PHONE,
            requested_services=("edge-of-care",),
        ),
    )
    assert Outcome.ELIGIBLE == decision.outcome
    [confirm] = [f for f in decision.findings if f.code == "referral.channel.confirm"]
    assert Severity.WARNING == confirm.severity
    assert "confirmed by secure-email by Plymouth City Council" in confirm.message
    assert confirm.citation is not None
    assert "receiving referrals from the Council" in confirm.citation.quote
    assert [("emergency-commencement", D(2025, 6, 14))] == [
        (d.rule_id, d.due_date) for d in decision.deadlines
    ]


def test_a_secure_email_referral_needs_no_confirmation() -> None:
    """By secure email already: nothing to confirm, no warning."""
    decision = check_referral(SPEC, referral())
    assert Outcome.ELIGIBLE == decision.outcome
    assert "referral.channel.confirm" not in {f.code for f in decision.findings}


def test_a_self_referral_by_phone_is_still_refused() -> None:
    """'The Provider will not accept self-referrals': a parent telephoning is refused, by
    role, whatever the channel."""
    decision = check_referral(SPEC, referral(referrer=Referrer("parent"), channel=Channel.PHONE))
    assert Outcome.NOT_ELIGIBLE == decision.outcome
    assert ["$.referrer.role"] == [f.path for f in decision.findings]


# D4: the Council by identity, not by one spelling.


@pytest.mark.parametrize(
    "organisation",
    [
        "Plymouth City Council (Children, Young People and Families)",  # the audit's R-D
        "plymouth city council - Out of Hours service",
        "Children's Social Care, Plymouth City Council",
        "Education, Participation and Skills",  # a department the text names (3.3, 4)
        "Children, Young People & Family Services",
        "PLYMOUTH CITY COUNCIL",
    ],
)
def test_the_councils_departments_and_teams_are_the_council(organisation: str) -> None:
    """3.3 'referred by the Council'; 4 names its departments (Children, Young People and
    Family Services, Education, Participation and Skills...). Each is the Council."""
    decision = check_referral(
        SPEC, referral(referrer=Referrer("social-worker", organisation=organisation))
    )
    assert (Outcome.ELIGIBLE, []) == (
        decision.outcome,
        [f.code for f in decision.findings if f.severity is not Severity.INFO],
    )


@pytest.mark.parametrize(
    "organisation",
    ["Devon County Council", "Plymouth City Council Housing Association", "Plymouth"],
)
def test_other_organisations_are_not_the_council(organisation: str) -> None:
    """Another council, a body whose name only begins with the Council's, and a place
    name are not the Council: not eligible."""
    decision = check_referral(
        SPEC, referral(referrer=Referrer("social-worker", organisation=organisation))
    )
    assert Outcome.NOT_ELIGIBLE == decision.outcome


def test_a_referral_with_no_organisation_is_incomplete_not_refused() -> None:
    """A social worker who gives no organisation may well be the Council's: the referral
    is incomplete (say who refers), not refused."""
    decision = check_referral(SPEC, referral(referrer=Referrer("social-worker")))
    assert Outcome.INCOMPLETE == decision.outcome
    assert ["$.referrer.organisation"] == [f.path for f in decision.findings]
