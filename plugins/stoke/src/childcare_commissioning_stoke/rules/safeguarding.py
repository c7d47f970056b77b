"""Stoke's safeguarding contacts (the text gives no routing)."""

from __future__ import annotations

from childcare_commissioning.safeguarding import Contact
from childcare_commissioning_stoke._cite import cite

__all__ = ["CONTACTS"]

CONTACTS = (
    Contact(
        "scb",
        "Stoke-on-Trent Safeguarding Children Board",
        "safeguarding-board",
        cite(
            "4.2 Local/national quality service standards and guidance",
            "which can be found at www.safeguardingchildren.stoke.gov.uk",
        ),
        url="http://www.safeguardingchildren.stoke.gov.uk",
        notes="Requirements, policies, approved training and advice on training levels; "
        "the text gives the address with http:// in 2.3 and without it in 4.2.",
    ),
    Contact(
        "lado",
        "Stoke-on-Trent City Council",
        "lado",
        cite(
            "4.2 Local/national quality service standards and guidance",
            "Comply fully with the requirements and process of the Stoke-on-Trent LADO (Local Authority Designated Officer).",
        ),
        notes="The text names the LADO but gives no phone or email: use the Board's site.",
    ),
    Contact(
        "police",
        "the police",
        "police",
        cite(
            "2.3 Confidentiality",
            "can be shared with the relevant safeguarding agencies and the police",
        ),
        notes="Information on safeguarding or any crime 'can be shared'; no number is given.",
    ),
)
