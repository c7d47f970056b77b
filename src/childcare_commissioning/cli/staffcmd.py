"""``staff-check``: a roster against a council's workforce requirements."""

from __future__ import annotations

import argparse
import datetime as dt
from collections.abc import Mapping
from typing import Any

import attrs

from childcare_commissioning.cli._contract import EXIT_NO, EXIT_OK, InputError
from childcare_commissioning.cli._input import read_rows
from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.cli.contractcmd import resolve, warn_term
from childcare_commissioning.convert import structure, unstructure
from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.durations import Duration
from childcare_commissioning.model import Finding, Severity
from childcare_commissioning.roster import (
    Roster,
    check_package_team,
    last_months,
    roster_of,
    turnover,
)
from childcare_commissioning.training_matrix import TrainingMatrix
from childcare_commissioning.workforce import RosterReport, check_roster

__all__ = ["StaffAnswer", "check_staff", "roster_document", "run"]


@attrs.frozen
class StaffAnswer:
    """What ``staff-check`` answers for a roster: the workers' and team's report, the
    workers whose needs were not given (not fully checked), each package team's findings,
    the turnover over the period asked for, and whether the roster is compliant."""

    report: RosterReport
    unchecked: frozenset[str]
    packages: tuple[tuple[str, tuple[Finding, ...]], ...]
    months: Any
    ok: bool


def check_staff(
    spec: CouncilSpec,
    roster: Roster,
    on: dt.date,
    horizon: int = 60,
    matrix: TrainingMatrix | Mapping[str, Duration] | None = None,
    since: dt.date | None = None,
) -> StaffAnswer:
    """Check ``roster`` on ``on`` (``matrix``: the provider's training matrix, from the
    roster or a contract; ``since``: the start of the turnover period, if asked)."""
    workers = list(roster.workers)
    report = check_roster(spec.workforce, workers, on, horizon, matrix)
    # Requirements not applied because the roster does not say what needs a worker works
    # with: the answer is not "compliant" until it does.
    unchecked = frozenset(
        w.worker_id
        for w in report.workers
        for f in w.findings
        if f.code == "workforce.works-with.missing"
    )
    packages = tuple(
        (p.id, tuple(check_package_team(spec.workforce, p, workers, on))) for p in roster.packages
    )
    short = any(found for _, found in packages)
    ok = report.compliant == len(report.workers) and not report.team and not unchecked
    if since is not None and since > on:
        raise InputError("--turnover-from: must not be after --on [period-order]")
    months = turnover(workers, since, on) if since is not None else None
    return StaffAnswer(report, unchecked, packages, months, ok and not short)


def roster_document(answer: StaffAnswer) -> dict[str, Any]:
    """The answer, JSON-ready, with what its properties say: each worker's ``compliant``,
    and the roster's ``compliant``, ``compliant_workers`` and ``workers_checked``."""
    report = answer.report
    document: dict[str, Any] = unstructure(report)
    # `compliant` is a property of each report, which unstructuring leaves out.
    for worker, entry in zip(report.workers, document["workers"], strict=True):
        entry["compliant"] = worker.compliant
    document["compliant"] = answer.ok
    document["workers_not_fully_checked"] = sorted(answer.unchecked)
    document["packages"] = [
        {"id": package_id, "findings": unstructure(list(found))}
        for package_id, found in answer.packages
    ]
    document["compliant_workers"] = report.compliant
    document["workers_checked"] = len(report.workers)
    months = answer.months
    if months is not None:
        document["turnover"] = unstructure(months) | {
            "percent": None if months.percent is None else str(months.percent)
        }
    return document


def run(args: argparse.Namespace) -> int:
    """Check every worker; exit 1 if any is not compliant or a team rule is unmet. The
    roster is a list of workers, or ``{"workers": [...], "training_matrix": {...}}`` with
    the provider's training matrix (its refresher intervals replace the text's default
    where the text allows); a contract (``--contract``) may give the matrix instead."""
    resolved = resolve(args, on=args.on)
    council = resolved.council
    spec = resolved.spec
    warn_term(spec, [args.on], "the check date")
    roster = structure(roster_of(read_rows(args.file, args.input_format)), Roster)
    matrix: TrainingMatrix | Mapping[str, Duration] | None = roster.training_matrix
    if resolved.contract is not None and resolved.contract.training_matrix is not None:
        if matrix is not None:
            raise InputError(
                "the roster and the contract both give a training matrix: give it once "
                "[training-matrix]"
            )
        matrix = resolved.contract.training_matrix
    since = args.turnover_from
    if since is None and args.turnover:
        since = last_months(args.on)[0]
    answer = check_staff(spec, roster, args.on, args.horizon, matrix, since)
    report, unchecked, packages, months, ok = (
        answer.report,
        answer.unchecked,
        answer.packages,
        answer.months,
        answer.ok,
    )
    workers = roster.workers
    if args.format == "json":
        print_json(roster_document(answer), council)
    else:
        rows = [
            (
                w.worker_id,
                ("yes (not all checked)" if w.worker_id in unchecked else "yes")
                if w.compliant
                else "NO",
                "; ".join(f.message for f in w.findings if f.severity == "error"),
                ", ".join(f"{x.subject} {x.lapses_on}" for x in w.lapsing),
            )
            for w in report.workers
        ]
        print_table(
            f"{spec.name}: staff on {args.on} ({report.compliant} of {len(workers)} compliant)",
            ("worker", "compliant", "gaps", f"lapsing within {args.horizon} days"),
            rows,
        )
        for worker in report.workers:
            for finding in worker.findings:
                if finding.severity is Severity.WARNING and finding.code != "workforce.lapsing":
                    print(f"{worker.worker_id}: warning: {finding.message}")
        for finding in report.team:
            print(f"team: {finding.message} [{finding.citation}]")
        # Queries: what the text leaves open for a worker (an interval it does not set).
        for w in report.workers:
            for finding in w.findings:
                if finding.code.endswith(".interval-unset"):
                    print(f"query: {w.worker_id}: {finding.message}")
        for _, found in packages:
            for finding in found:
                print(f"package: {finding.message} [{finding.citation}]")
        for finding in report.notes:
            print(f"roster: {finding.severity}: {finding.message}")
        if months is not None:
            share = "no staff" if months.percent is None else f"{months.percent} %"
            print(
                f"turnover {months.start} to {months.end}: {months.leavers} leaver(s) of "
                f"{months.staff} staff employed in the period ({share})"
            )
    return EXIT_OK if ok else EXIT_NO
