"""Working-day arithmetic over one million (date, n) pairs, four ways, in one run.

- our scalar API: ``WorkingDayCalendar.add(date, n)`` in a Python loop;
- our bulk API: ``WorkingDayCalendar.add_many(dates, ns)`` on prebuilt numpy arrays;
- ``holidays``' own ``get_nth_working_day`` (the library we build on);
- ``numpy.busday_offset`` on the same prebuilt arrays with a prebuilt ``busdaycalendar``
  (numpy's C core: the reference for the bulk API).

holidays' method walks day by day, so it is timed on the first ``HOLIDAYS_SAMPLE`` pairs
and reported per pair; every other contender runs all pairs. Results are checked against
each other (with the conventions aligned) before anything is reported.
Targets (issue 3): scalar >= 100x holidays' method per pair; bulk within 1.5x of numpy.
"""

from __future__ import annotations

import statistics
import sys
import time

import numpy as np

from childcare_commissioning.calendars import Division, bank_holidays, working_calendar

PAIRS = 1_000_000
HOLIDAYS_SAMPLE = 20_000
REPEAT = 5


def best_of(function, repeat=REPEAT):  # type: ignore[no-untyped-def]
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times), result


def main() -> None:
    rng = np.random.default_rng(20241223)
    offsets = rng.integers(0, 365 * 10, PAIRS)
    days = np.datetime64("2019-01-01") + offsets.astype("timedelta64[D]")
    ns = rng.integers(1, 30, PAIRS)  # "within N working days": forward counts
    py_days = [d.item() for d in days]
    py_ns = ns.tolist()

    calendar = working_calendar("england-and-wales")
    calendar.add_many(days[:10], ns[:10])  # build the arrays once, outside the timing
    import holidays

    hol = holidays.country_holidays("GB", subdiv="ENG", years=range(2018, 2031))
    weekday_holidays = sorted(bank_holidays(Division.ENGLAND_AND_WALES, range(2018, 2031)))
    busdaycal = np.busdaycalendar(holidays=weekday_holidays)
    # numpy's convention counts from the day itself; ours from the day after (day 1 is the
    # first working day after the event). Align by starting numpy the day after.
    np_start = days + np.timedelta64(1, "D")
    np_n = ns - 1

    add = calendar.add
    scalar_best, scalar_median, scalar = best_of(
        lambda: [add(d, n) for d, n in zip(py_days, py_ns, strict=True)], repeat=3
    )
    bulk_best, bulk_median, bulk = best_of(lambda: calendar.add_many(days, ns))
    numpy_best, numpy_median, reference = best_of(
        lambda: np.busday_offset(np_start, np_n, roll="forward", busdaycal=busdaycal)
    )
    sample = list(zip(py_days[:HOLIDAYS_SAMPLE], py_ns[:HOLIDAYS_SAMPLE], strict=True))
    nth = hol.get_nth_working_day
    # For n > 0 holidays already counts as we do: day 1 is the first working day after.
    hol_best, _, hol_result = best_of(lambda: [nth(d, n) for d, n in sample], repeat=3)

    assert (bulk == reference).all(), "bulk disagrees with numpy"
    assert [x.item() for x in bulk[:HOLIDAYS_SAMPLE]] == scalar[:HOLIDAYS_SAMPLE]
    assert hol_result == scalar[:HOLIDAYS_SAMPLE], "scalar disagrees with holidays"

    per_pair = {
        "holidays.get_nth_working_day": hol_best / HOLIDAYS_SAMPLE,
        "ours, scalar add()": scalar_best / PAIRS,
        "ours, bulk add_many()": bulk_best / PAIRS,
        "numpy.busday_offset (C)": numpy_best / PAIRS,
    }
    print(
        f"python {sys.version.split()[0]}, numpy {np.__version__}, holidays {holidays.__version__}"
    )
    print(f"{PAIRS:,} pairs (holidays' method: first {HOLIDAYS_SAMPLE:,}); best of runs")
    for name, seconds in per_pair.items():
        print(f"  {name:<32} {seconds * 1e9:10.1f} ns/pair")
    print(
        f"  whole million: scalar {scalar_best:.3f} s (median {scalar_median:.3f}), "
        f"bulk {bulk_best * 1000:.1f} ms (median {bulk_median * 1000:.1f}), "
        f"numpy {numpy_best * 1000:.1f} ms (median {numpy_median * 1000:.1f}), "
        f"holidays (extrapolated) {hol_best / HOLIDAYS_SAMPLE * PAIRS:.0f} s"
    )
    scalar_speedup = per_pair["holidays.get_nth_working_day"] / per_pair["ours, scalar add()"]
    bulk_ratio = bulk_best / numpy_best
    print(f"ratio: scalar is {scalar_speedup:.0f}x faster than holidays' method (target >= 100x)")
    print(f"ratio: bulk takes {bulk_ratio:.2f}x numpy's time (target <= 1.5x)")


if __name__ == "__main__":
    main()
