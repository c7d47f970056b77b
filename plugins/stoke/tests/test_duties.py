"""Stoke: the monitoring checklist and the computations' list in ``duties.py``."""

from __future__ import annotations

from childcare_commissioning_stoke import SPEC

from childcare_commissioning.deadlines import Party


def test_duties_the_audit_found_missing() -> None:
    """Audit item 7: referrer feedback (2.3), transition planning after 18 (2.3), the
    extension option (6.1, the Council's to decide), the invoice recipient (6.2) and
    data-sharing consent (4.2) are declared duties, each with the party the text names."""
    duties = {d.id: d for d in SPEC.duties}
    expected = {
        "referrer-feedback": Party.PROVIDER,
        "transition-planning": Party.PROVIDER,
        "extension-decision": Party.COUNCIL,
        "funding-confirmation": Party.COUNCIL,
        "invoices-by-email": Party.PROVIDER,
        "data-protection": Party.PROVIDER,
    }
    assert expected == {k: duties[k].owed_by for k in expected}
    assert "Sue Hammersley" in duties["invoices-by-email"].title
    assert ("pilot",) == duties["referrer-feedback"].services
