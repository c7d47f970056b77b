"""Stoke's pilot referral checks run on the Placements Data Standard's own published
example (tests/fixtures/placements/valid-placement.jsonld, see SOURCE.md there), read into a
Referral by childcare_commissioning.formats.placements.

The expected answers are worked by hand from shared/specs/stoke.txt, 2.3 Referral Pathways
and Acceptance Criteria:

- "Referrals may be made by the child's social worker in collaboration with the foster
  carers' supervising social worker." A record the standard says the placements team owns
  is not a social worker's referral: refused by that route unless the caller says a social
  worker referred.
- "will include the following information as a minimum · Full name, address, date of
  birth, gender, ethnicity · Name of the child or young person's carer (including who has
  parental responsibility) and any significant birth family history; · The name and contact
  details of the person referring; · Any safeguarding issues/risks; · Previous
  interventions if applicable and if open to mental health services". The standard's
  record holds none of the child's personal details, no carer, no birth family history, no
  contact details and no previous interventions; it does hold the referring officer's name
  (referralOfficerName "Alex Brown") and the risks (self-harm and going missing are "Risk
  Present"). So name, address, date of birth, gender, ethnicity, carer, parental
  responsibility, birth family history, the referrer's contact and previous interventions
  are missing; the referrer's name and the safeguarding risks are not. The plugin also asks
  for the supervising social worker's collaboration and the Strategic Manager's agreement
  ("This will then need to be agreed by the Strategic Manager"): not in the record either.
- Missing information makes the referral incomplete, which outranks needing approval.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from zoneinfo import ZoneInfo

from childcare_commissioning_stoke import SPEC

from childcare_commissioning import Referrer
from childcare_commissioning.cli._input import parse_json
from childcare_commissioning.formats.placements import read_placement
from childcare_commissioning.referrals import Outcome, check_referral

EXAMPLE = Path(__file__).parents[3] / "tests" / "fixtures" / "placements" / "valid-placement.jsonld"

MISSING_BY_HAND = {
    "$.child.name",
    "$.child.address",
    "$.child.date_of_birth",
    "$.child.gender",
    "$.child.ethnicity",
    "$.information.carer",
    "$.information.parental_responsibility",
    "$.information.birth_family_history",
    "$.referrer.phone",  # "referrer.phone|referrer.email": the contact details
    "$.information.previous_interventions",
    "$.information.supervising_social_worker",
    "$.information.strategic_manager_agreement",
}


def _missing(decision_findings: tuple[object, ...]) -> set[str]:
    return {
        f.path  # type: ignore[attr-defined]
        for f in decision_findings
        if f.code == "referral.information.missing"  # type: ignore[attr-defined]
    }


def test_published_example_from_a_social_worker_is_incomplete() -> None:
    record = read_placement(
        parse_json(EXAMPLE.read_text("utf-8")),
        council="stoke",
        service="pilot",
        referrer=Referrer(role="social-worker"),
        received_at=dt.datetime(2024, 2, 12, 10, 0, tzinfo=ZoneInfo("Europe/London")),
    )
    decision = check_referral(SPEC, record.referral)
    assert Outcome.INCOMPLETE is decision.outcome
    assert MISSING_BY_HAND == _missing(decision.findings)
    assert "referral.referrer.not-permitted" not in {f.code for f in decision.findings}


def test_published_example_as_the_placements_team_is_redirected_to_the_social_worker() -> None:
    """The route takes referrals from the child's social worker only; the placements team
    is refused for its role alone, so (reading 'network-referrals': 'a system that can be
    activated by anyone within the child or young person's network') the referral is
    redirected to the child's social worker: incomplete, not 'not eligible'."""
    record = read_placement(
        parse_json(EXAMPLE.read_text("utf-8")), council="stoke", service="pilot"
    )
    decision = check_referral(SPEC, record.referral)
    assert Outcome.INCOMPLETE is decision.outcome
    codes = {f.code for f in decision.findings}
    assert "referral.referrer.redirect" in codes
    assert "referral.referrer.not-permitted" not in codes
    assert MISSING_BY_HAND == _missing(decision.findings)
