"""Who sends a support request, by the Council's working hours (2.6 e).

"All support requests will come from the Placements Team, unless out of hours, when
requests will come from EDT." The core's referral routes judge the route a referral names
and the referrer's role; they do not read the referrer's *team*. So a request at 22:00
whose referrer gives the team "Placements Team" and names no route would be accepted
through the EDT route. :func:`request_team_findings` reads the team;
:func:`check_request` is :func:`~childcare_commissioning.referrals.check_referral` with
that check added (the outcome becomes not eligible when the team is the wrong one for the
hour).
"""

from __future__ import annotations

import attrs

from childcare_commissioning.deadlines import resolve_calendar
from childcare_commissioning.model import Finding, Referral, Severity
from childcare_commissioning.referrals import Outcome, ReferralDecision, check_referral
from childcare_commissioning.register import normalise_text
from childcare_commissioning_somerset import SPEC
from childcare_commissioning_somerset._cite import cite
from childcare_commissioning_somerset.rules import CALENDARS

__all__ = ["EDT_TEAMS", "PLACEMENTS_TEAMS", "check_request", "request_team_findings"]

#: Names the text gives the Placements Team (Glossary, 1.1, 2.6 e), compared case-blind.
PLACEMENTS_TEAMS = frozenset(
    {"placements team", "children's social care placements team", "scc placements team"}
)
#: Names the text gives the Emergency Duty Team (Glossary, 2.6 e).
EDT_TEAMS = frozenset({"edt", "emergency duty team", "scc edt", "scc emergency duty team"})
_CITATION = cite(
    "2.6 Service Access and Availability",
    "All support requests will come from the Placements Team, unless out of hours, when requests will come from EDT.",
)
_WORKING_HOURS = "somerset-working-hours"


def request_team_findings(referral: Referral) -> list[Finding]:
    """A finding when the referrer's team is the wrong one for the hour: the Placements
    Team out of the Council's working hours, or EDT within them (reading 'working-hours':
    09:00-17:00 Monday to Friday except bank holidays). A referral with no team, or another
    team, gets none: the team is then not what decides."""
    team = referral.referrer.team
    if team is None:
        return []
    name = normalise_text(team)
    in_hours = resolve_calendar(_WORKING_HOURS, CALENDARS).is_open(referral.received_at)
    at = referral.received_at.isoformat()
    if name in PLACEMENTS_TEAMS and not in_hours:
        return [
            Finding(
                Severity.ERROR,
                "somerset.request.out-of-hours-team",
                f"at {at}, out of working hours, requests come from EDT, not the Placements "
                "Team: send it through the emergency-duty-team route",
                "$.referrer.team",
                _CITATION,
            )
        ]
    if name in EDT_TEAMS and in_hours:
        return [
            Finding(
                Severity.ERROR,
                "somerset.request.in-hours-team",
                f"at {at}, in working hours, requests come from the Placements Team, not EDT: "
                "send it through the placements-team route",
                "$.referrer.team",
                _CITATION,
            )
        ]
    return []


def check_request(referral: Referral) -> ReferralDecision:
    """The core's referral decision for Somerset, with the referrer's team read as well: a
    team finding makes the outcome not eligible. The referral is not modified."""
    decision = check_referral(SPEC, referral)
    extra = request_team_findings(referral)
    if not extra:
        return decision
    return attrs.evolve(
        decision, outcome=Outcome.NOT_ELIGIBLE, findings=(*decision.findings, *extra)
    )
