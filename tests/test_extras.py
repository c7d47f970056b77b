"""Optional dependencies (#45): numpy (extra ``bulk``) and phonenumbers with email-validator
(extra ``contacts``) are not required; a function that needs one names the extra to install
when it is missing, and nothing else in the core imports them."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

from childcare_commissioning.calendars import working_calendar
from childcare_commissioning.deadlines import DeadlineRule, evaluate_many
from childcare_commissioning.durations import Duration, DurationKind
from childcare_commissioning.errors import CommissioningError, MissingExtraError
from childcare_commissioning.model.core import Citation
from childcare_commissioning.safeguarding import contact_findings

CITE = Citation("made-up", "1", "a quote")


def _without(monkeypatch: pytest.MonkeyPatch, *modules: str) -> None:
    """Make ``import module`` fail as it does when the distribution is not installed."""
    for module in modules:
        monkeypatch.setitem(sys.modules, module, None)


def test_bulk_working_days_without_numpy_name_the_bulk_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """add_many and evaluate_many say which extra installs numpy, in the library's words."""
    _without(monkeypatch, "numpy")
    calendar = working_calendar("england-and-wales")
    with pytest.raises(MissingExtraError) as caught:
        calendar.add_many([dt.date(2025, 1, 6)], [1])
    assert "bulk" == caught.value.extra
    assert (
        "bulk working days (add_many) needs the 'bulk' extra: "
        "pip install 'childcare-commissioning[bulk]' [extra-missing]"
    ) == str(caught.value)
    assert isinstance(caught.value, ImportError)
    assert isinstance(caught.value, CommissioningError)
    rule = DeadlineRule("r", "Rule", "t", Duration(DurationKind.WORKING_DAYS, 3), CITE)
    with pytest.raises(MissingExtraError, match=r"evaluate_many\) needs the 'bulk' extra"):
        evaluate_many(rule, [dt.datetime(2025, 1, 6, 9, tzinfo=dt.UTC)])


def test_contact_validation_without_phonenumbers_names_the_contacts_extra(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """contact_findings (the conformance kit's and the handbook's contact check) refuses to
    answer rather than skip the check."""
    _without(monkeypatch, "phonenumbers")
    with pytest.raises(MissingExtraError) as caught:
        contact_findings([])
    assert "contacts" == caught.value.extra
    assert "pip install 'childcare-commissioning[contacts]'" in str(caught.value)


def test_the_scalar_answers_and_the_command_line_never_import_the_extras() -> None:
    """Importing the library and answering a deadline and a referral check from the command
    line loads neither numpy nor phonenumbers (they are extras, not requirements)."""
    script = (
        "import sys\n"
        "from childcare_commissioning.cli import main\n"
        "main(['deadlines', '--council', 'testshire', '--at', '2025-03-28T10:00'])\n"
        "print(sorted(m for m in ('numpy', 'phonenumbers', 'email_validator') "
        "if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, timeout=120
    )
    assert "" == result.stderr
    assert "referral-response" in result.stdout  # the deadline was answered
    assert result.stdout.rstrip().endswith("[]")
