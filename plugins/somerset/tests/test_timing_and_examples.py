"""Somerset's time limits at clock changes, bank holidays, local midnight and age boundaries,
and the bundled examples through the command line. Expected values are worked by hand from
shared/specs/somerset.txt (the docstrings say how)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from zoneinfo import ZoneInfo

import attrs
import pytest
from childcare_commissioning_somerset import SPEC

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency
from childcare_commissioning.cli import main
from childcare_commissioning.deadlines import evaluate
from childcare_commissioning.model import Channel
from childcare_commissioning.referrals import Outcome, check_referral
from childcare_commissioning.safeguarding import Concern, notify, route_concern

D = dt.date
LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC
EXAMPLES = (
    Path(__file__).resolve().parents[1] / "src" / "childcare_commissioning_somerset" / "examples"
)


def london(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=LONDON)  # type: ignore[misc]


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Sat 29 Mar 2025 10:00 GMT; the clocks go forward on Sun 30 Mar: 72 elapsed hours
        # end at 10:00 UTC on Tue 1 Apr, which is 11:00 BST.
        (london(2025, 3, 29, 10), london(2025, 4, 1, 11)),
        # Fri 24 Oct 2025 12:00 BST; the clocks go back on Sun 26 Oct: 72 h end at 11:00 UTC
        # on Mon 27 Oct, which is 11:00 GMT.
        (london(2025, 10, 24, 12), london(2025, 10, 27, 11)),
        # Sat 25 Oct 2025 23:30 BST (22:30 UTC) -> 22:30 UTC on Tue 28 Oct = 22:30 GMT.
        (london(2025, 10, 25, 23, 30), london(2025, 10, 28, 22, 30)),
        # Christmas Eve 2025 18:00 GMT: bank holidays do not stop the clock -> 27 Dec 18:00.
        (london(2025, 12, 24, 18), london(2025, 12, 27, 18)),
    ],
)
def test_urgent_plans_are_agreed_within_72_elapsed_hours(
    received: dt.datetime, due: dt.datetime
) -> None:
    """3.2 II "agreed with the referrer within 72hrs", as elapsed time (reading
    'elapsed-hours')."""
    deadline = evaluate(SPEC.deadline("urgent-plans-agreed"), received, SPEC.calendars)
    assert deadline.due_at is not None
    assert (due, due.utcoffset()) == (deadline.due_at, deadline.due_at.utcoffset())


def test_a_standard_referral_starts_no_72_hour_rule() -> None:
    """The 72 hours are for "urgent referrals" (and emergencies, reading
    'emergency-referrals'): a standard referral starts only the immediate response."""
    standard = Referral(
        "R",
        london(2025, 1, 6, 10),
        Urgency.STANDARD,
        Referrer("social-worker", organisation="Somerset County Council", team="Placements Team"),
        ChildOrYoungPerson(
            "YP", area="taunton", date_of_birth=D(2011, 1, 1), statuses={Status.EDGE_OF_CARE}
        ),
        channel=Channel.PORTAL,
    )
    emergency = attrs.evolve(standard, urgency=Urgency.EMERGENCY)
    assert ["available-immediately"] == [
        d.rule_id for d in check_referral(SPEC, standard).deadlines
    ]
    assert {
        "available-immediately": london(2025, 1, 6, 10),
        "emergency-plans-agreed": london(2025, 1, 9, 10),
    } == {d.rule_id: d.due_at for d in check_referral(SPEC, emergency).deadlines}


@pytest.mark.parametrize(
    ("started", "due"),
    [
        (london(2025, 12, 22, 10), D(2026, 1, 19)),  # 4 weeks = 28 days, across the new year
        (london(2025, 1, 31, 10), D(2025, 2, 28)),  # 31 Jan + 28 days
        (london(2024, 2, 1, 10), D(2024, 2, 29)),  # a leap year: 29 February exists
        # 23:30 UTC on 30 Jun 2025 is 00:30 BST on 1 Jul: the local date counts -> 29 Jul.
        (dt.datetime(2025, 6, 30, 23, 30, tzinfo=UTC), D(2025, 7, 29)),
        # Support started on Easter Monday 21 Apr 2025 (bank holiday): calendar weeks -> 19 May.
        (london(2025, 4, 21, 9), D(2025, 5, 19)),
    ],
)
def test_initial_review_within_four_calendar_weeks(started: dt.datetime, due: dt.date) -> None:
    """3.1 "support plans will be reviewed initially within 4 weeks of the support being put
    in place": 28 calendar days from the local date support started."""
    assert due == evaluate(SPEC.deadline("initial-review"), started, SPEC.calendars).due_date


