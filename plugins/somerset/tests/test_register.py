"""Somerset: the account of the text in ``register.py``: every sentence, list item and
table cell accounted for, and each audit clause reached by an entry."""

from __future__ import annotations

import pytest
from childcare_commissioning_somerset import SPEC

from childcare_commissioning.register import EntryStatus, covering

#: One quote per clause of the audit's inventory (SO-01..SO-51), as the text words it.
INVENTORY = {
    "SO-01": "(out of working hours) emergency response team",
    "SO-02": "whose care needs are the responsibility of the Council",
    "SO-03": "identifying placements for Children in Care and undertaking contract management",
    "SO-04": "A Provider's Staff includes all employees, agents and volunteers",
    "SO-05": "The five Local Authority areas of Somerset",
    "SO-06": "whose placements are unstable",
    "SO-07": "solely commissioned by Somerset County Council (SCC)",
    "SO-08": "referrals into the service will only come from Social Workers",
    "SO-09": "All referrals / support requests will be directed through the Placements Team",
    "SO-10": "Is provided with accommodation for a continuous period for more than 24 hours",
    "SO-11": "predominantly aged between 10-17 years",
    "SO-12": "planned, longer term support to young people with disabilities, notably autism",
    "SO-13": "This does not include children and young people with complex health needs.",
    "SO-14": "Child's behaviour at home is improved",
    "SO-15": "Family members are protected from violence in the home",
    "SO-16": "remain living at home 6 months after initially receiving a service",
    "SO-17": "Placement stability improves",
    "SO-18": "16 and 17 year olds (in particular) presenting as homeless",
    "SO-19": "Stay safe and feel secure",
    "SO-20": "a Somerset county-wide service with allocation based on need",
    "SO-21": "available out of hours",
    "SO-22": "able to be stood down, if no longer required",
    "SO-23": "ability to step up/step down as needs change",
    "SO-24": "activities to be appropriate and reasonable, linked to care / education plan",
    "SO-25": "able to manage very high risk, complex young people",
    "SO-26": "unless out of hours, when requests will come from EDT",
    "SO-27": "Service users may not self-refer to the Service.",
    "SO-28": "People aged 26 and over.",
    "SO-29": "justify all quotations and demonstrate value for money",
    "SO-30": "Range: £15-20 per hour",
    "SO-31": ".45p per mile",
    "SO-32": "A reduction in the number of repeat referrals.",
    "SO-33": "on an annual basis thereafter",
    "SO-34": "reviewed initially within 4 weeks of the support being put in place",
    "SO-35": "further monitoring review dates being agreed at the time of the initial review",
    "SO-36": "pro-active in promoting positive behaviours and engagement",
    "SO-37": "to be agreed before engagement",
    "SO-38": "agreed with the referrer within 72hrs",
    "SO-39": "meet with the referrer to agree the plans",
    "SO-40": "parents and carers are included in the development of support plans",
    "SO-41": "ensuring the agreement of the administration of any medications",
    "SO-42": "The Provider will keep daily logs",
    "SO-43": "inform the Social Worker/Duty Worker (out of hours) as soon as possible",
    "SO-44": "contribute to any statutory review process",
    "SO-45": "Missing Person's Protocols",
    "SO-46": "skilled at assessing risk and vulnerability",
    "SO-47": "subject to enhanced DBS checks",
    "SO-48": "liaise immediately with SCC Children's Social Care",
    "SO-49": "Staff will carry ID with them at all times.",
    "SO-50": "work closely with other providers and partners",
    "SO-51": "Placement Authorisation",
}

_OPERATIONAL = {EntryStatus.RULE, EntryStatus.DUTY, EntryStatus.NOT_ENCODED}


def _statuses(quote: str) -> set[EntryStatus]:
    assert SPEC.register is not None
    return {
        entry.status
        for entry, sentences in covering(SPEC.register)
        if any(quote.casefold() in s.text.casefold() for s in sentences)
    }


@pytest.mark.parametrize(("clause", "quote"), sorted(INVENTORY.items()))
def test_every_operational_clause_is_a_rule_a_duty_or_not_encoded(clause: str, quote: str) -> None:
    """Each quote's sentence is reached by at least one entry that is a rule, a duty or
    not-encoded: never only by context or a definition."""
    assert SPEC.register is not None
    wanted = quote.casefold()
    statuses = {
        entry.status
        for entry, sentences in covering(SPEC.register)
        if any(wanted in s.text.casefold() for s in sentences)
    }
    assert statuses, f"{clause}: no entry reaches {quote!r}"
    assert statuses & _OPERATIONAL, f"{clause}: only {sorted(statuses)}"


def test_the_statistic_is_context_and_the_looked_after_test_a_rule() -> None:
    """1.4's 'In April 2018, Somerset had 517 children looked after' is a statistic
    (context, not a definition); its statutory test of 'looked after' is a rule
    (status_definitions/looked-after), no longer not-encoded."""
    assert {EntryStatus.CONTEXT} == _statuses("Somerset had 517 children looked after")
    assert {EntryStatus.RULE} == _statuses("Is subject to a care order")


def test_every_table_cell_and_list_item_is_a_sentence_of_the_register() -> None:
    """#34: 229 sentences, worked by hand: the 197 of three words or more, plus 32 short
    list items and table cells: the glossary's 19 cells of one or two words (Term,
    Description, ARC, CAMHS, CWD, DBS, EDHR, EDT, EoC, ETE, getset, Multi-agency Plan,
    Provider(s), Provider's Staff, Referring Agencies, SCC, SW, Social Worker, YOT), '·
    available immediately' (2.6), the 'Hourly Rate' cell (2.8), five training subjects of
    3.2 VII (a. Safeguarding, b. First Aid, c. Self Harm, d. Sexual Health, f. Conflict
    resolution) and six job-sheet fields (Child Name:, LCS Number :, Gender:, COSTS,
    Authorised by:, Authorised date:). All are covered; 'available immediately' by the
    rule naming the deadline, the authorisation fields by the job sheet's computation."""
    from childcare_commissioning.register import EntryStatus, coverage, covering

    assert SPEC.register is not None
    result = coverage(SPEC.register)
    assert (229, 229) == (result.sentences, result.covered)
    carried: dict[str, set[str]] = {}
    for entry, sentences in covering(SPEC.register):
        if entry.status is EntryStatus.RULE:
            for sentence in sentences:
                carried.setdefault(sentence.text, set()).update(entry.rules)
    assert "deadlines/available-immediately" in carried["· available immediately"]
    assert "computations/job-sheet" in carried["Authorised by:"]
    assert "computations/job-sheet" in carried["Authorised date:"]
