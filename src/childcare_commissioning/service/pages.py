"""The handbook's API pages: the OpenAPI document and an interactive page that works
offline (Swagger UI's files copied beside it, from the ``swagger-ui-py`` distribution of
the ``service`` extra; nothing is fetched from a CDN when the page is viewed)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

__all__ = ["SWAGGER_FILES", "write_api_pages"]

SWAGGER_FILES = ("swagger-ui-bundle.js", "swagger-ui.css")


_NO_UI = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>childcare-commissioning API</title></head>
<body><p>The interactive page needs the service extra when the handbook is built
(<code>pip install 'childcare-commissioning[service]'</code>); the OpenAPI document is
<a href="openapi.json">openapi.json</a>.</p></body></html>
"""


def write_api_pages(out: Path) -> list[Path]:
    """Write ``openapi.json`` and ``index.html`` (with Swagger UI's files in ``static/``
    when installed) into ``out``; returns the files written."""
    from childcare_commissioning.service.app_static import swagger_page, swagger_static
    from childcare_commissioning.service.openapi import openapi_document

    out.mkdir(parents=True, exist_ok=True)
    document = out / "openapi.json"
    document.write_text(json.dumps(openapi_document(), indent=2) + "\n", encoding="utf-8")
    page = out / "index.html"
    written = [document, page]
    static = swagger_static()
    if static is None:
        page.write_text(_NO_UI, encoding="utf-8")
        return written
    (out / "static").mkdir(exist_ok=True)
    for name in SWAGGER_FILES:
        written.append(Path(shutil.copyfile(Path(static) / name, out / "static" / name)))
    page.write_text(swagger_page("static", "openapi.json"), encoding="utf-8")
    return written