@pytest.mark.parametrize(
    ("when", "recipient"),
    [
        (london(2025, 1, 6, 9, 0), "the child's Social Worker"),  # Monday 09:00, in hours
        (london(2025, 1, 6, 16, 59), "the child's Social Worker"),
        (london(2025, 1, 6, 17, 0), "the Duty Worker (EDT)"),  # 17:00 is out of hours
        (london(2025, 5, 26, 11, 0), "the Duty Worker (EDT)"),  # Spring bank holiday
        (london(2025, 3, 30, 2, 30), "the Duty Worker (EDT)"),  # the night the clocks change
        (london(2025, 12, 25, 0, 0), "the Duty Worker (EDT)"),  # local midnight, Christmas
    ],
)
def test_incidents_are_reported_at_once_to_the_social_worker_or_the_duty_worker(
    when: dt.datetime, recipient: str
) -> None:
    """3.2 V "inform the Social Worker/Duty Worker (out of hours) as soon as possible": the
    Social Worker in working hours (09:00-17:00 Mon-Fri except bank holidays), the Duty
    Worker otherwise; due at once (reading 'as-soon-as-possible')."""
    [routed] = notify(SPEC, "accident-or-incident", when)
    assert recipient == routed.recipient
    assert when == routed.deadline.due_at


def test_safeguarding_concerns_go_to_childrens_social_care_immediately() -> None:
    """3.2 X "liaise immediately with SCC Children's Social Care if there are any
    safeguarding concerns", at any hour: at 03:00 on Sunday 26 Oct 2025 it is due then."""
    night = london(2025, 10, 26, 3)
    [routed] = route_concern(SPEC, Concern.CHILD, night)
    assert routed.contact is not None
    assert "childrens-social-care" == routed.contact.id
    assert night == routed.deadline.due_at


@pytest.mark.parametrize(
    ("born", "received", "expected"),
    [
        # 10th birthday at local midnight (BST): 10 that day -> inside 10-17.
        (D(2015, 6, 1), london(2025, 6, 1, 0, 0), Outcome.ELIGIBLE),
        # a minute before local midnight: still 9 -> outside the predominant band, approval.
        (D(2015, 6, 1), london(2025, 5, 31, 23, 59), Outcome.NEEDS_APPROVAL),
        # 18th birthday: no longer 10-17 -> approval ('ages-between').
        (D(2007, 3, 30), london(2025, 3, 30, 9), Outcome.NEEDS_APPROVAL),
        # the day before the 26th birthday: 25 -> approval; on it: 26, out of scope (2.7).
        (D(1999, 6, 1), london(2025, 5, 31, 12), Outcome.NEEDS_APPROVAL),
        (D(1999, 6, 1), london(2025, 6, 1, 12), Outcome.NOT_ELIGIBLE),
    ],
)
def test_age_boundaries(born: dt.date, received: dt.datetime, expected: Outcome) -> None:
    """2.1 "predominantly aged between 10-17 years" and 2.7 "People aged 26 and over": ages
    on the local date of the referral. Every instant is on a weekend, out of working hours,
    so EDT's route is open."""
    referral = Referral(
        "R",
        received,
        Urgency.URGENT,
        Referrer("emergency-duty-team-worker", organisation="Somerset County Council", team="EDT"),
        ChildOrYoungPerson(
            "YP", area="taunton", date_of_birth=born, statuses={Status.EDGE_OF_CARE}
        ),
        channel=Channel.PORTAL,
    )
    assert expected == check_referral(SPEC, referral).outcome


# --- The bundled examples through the command line (README: "Examples") -----------------


