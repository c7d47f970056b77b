"""Where Swagger UI's files are (no Starlette needed to find them)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["swagger_page", "swagger_static"]


def swagger_static() -> str | None:
    """The folder of Swagger UI's files (the ``swagger-ui-py`` distribution), if installed."""
    try:
        import swagger_ui
    except ImportError:
        return None
    return str(Path(swagger_ui.__file__).parent / "static")


def swagger_page(static: str, document: str) -> str:
    """The Swagger UI page loading its files from ``static`` and the OpenAPI document
    from ``document`` (URLs as the page sees them)."""
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>childcare-commissioning API</title>
<link rel="stylesheet" href="{static}/swagger-ui.css"></head>
<body><div id="api"></div>
<script src="{static}/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({{url: "{document}", dom_id: "#api"}});</script>
</body></html>
"""
