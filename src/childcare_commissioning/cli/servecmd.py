"""``serve``: the library's answers over HTTP (the ``service`` extra: Starlette, uvicorn).

Binds to 127.0.0.1 unless ``--host`` says otherwise; the bearer token, when wanted, comes
from the environment (``CHILDCARE_COMMISSIONING_TOKEN``), never from the command line
(where other users of the machine could read it). Uvicorn's own access log is off: it
would write query strings; the service writes its own, without them.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from childcare_commissioning.cli._parser import Subparsers

__all__ = ["add_parser", "run"]


def add_parser(sub: Subparsers) -> None:
    """Declare ``serve``."""
    from childcare_commissioning.cli._parser import bounded

    about = "serve the answers over HTTP with an OpenAPI 3.1 document (the 'service' extra)"
    command = sub.add_parser("serve", help=about, description=about)
    command.add_argument("--host", default="127.0.0.1", help="address (default: 127.0.0.1)")
    command.add_argument("--port", type=bounded(0, 65535), default=8000, help="default: 8000")
    command.add_argument(
        "--max-body",
        type=bounded(1, 1024),
        default=8,
        metavar="MIB",
        help="largest request body in MiB (default: 8)",
    )
    command.add_argument(
        "--timeout",
        type=bounded(1, 3600),
        default=30,
        metavar="SECONDS",
        help="longest time to answer a request (default: 30)",
    )
    command.add_argument(
        "--cors-origin",
        action="append",
        default=[],
        metavar="ORIGIN",
        help="allow browser calls from ORIGIN (repeat for more; default: none)",
    )
    command.set_defaults(module="servecmd", command="serve", format="table")


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted."""
    import logging

    from childcare_commissioning.cli._contract import InputError

    try:
        import uvicorn

        from childcare_commissioning.service import create_app
        from childcare_commissioning.service.settings import ServiceSettings
    except ImportError:
        raise InputError(
            "serve needs the 'service' extra: pip install 'childcare-commissioning[service]' "
            "[extra-missing]"
        ) from None
    settings = ServiceSettings.from_environment(
        host=args.host,
        port=args.port,
        max_body_bytes=args.max_body * 1024 * 1024,
        timeout_seconds=float(args.timeout),
        cors_origins=tuple(args.cors_origin),
    )
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    uvicorn.run(
        create_app(settings),
        host=settings.host,
        port=settings.port,
        access_log=False,
        log_level="info",
        server_header=False,
    )
    return 0
