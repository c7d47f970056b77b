"""mkdocs hook: render Sphinx cross-reference roles left in docstrings as code.

Docstrings say ``:class:`~childcare_commissioning.errors.ConversionError``` (readable in
``help()`` and editors); mkdocstrings renders Markdown, where the role would show as raw
``:class:`` text. This hook turns each role into the object's name in code font
(``ConversionError``; the full dotted path without ``~``), on every page.
"""

from __future__ import annotations

import re
from typing import Any

_ROLE = re.compile(
    r":(?:py:)?(?:class|func|meth|mod|attr|data|exc|obj|const):<code>(~?)([^<]+)</code>"
)


def _name(match: re.Match[str]) -> str:
    short, target = match.group(1), match.group(2)
    return f"<code>{target.rsplit('.', 1)[-1] if short else target}</code>"


def on_page_content(html: str, **_: Any) -> str:
    """Replace every role in the rendered page."""
    return _ROLE.sub(_name, html)
