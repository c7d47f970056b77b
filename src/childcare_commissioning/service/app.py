"""The ASGI application (Starlette): routes from the operations, problem details for every
failure, and the safe defaults of :class:`~childcare_commissioning.service.settings.
ServiceSettings`."""

from __future__ import annotations

import datetime as dt
import hmac
import json
import logging
import time
from collections.abc import Iterator
from typing import Any
from zoneinfo import ZoneInfo

import anyio
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from childcare_commissioning.service.app_static import swagger_page, swagger_static
from childcare_commissioning.service.endpoints import OPERATIONS
from childcare_commissioning.service.operations import Call, Operation, check_extra
from childcare_commissioning.service.problems import (
    ParameterError,
    ServiceProblem,
    problem_for,
    problem_response,
)
from childcare_commissioning.service.settings import ServiceSettings

__all__ = ["ACCESS_LOG", "NOTE_HEADER", "create_app"]

ACCESS_LOG = logging.getLogger("childcare_commissioning.service.access")
"""One line per request: method, path (no query), status, milliseconds. Never a body."""
_ERRORS = logging.getLogger("childcare_commissioning.service")
NOTE_HEADER = "Childcare-Commissioning-Note"
"""A note the command line writes on standard error (``[code]`` and what it says)."""


def _dumps(data: Any) -> bytes:
    return json.dumps(data, ensure_ascii=False, default=str).encode("utf-8")


class _Guard:
    """Bearer token (when set) and the access log, around every request."""

    def __init__(self, app: ASGIApp, settings: ServiceSettings) -> None:
        self.app = app
        self.token = settings.token.encode("utf-8") if settings.token else None

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def sending(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            if self.token is not None and scope["path"] != "/health" and not self._allowed(scope):
                problem = ServiceProblem(
                    401,
                    "unauthorised",
                    "Unauthorised",
                    "this service needs Authorization: Bearer <token>",
                )
                response = problem_response(
                    problem_for(problem), {"WWW-Authenticate": 'Bearer realm="childcare"'}
                )
                await response(scope, receive, sending)
                return
            await self.app(scope, receive, sending)
        finally:
            ms = (time.perf_counter() - started) * 1000
            ACCESS_LOG.info('"%s %s" %s %.1fms', scope["method"], scope["path"], status, ms)

    def _allowed(self, scope: Scope) -> bool:
        assert self.token is not None
        for name, value in scope["headers"]:
            if name == b"authorization":
                scheme, _, given = value.partition(b" ")
                return scheme.lower() == b"bearer" and hmac.compare_digest(given, self.token)
        return False


def _param(request: Request, op: Operation) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for p in op.params:
        if p.where == "path":
            text: str | None = request.path_params.get(p.name)
        else:
            given = request.query_params.getlist(p.name)
            if len(given) > 1:
                raise ParameterError(p.name, "given more than once", "once")
            text = given[0] if given else None
        if text is None or text == "":
            if p.required:
                raise ParameterError(p.name, "required", "required")
            continue
        if "enum" in p.schema and text not in p.schema["enum"]:
            raise ParameterError(p.name, "expected one of " + ", ".join(p.schema["enum"]), "one-of")
        if p.parse is None:
            found[p.name] = text
            continue
        try:
            found[p.name] = p.parse(text)
        except Exception as exc:  # argparse.ArgumentTypeError: the command line's message
            raise ParameterError(p.name, str(exc), "parameter") from None
    return found


async def _body(request: Request, op: Operation, limit: int) -> Any:
    from childcare_commissioning.cli._contract import InputError

    declared = request.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _too_large(limit)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise _too_large(limit)
        chunks.append(chunk)
    if op.body is None:
        return None
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if op.body is not str and kind and not kind.endswith("json"):
        raise ServiceProblem(
            415, "media-type", "Unsupported media type", f"the request body must be {op.body_media}"
        )
    try:
        text = b"".join(chunks).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"the request body: not UTF-8 text (a byte that UTF-8 does not allow near byte "
            f"{exc.start}) [utf-8]"
        ) from None
    if not text.strip():
        raise InputError("the request body is empty [not-empty]")
    if op.body is str:
        return text
    from childcare_commissioning.cli._input import parse_json

    return parse_json(text, "the request body")


def _too_large(limit: int) -> ServiceProblem:
    return ServiceProblem(
        413, "too-large", "Request body too large", f"the request body is larger than {limit} bytes"
    )


