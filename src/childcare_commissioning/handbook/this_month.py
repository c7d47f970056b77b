"""*What to check this month*: one page per council for a contract manager.

The months are those of the plugin's example contract (its start and its packages, with
the variations it records): a real contract's dates come from ``obligations --contract
FILE``, never from this page. Nothing here is computed that the council pages do not
also show; this page only gathers what falls due and what to sample, month by month.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from childcare_commissioning.contract import contract_spec
from childcare_commissioning.handbook.markdown import long_date, md_table
from childcare_commissioning.obligations import obligations_between
from childcare_commissioning.referrals import REFERRAL_RECEIVED
from childcare_commissioning.registry import RegisteredCouncil, Registry

__all__ = ["this_month"]


def _months(registry: Registry, registered: RegisteredCouncil) -> str:
    """Reports and meetings due in each month of the example contract's first year."""
    from childcare_commissioning.cli.contractcmd import example_contract

    contract = example_contract(registry, registered)
    if contract is None:
        return (
            "The plugin bundles no example contract, so no month is dated here: "
            "`childcare-commissioning obligations --contract FILE --until DATE` lists a "
            "real contract's.\n"
        )
    spec = contract_spec(registered.spec, contract)
    start = contract.start
    year_end = dt.date(start.year + 1, start.month, 1) - dt.timedelta(days=1)
    until = min(year_end, contract.end) if contract.end else year_end
    due = obligations_between(
        spec.all_obligations(), start, start, until, spec.calendars, contract.packages
    )
    # One line per obligation (and package) a month, with every day it falls due.
    by_month: dict[str, dict[str, list[dt.date]]] = defaultdict(lambda: defaultdict(list))
    for occurrence in due:
        package = f" ({occurrence.package_id})" if occurrence.package_id else ""
        month = f"{occurrence.due_date:%Y-%m} {occurrence.due_date:%B %Y}"
        by_month[month][f"{occurrence.title}{package}"].append(occurrence.due_date)
    rows = [
        (
            month.split(" ", 1)[1],
            "<br>".join(
                f"{', '.join(f'{d:%a} {d.day}' for d in days)}: {what}"
                for what, days in sorted(items.items(), key=lambda kv: kv[1][0])
            ),
        )
        for month, items in sorted(by_month.items())
    ]
    return (
        f"Under the example contract ({contract.reference or contract.provider}), which "
        f"starts on {long_date(start)}: each month's reports, meetings and reviews, "
        "checked against what the provider submitted. Months with nothing due are left "
        "out.\n\n" + md_table(("Month", "Due (date: what)"), rows)
    )


def this_month(registry: Registry, registered: RegisteredCouncil) -> str:
    """The Markdown page: what falls due each month, and what to sample every month."""
    spec = registered.spec
    page = [
        f"# {spec.name}: what to check this month\n",
        f"A contract manager's page; every rule it names is on [{spec.name}'s page]"
        f"({registered.id}.md) with its clause and words.\n",
        "## Reports and meetings due\n",
        _months(registry, registered),
        "\n## Every month: sample the case records\n",
    ]
    responses = [d for d in spec.deadlines if d.trigger == REFERRAL_RECEIVED]
    checks = [
        f"- Referrals ({d.urgency or 'any urgency'}): *{d.title}* within {d.duration}."
        for d in responses
    ]
    if spec.monitoring is not None:
        measured = {c.rule for c in spec.monitoring.completions}
        checks += [
            f"- *{d.title}*: {d.duration} {d.direction} {d.trigger}."
            for d in spec.deadlines
            if d.id in measured and d not in responses
        ]
        checks += [
            f"- KPI *{k.title}*"
            + ("" if k.target is None else f": target {k.target} %")
            + ("" if k.minimum is None else f": at least {k.minimum}")
            + f", per reporting period ({k.numerator.describe()}"
            + ("" if k.denominator is None else f" / {k.denominator.describe()}")
            + ")."
            for k in spec.monitoring.kpis
        ]
    page.append(
        "\n".join(checks)
        if checks
        else "The text sets no response time or measure to sample from the case records."
    )
    page.append(
        "\n\n`childcare-commissioning monitor EVENTS --contract FILE --as-of DATE` does this "
        "from a case record system's events: each deadline met, late or overdue, each "
        "report on time, late or missing, each KPI with the cases behind it.\n"
    )
    page.append("\n## At a visit\n")
    page.append(
        f"- Ask the {len(spec.duties)} duties' questions: [the monitoring checklist]"
        f"({registered.id}.md#duties-the-monitoring-checklist)."
    )
    confirm = [r for r in spec.readings if r.confirm]
    if confirm:
        page.append(
            f"- {len(confirm)} readings wait for the council's answer: [Readings to confirm]"
            f"({registered.id}.md#readings-to-confirm)."
        )
    page.append(
        f"- What the library does not decide: [the list]({registered.id}.md"
        "#what-this-library-does-not-decide).\n"
    )
    return "\n".join(page)
