"""Where Swagger UI's files are (no Starlette needed to find them)."""

from __future__ import annotations

from pathlib import Path

__all__ = ["swagger_static"]


def swagger_static() -> str | None:
    """The folder of Swagger UI's files (the ``swagger-ui-py`` distribution), if installed."""
    try:
        import swagger_ui
    except ImportError:
        return None
    return str(Path(swagger_ui.__file__).parent / "static")