def test_the_bundled_referral_is_eligible_through_the_cli(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """examples/referral.json: EDT's urgent referral at 22:15 GMT on Friday 27 Dec 2024 of a
    14-year-old on the edge of care: eligible (exit 0); answered at 22:15 and plans agreed by
    22:15 on Monday 30 Dec (72 h, no clock change)."""
    code = main(
        [
            "referral",
            "check",
            "--council",
            "somerset",
            "--format",
            "json",
            str(EXAMPLES / "referral.json"),
        ]
    )
    result = json.loads(capsys.readouterr().out)
    assert 0 == code
    assert "eligible" == result["outcome"]
    assert {
        "available-immediately": "2024-12-27T22:15:00+00:00",
        "urgent-plans-agreed": "2024-12-30T22:15:00+00:00",
    } == {d["rule_id"]: d["due_at"] for d in result["deadlines"]}


#: (team, received_at, expected outcome, exit status), worked from 2.6 e "All support
#: requests will come from the Placements Team, unless out of hours, when requests will come
#: from EDT" with working hours 09:00-17:00 Monday to Friday except England and Wales bank
#: holidays (reading 'working-hours').
CLI_TEAM_CASES = [
    # Monday 6 Jan 2025 10:00 GMT: in hours, so from the Placements Team, not EDT.
    ("Placements Team", "2025-01-06T10:00:00+00:00", "eligible", 0),
    ("EDT", "2025-01-06T10:00:00+00:00", "not-eligible", 1),
    # Friday 27 Dec 2024 22:15 GMT: after 17:00, out of hours, so from EDT.
    ("Placements Team", "2024-12-27T22:15:00+00:00", "not-eligible", 1),
    ("EDT", "2024-12-27T22:15:00+00:00", "eligible", 0),
    # Saturday 11 Jan 2025 10:00 GMT: a weekend, out of hours.
    ("Placements Team", "2025-01-11T10:00:00+00:00", "not-eligible", 1),
    ("EDT", "2025-01-11T10:00:00+00:00", "eligible", 0),
    # Monday 26 May 2025 10:00 BST, the Spring bank holiday: out of hours, though a weekday
    # at a working hour; written in UTC (09:00Z) it is the same instant.
    ("Placements Team", "2025-05-26T10:00:00+01:00", "not-eligible", 1),
    ("Placements Team", "2025-05-26T09:00:00Z", "not-eligible", 1),
    ("EDT", "2025-05-26T10:00:00+01:00", "eligible", 0),
]


@pytest.mark.parametrize(("team", "received", "outcome", "status"), CLI_TEAM_CASES)
def test_the_cli_sends_a_request_to_the_team_of_the_hour(
    team: str,
    received: str,
    outcome: str,
    status: int,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`referral check` (the core's decision, no plugin function) reads the referrer's team:
    a referral naming no route, from an SCC social worker of the given team, of a
    14-year-old on the edge of care in Taunton, via the portal."""
    document = {
        "id": "SCC-REF-TEAM",
        "received_at": received,
        "urgency": "standard",
        "council": "somerset",
        "service": "crisis-homecare",
        "referrer": {"role": "social-worker", "organisation": "SCC", "team": team},
        "channel": "portal",
        "child": {
            "id": "YP-1",
            "date_of_birth": "2010-03-14",
            "statuses": ["edge-of-care"],
            "area": "taunton",
        },
    }
    path = tmp_path / "referral.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code = main(["referral", "check", str(path), "--council", "somerset", "--format", "json"])
    result = json.loads(capsys.readouterr().out)
    assert (outcome, status) == (result["outcome"], code)
    refusals = [f for f in result["findings"] if f["code"] == "referral.referrer.not-permitted"]
    if outcome == "eligible":
        assert [] == refusals
    else:
        # The route of the other team is shut at this hour; the open one refuses the team.
        [refusal] = refusals
        shut, open_ = (
            ("emergency-duty-team", "placements-team")
            if team == "EDT"
            else ("placements-team", "emergency-duty-team")
        )
        assert f"{shut}: not open at this time" in refusal["message"]
        assert f"{open_}: only the teams" in refusal["message"]


def test_the_bundled_billing_month_through_the_cli(capsys: pytest.CaptureFixture[str]) -> None:
    """examples/billing.json (as of 2025-02-01, carried in the file), January 2025 at £18.00
    an hour: three 3-hour visits = 9 h = £162.00; 14 + 14 agreed miles at 45p = £12.60; the
    9 miles on 13 Jan have no agreement and are not billed (a finding, so exit status 1:
    done, with problems). Net £174.60."""
    code = main(
        ["invoice", "--council", "somerset", "--format", "json", str(EXAMPLES / "billing.json")]
    )
    result = json.loads(capsys.readouterr().out)
    assert 1 == code
    [invoice] = result["invoices"]
    assert "174.60" == invoice["net"]
    assert ["billing.mileage.no-agreement"] == [f["code"] for f in result["findings"]]
