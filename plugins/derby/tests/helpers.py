"""Derby: helpers the tests of two or more roles share."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from childcare_commissioning import ChildOrYoungPerson, Referral, Referrer, Status, Urgency
from childcare_commissioning.cli import main
from childcare_commissioning.formats import ssda903
from childcare_commissioning.registry import load_registry

#: A complete referral pack (3.3.1, reading 'referral-pack'): the redacted Pathway plan and
#: the indicative budget.
PACK = {"pathway_plan": "redacted plan", "indicative_budget": "600.00 a week"}


D = dt.date


UTC = dt.UTC


def lot_referral(born: dt.date, statuses: set[Status], lot: str, at: dt.datetime) -> Referral:
    return Referral(
        "R",
        at,
        Urgency.STANDARD,
        Referrer("leaving-care-team"),
        ChildOrYoungPerson("YP", date_of_birth=born, statuses=frozenset(statuses)),
        service=lot,
        information=dict(PACK),
    )


CARE_LEAVER = {Status.CARE_LEAVER}


EXAMPLES = load_registry(only=["derby"]).examples("derby")


SIXTEEN_IN_2024 = D(2008, 6, 20)


def child(born: dt.date = SIXTEEN_IN_2024) -> ChildOrYoungPerson:
    return ChildOrYoungPerson("YP", date_of_birth=born)


EXAMPLE = Path(__file__).parents[1] / "src/childcare_commissioning_derby/examples/payments.json"


def example_batch() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return data


def run_payments(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, batch: dict[str, Any]
) -> tuple[int, dict[str, Any]]:
    path = tmp_path / "batch.json"
    path.write_text(json.dumps(batch), encoding="utf-8")
    code = main(["payments", str(path), "--council", "derby", "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def nets_by_invoice(document: dict[str, Any]) -> dict[str, tuple[str, str, str]]:
    return {
        i["number"]: (i["period"]["start"], i["period"]["end"], i["net"])
        for i in document["invoices"]
    }


HEADER = """CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB
A1,F,10/03/2005,WBRI,,,
B2,M,01/01/2006,WBRI,,,
C3,M,01/01/2006,WBRI,,,
"""


# A1 (born 10/03/2005; 14 on 10/03/2019; school-leaving date Friday 25/06/2021, as 30 June
# 2021 is a Wednesday): two back-to-back episodes joined by X1 on 01/04/2019, left care
# 01/07/2019; back for a week 20/06/2021 to 28/06/2021 (DEC), which covers 25/06/2021.
# B2 (born 01/01/2006; 14 on 01/01/2020; school-leaving date Friday 24/06/2022, as 30 June
# 2022 is a Thursday): looked after 01/01/2020 to DEC 31/03/2020, then a short-breaks
# agreement (V4) over the summer of 2022.
# C3: as B2, but one short break recorded as an episode (V3) from 24/06/2022 to DEC
# 25/06/2022.
EPISODES = """CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
A1,01/01/2019,S,C2,N1,U4,PR1,01/04/2019,X1,CARPL,,,
A1,01/04/2019,P,C2,N1,U6,PR4,01/07/2019,E13,,,,
A1,20/06/2021,S,V2,N4,R1,PR4,28/06/2021,E4A,,,,
B2,01/01/2020,S,V2,N5,U6,PR4,31/03/2020,E4A,,,,
B2,01/06/2022,S,V4,N2,R1,PR4,01/08/2022,E8,,,,
C3,01/01/2020,S,V2,N5,U6,PR4,31/03/2020,E4A,,,,
C3,24/06/2022,S,V3,N2,R1,PR4,25/06/2022,E8,,,,
"""


def load_example_return(tmp_path: Path) -> ssda903.Ssda903Return:
    (tmp_path / "header.csv").write_text(HEADER, encoding="utf-8")
    (tmp_path / "episodes.csv").write_text(EPISODES, encoding="utf-8")
    return ssda903.load(tmp_path / "header.csv", tmp_path / "episodes.csv")
