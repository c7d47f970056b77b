"""``referral check``: is this referral acceptable, and why (or why not)?"""

from __future__ import annotations

import argparse
from zoneinfo import ZoneInfo

from childcare_commissioning.cli._contract import EXIT_NO, EXIT_OK, InputError
from childcare_commissioning.cli._input import read_document, read_text
from childcare_commissioning.cli._output import print_json, print_table
from childcare_commissioning.cli.contractcmd import warn_term
from childcare_commissioning.convert import unstructure
from childcare_commissioning.council import CouncilSpec
from childcare_commissioning.model import Referral
from childcare_commissioning.referrals import ReferralDecision, check_referral
from childcare_commissioning.registry import get_registry

__all__ = ["check_service", "decide", "run"]


def read_input(name: str) -> str:
    """The text of a file, or of standard input for ``-`` (kept for older callers: new
    code reads through `childcare_commissioning.cli._input`)."""
    return read_text(name)


def check_service(spec: CouncilSpec, service: str | None) -> None:
    """``service``, when given, must be one of the council's (an :class:`InputError`
    listing them otherwise)."""
    services = [s.id for s in spec.services]
    if service is not None and service not in services:
        raise InputError(
            f"--service {service!r} is not a service of {spec.id} "
            f"(services: {', '.join(services) or 'none'}) [known-service]"
        )


def decide(spec: CouncilSpec, referral: Referral, service: str | None) -> ReferralDecision:
    """The council's decision on ``referral``; one addressed to another council is an
    :class:`InputError`."""
    if referral.council is not None and referral.council != spec.id:
        raise InputError(
            f"$.council: the referral is addressed to {referral.council!r}, not "
            f"{spec.id!r} (--council) [council-matches]"
        )
    return check_referral(spec, referral, service)


def run(args: argparse.Namespace) -> int:
    """Check the referral; exit 0 when acceptable, 1 otherwise."""
    council = get_registry().council(args.council)
    spec = council.spec
    check_service(spec, args.service)
    referral = read_document(args.file, Referral)
    received = referral.received_at.astimezone(ZoneInfo("Europe/London")).date()
    council = get_registry().council(spec.id, on=received)
    spec = council.spec
    warn_term(spec, [received], "the date the referral was received")
    decision = decide(spec, referral, args.service)
    if args.format == "json":
        print_json(unstructure(decision), council)
    else:
        print(
            f"Referral {decision.referral_id} to {spec.name}"
            f" ({decision.service or 'no service'}): {decision.outcome.value.upper()}"
        )
        rows = [
            (f.severity.value, f.code, f.message, f.path, str(f.citation or ""))
            for f in decision.findings
        ]
        print_table("Reasons", ("severity", "code", "reason", "path", "source"), rows)
        if decision.deadlines:
            print_table(
                "Deadlines started by the referral",
                ("duty", "due", "source"),
                [
                    (
                        d.title,
                        d.due_at.isoformat() if d.due_at else f"end of {d.due_date}",
                        str(d.citation),
                    )
                    for d in decision.deadlines
                ],
            )
    return EXIT_OK if decision.acceptable else EXIT_NO
