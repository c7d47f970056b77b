"""RFC 9457 problem details: every way a request can fail, as one JSON object.

``type`` is a URN naming the kind of problem, ``title`` says it in words, ``status`` is the
HTTP status, ``detail`` the message the command line prints for the same input, and
``problems`` (for a document that does not fit its model) lists each problem with the
JSON path into the request body (``$.child.date_of_birth``) or the query parameter
(``at``) it concerns, and the rule broken. Values from the request are never repeated
(they may be personal data), and no stack trace is ever shown.
"""

from __future__ import annotations

import json
from typing import Any

from starlette.responses import Response

from childcare_commissioning.errors import (
    CommissioningError,
    ConversionError,
    UnknownCouncilError,
)

__all__ = [
    "MEDIA_TYPE",
    "ParameterError",
    "ServiceProblem",
    "problem_for",
    "problem_response",
]

MEDIA_TYPE = "application/problem+json"


class ServiceProblem(Exception):
    """A problem the service states itself (too large, too slow, unauthorised...)."""

    def __init__(self, status: int, kind: str, title: str, detail: str) -> None:
        super().__init__(detail)
        self.status = status
        self.kind = kind
        self.title = title
        self.detail = detail


class ParameterError(CommissioningError, ValueError):
    """A query parameter cannot be used; ``parameter`` names it (its value is not shown)."""

    def __init__(self, parameter: str, message: str, rule: str = "parameter") -> None:
        super().__init__(f"{parameter}: {message} [{rule}]")
        self.parameter = parameter
        self.message = message
        self.rule = rule


def _body(status: int, kind: str, title: str, detail: str, **more: Any) -> dict[str, Any]:
    return {
        "type": f"urn:childcare-commissioning:problem:{kind}",
        "title": title,
        "status": status,
        "detail": detail,
        **more,
    }


def problem_for(exc: BaseException) -> dict[str, Any]:
    """The problem details for ``exc``, in the command line's words (exit status 2 there
    is 4xx here; a bug, exit status 3, is 500)."""
    if isinstance(exc, ServiceProblem):
        return _body(exc.status, exc.kind, exc.title, exc.detail)
    if isinstance(exc, ConversionError):
        problems = [{"path": p.path, "message": p.message, "rule": p.rule} for p in exc.problems]
        first = str(exc).split("\n", 1)[0]
        return _body(
            422, "invalid-document", "The document does not fit its model", first, problems=problems
        )
    if isinstance(exc, ParameterError):
        problem = {"parameter": exc.parameter, "message": exc.message, "rule": exc.rule}
        return _body(
            400,
            "invalid-parameter",
            "A query parameter cannot be used",
            str(exc),
            problems=[problem],
        )
    if isinstance(exc, UnknownCouncilError):
        return _body(404, "unknown-council", "No such council", str(exc))
    if isinstance(exc, RecursionError):
        return _body(
            422,
            "invalid-document",
            "The document cannot be read",
            "the input is nested too deeply to read",
        )
    if isinstance(
        exc, CommissioningError | UnicodeError | OverflowError | ValueError | LookupError
    ):
        # The command line's exit status 2: bad input, said in the core's words.
        return _body(
            422, "invalid-input", "The input cannot be used", str(exc) or type(exc).__name__
        )
    return _body(
        500,
        "internal-error",
        "Internal error",
        f"internal error ({type(exc).__name__}); this is a bug in "
        "childcare-commissioning: please report it",
    )


def problem_response(problem: dict[str, Any], headers: dict[str, str] | None = None) -> Response:
    """``problem`` as an ``application/problem+json`` response."""
    text = json.dumps(problem, ensure_ascii=False)
    return Response(text, status_code=problem["status"], media_type=MEDIA_TYPE, headers=headers)
