"""The handbook's API pages: the OpenAPI document and an interactive page that works
offline (Swagger UI's files copied beside it, from the ``swagger-ui-py`` distribution of
the ``service`` extra; nothing is fetched from a CDN when the page is viewed)."""

from __future__ import annotations

import json
from pathlib import Path

__all__ = ["SWAGGER_FILES", "api_pages", "write_api_pages"]

SWAGGER_FILES = ("swagger-ui-bundle.js", "swagger-ui.css")


_NO_UI = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>childcare-commissioning API</title></head>
<body><p>The interactive page needs the service extra when the handbook is built
(<code>pip install 'childcare-commissioning[service]'</code>); the OpenAPI document is
<a href="openapi.json">openapi.json</a>.</p></body></html>
"""


def api_pages(folder: str = "api") -> dict[str, str | bytes]:
    """The API pages by path under the handbook's generated pages: ``openapi.json`` and
    ``index.html`` in ``folder`` (with Swagger UI's files in ``static/`` when installed),
    for :func:`~childcare_commissioning.handbook.write_handbook` to write with the rest."""
    from childcare_commissioning.service.app_static import swagger_page, swagger_static
    from childcare_commissioning.service.openapi import openapi_document

    pages: dict[str, str | bytes] = {
        f"{folder}/openapi.json": json.dumps(openapi_document(), indent=2) + "\n"
    }
    static = swagger_static()
    if static is None:
        pages[f"{folder}/index.html"] = _NO_UI
        return pages
    for name in SWAGGER_FILES:
        pages[f"{folder}/static/{name}"] = (Path(static) / name).read_bytes()
    pages[f"{folder}/index.html"] = swagger_page("static", "openapi.json")
    return pages


def write_api_pages(out: Path, force: bool = False) -> list[Path]:
    """Write :func:`api_pages` into ``out`` (as the folder ``.``), through the manifest
    of :func:`~childcare_commissioning.safefiles.write_folder`; returns the files written."""
    from childcare_commissioning.handbook import MANIFEST
    from childcare_commissioning.safefiles import write_folder

    pages = {name.removeprefix("./"): data for name, data in api_pages(".").items()}
    return write_folder(pages, out, manifest=MANIFEST, force=force, option="--out")