def _call(request: Request, op: Operation, body: Any) -> tuple[Call, Any]:
    from childcare_commissioning.registry import get_registry

    params = _param(request, op)
    council = None
    if "council" in request.path_params:
        # The version of the council's text in force on the answer's date, as the CLI.
        council = get_registry().council(request.path_params["council"], on=_date_of(params))
    return Call(council, params, body), council


def _date_of(params: dict[str, Any]) -> dt.date | None:
    """The date an answer is for: its ``on`` or ``as_of`` date, or the London date of
    its ``at`` instant; ``None`` for an undated answer."""
    for key in ("on", "as_of"):
        if isinstance(params.get(key), dt.date):
            found: dt.date = params[key]
            return found
    at = params.get("at")
    if isinstance(at, dt.datetime):
        return at.astimezone(ZoneInfo("Europe/London")).date()
    return None


def _lines(call: Call, first: Iterator[Any]) -> Iterator[bytes]:
    try:
        for line in first:
            yield _dumps(line) + b"\n"
    except Exception as exc:
        # Past the first line the status is sent: the problem is the stream's last line.
        problem = problem_for(exc)
        if problem["status"] >= 500:
            _ERRORS.error("internal error in a stream (%s)", type(exc).__name__)
        yield _dumps({"problem": problem}) + b"\n"


def _endpoint(op: Operation, settings: ServiceSettings) -> Any:
    async def endpoint(request: Request) -> Response:
        try:
            check_extra(op)
            body = await _body(request, op, settings.max_body_bytes)
            call, council = _call(request, op, body)
            started = time.monotonic()
            with anyio.fail_after(settings.timeout_seconds):
                answer = await anyio.to_thread.run_sync(op.answer, call, abandon_on_cancel=True)
            # A busy event loop may deliver the cancellation only after the worker thread
            # finished: an answer that took too long is still refused, every time.
            if time.monotonic() - started > settings.timeout_seconds:
                raise TimeoutError
            if op.stream:
                return StreamingResponse(_lines(call, answer), media_type="application/jsonl")
            if op.answer_media != "application/json":
                text, notes = answer
                response = Response(text, media_type=op.answer_media)
                for note in notes:
                    response.headers.append(NOTE_HEADER, note)
                return response
            if op.explained and council is not None:
                from childcare_commissioning.explain import explain

                answer = explain(answer, council)
            return Response(_dumps(answer), media_type="application/json")
        except TimeoutError:
            return problem_response(
                problem_for(
                    ServiceProblem(
                        503,
                        "timeout",
                        "Too slow",
                        f"the answer took longer than {settings.timeout_seconds:g} seconds",
                    )
                )
            )
        except Exception as exc:
            problem = problem_for(exc)
            if problem["status"] >= 500:
                # The kind of error only: its message or traceback might hold request data.
                _ERRORS.error("internal error (%s) in %s", type(exc).__name__, op.operation_id)
            return problem_response(problem)

    return endpoint


def create_app(settings: ServiceSettings | None = None) -> Starlette:
    """The service as an ASGI application."""
    settings = settings or ServiceSettings()
    from childcare_commissioning.service.openapi import openapi_document

    document = openapi_document(token=settings.token is not None)

    async def openapi(request: Request) -> Response:
        return JSONResponse(document)

    async def docs(request: Request) -> Response:
        return HTMLResponse(swagger_page("/docs/static", "/openapi.json"))

    async def health(request: Request) -> Response:
        return JSONResponse({"status": "ok"})

    routes: list[Any] = [
        Route(op.path, _endpoint(op, settings), methods=[op.method]) for op in OPERATIONS
    ]
    routes += [
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/docs", docs, methods=["GET"]),
        Route("/health", health, methods=["GET"]),
    ]
    static = swagger_static()
    if static is not None:
        routes.append(Mount("/docs/static", StaticFiles(directory=static), name="static"))

    async def http_problem(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        titles = {404: "Not found", 405: "Method not allowed"}
        title = titles.get(exc.status_code, "HTTP error")
        kind = title.lower().replace(" ", "-")
        body = {
            "type": f"urn:childcare-commissioning:problem:{kind}",
            "title": title,
            "status": exc.status_code,
            "detail": f"{title.lower()}: see /openapi.json",
        }
        return problem_response(body, dict(exc.headers or {}))

    middleware = [Middleware(_Guard, settings=settings)]
    if settings.cors_origins:
        from starlette.middleware.cors import CORSMiddleware

        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST"],
                allow_headers=["authorization", "content-type"],
            )
        )
    return Starlette(
        routes=routes, middleware=middleware, exception_handlers={HTTPException: http_problem}
    )
