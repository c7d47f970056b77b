"""Plymouth: helpers the tests of two or more roles share."""

from __future__ import annotations

import datetime as dt

from childcare_commissioning_plymouth import (
    check_staff,
)

from childcare_commissioning.workforce import (
    Worker,
)

D = dt.date


HEALTHCARE = (
    "catheter-stoma",
    "continence",
    "peg-feeding",
    "hoisting",
    "intimate-care",
    "suction",
    "tracheostomy",
    "ventilation",
)


def team_codes(workers: list[Worker], on: dt.date) -> set[str]:
    return {f.code for f in check_staff(workers, on).team}
