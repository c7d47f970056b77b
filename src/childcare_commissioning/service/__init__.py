"""``childcare-commissioning serve``: the library's answers over HTTP, with OpenAPI 3.1.

For case systems that are not written in Python (Mosaic, LCS/ContrOCC, Liquidlogic,
rostering and finance packages). An optional extra: ``pip install
'childcare-commissioning[service]'`` brings Starlette (the ASGI framework) and uvicorn (the
server); ``import childcare_commissioning`` never imports this package.

- Every endpoint answers what a CLI command answers, through the same library functions
  and the same cattrs converter (:mod:`childcare_commissioning.convert`); every cited object
  in an answer names its ``rules`` and ``source`` (council, plugin distribution and
  version), as ``--format json`` does (:func:`childcare_commissioning.explain.explain`).
- The OpenAPI document (``GET /openapi.json``) is generated from the same attrs models
  the converter reads and writes (:func:`childcare_commissioning.schemas.schema_parts`):
  no schema is written twice. ``GET /docs`` is an interactive page served from the
  installed ``swagger-ui-bundle`` files (nothing fetched from a CDN).
- Errors are RFC 9457 problem details (:mod:`~childcare_commissioning.service.problems`),
  with the JSON path of each problem and the CLI's messages; never a stack trace, never a
  value from the request.
- Safe by default (:class:`~childcare_commissioning.service.settings.ServiceSettings`):
  loopback only, request body size and time limits, an optional bearer token from the
  environment, CORS off unless origins are given, no state kept between requests, and an
  access log of method, path, status and time only (no bodies, no query values).
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # Lazy: the OpenAPI document and the handbook's pages need no Starlette.
    if name == "create_app":
        from childcare_commissioning.service.app import create_app

        return create_app
    raise AttributeError(name)
