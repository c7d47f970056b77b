"""The policy handbook: Markdown pages generated from the registered council plugins.

:func:`write_handbook` writes plain Markdown (no MkDocs-only machinery), so any static
site generator reading ``mkdocs.yml`` can build it; ``childcare-commissioning docs
generate`` runs it before ``mkdocs build``. Every rule row shows its citation (clause and
quote) and any notes; money and dates go through babel (en_GB). The worked examples are
computed here, at build time, so the pages cannot drift from the code.

The modules, one seam each:

- :mod:`~childcare_commissioning.handbook.markdown`: cells, citations, tables, dates;
- :mod:`~childcare_commissioning.handbook.council`: :func:`council_page` and its opening
  sections (overview, readings, variations, eligibility, referrals);
- :mod:`~childcare_commissioning.handbook.rules`: deadlines, obligations, workforce,
  safeguarding, billing, outcomes, glossary, duties;
- :mod:`~childcare_commissioning.handbook.monitoring`: *Monitoring this contract*;
- :mod:`~childcare_commissioning.handbook.not_decided`: *What this library does not
  decide*, the coverage summary and *Clause by clause*;
- :mod:`~childcare_commissioning.handbook.compare`: *Councils side by side*;
- :mod:`~childcare_commissioning.handbook.pages`: the other pages and
  :func:`write_handbook`.
"""

from __future__ import annotations

from childcare_commissioning.handbook.compare import COMPARISONS
from childcare_commissioning.handbook.council import council_page
from childcare_commissioning.handbook.pages import MANIFEST, write_handbook

__all__ = ["COMPARISONS", "MANIFEST", "council_page", "write_handbook"]
