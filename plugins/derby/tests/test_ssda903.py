"""Derby's care leaver definition (3.1.2) computed from SSDA903 episodes.

"A Care Leaver is defined as a person aged 25 or under, who has been looked after by a
local authority for at least 13 weeks since the age of 14; and who was looked after by the
local authority at school-leaving age or after that date."

Each answer below is worked by hand from that text, the DfE meanings of the 903 codes
(``X1``: a new episode begins the same day; ``V4``: a short-breaks agreement, not the
breaks; ``V3``: one short break) and the format's readings: an episode covers ``DECOM`` to
the day before ``DEC``; 13 weeks is 91 days; school-leaving age is the last Friday in June
of the school year in which the young person turns 16.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from childcare_commissioning_derby.checks import CARE_LEAVER_DEFINITION, is_care_leaver

from childcare_commissioning.cli import main
from childcare_commissioning.formats import ssda903
from childcare_commissioning.model import Status

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


def _return(tmp_path: Path) -> ssda903.Ssda903Return:
    (tmp_path / "header.csv").write_text(HEADER, encoding="utf-8")
    (tmp_path / "episodes.csv").write_text(EPISODES, encoding="utf-8")
    return ssda903.load(tmp_path / "header.csv", tmp_path / "episodes.csv")


def test_care_leaver_from_episodes_with_a_break_in_care(tmp_path: Path) -> None:
    a1 = _return(tmp_path).child("A1")
    assert a1.header is not None
    born = a1.header.date_of_birth
    on = dt.date(2026, 9, 1)
    result = is_care_leaver(born, a1.care_episodes(), on)
    # Since the 14th birthday: 10/03/2019 to 30/06/2019 is 22 + 30 + 31 + 30 = 113 days
    # (the X1 change on 01/04/2019 counted once), then 20/06 to 27/06/2021 is 8: 121 >= 91.
    assert result.days_looked_after_since_14 == 121
    assert result.school_leaving_date == dt.date(2021, 6, 25)
    assert result.looked_after_at_or_after_school_leaving
    assert result.age == 21
    assert result.is_care_leaver
    assert Status.CARE_LEAVER in a1.statuses(on, (CARE_LEAVER_DEFINITION,))
    # Not looked after on 01/09/2026, so no other status.
    assert a1.statuses(on, (CARE_LEAVER_DEFINITION,)) == {Status.CARE_LEAVER}
    # 25 or under: still on 09/03/2031 (the day before the 26th birthday), not on 10/03/2031.
    assert is_care_leaver(born, a1.care_episodes(), dt.date(2031, 3, 9)).is_care_leaver
    assert not is_care_leaver(born, a1.care_episodes(), dt.date(2031, 3, 10)).is_care_leaver
    # Before the week in June 2021 the school-leaving condition failed.
    before = is_care_leaver(born, a1.care_episodes(), dt.date(2021, 6, 19))
    assert before.days_looked_after_since_14 == 113
    assert not before.is_care_leaver


def test_short_break_agreement_is_not_time_looked_after(tmp_path: Path) -> None:
    b2 = _return(tmp_path).child("B2")
    assert b2.header is not None
    # 01/01/2020 to 30/03/2020 (DEC 31/03): 31 + 29 + 30 = 90 days, one short of 13 weeks;
    # the V4 agreement of summer 2022 adds no day and is not "looked after" at 24/06/2022.
    result = is_care_leaver(b2.header.date_of_birth, b2.care_episodes(), dt.date(2023, 1, 1))
    assert result.days_looked_after_since_14 == 90
    assert not result.looked_after_at_or_after_school_leaving
    assert not result.is_care_leaver
    assert Status.LOOKED_AFTER not in b2.statuses(dt.date(2022, 7, 1))


def test_one_short_break_at_school_leaving_age_completes_the_definition(tmp_path: Path) -> None:
    c3 = _return(tmp_path).child("C3")
    assert c3.header is not None
    # 90 days in 2020, plus the V3 break covering 24/06/2022 (DEC 25/06): 91 days, and
    # looked after on the school-leaving date itself.
    result = is_care_leaver(c3.header.date_of_birth, c3.care_episodes(), dt.date(2023, 1, 1))
    assert result.days_looked_after_since_14 == 91
    assert result.school_leaving_date == dt.date(2022, 6, 24)
    assert result.looked_after_at_or_after_school_leaving
    assert result.is_care_leaver


def test_cli_computes_derbys_care_leavers(tmp_path: Path, capsys: object) -> None:
    _return(tmp_path)
    import json

    argv = ["import", "ssda903", str(tmp_path), "--council", "derby", "--on", "2023-01-01"]
    assert 0 == main([*argv, "--format", "json"])
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    statuses = {c["child"]: c["statuses"] for c in json.loads(out)["children"]}
    assert statuses == {"A1": ["care-leaver"], "B2": [], "C3": ["care-leaver"]}
