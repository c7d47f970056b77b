"""The handbook: pages generated from the plugins, a strict build, and a real browser."""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from childcare_commissioning.handbook import COMPARISONS, write_handbook
from childcare_commissioning.registry import get_registry
from tests.skips import require_tool

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    out = tmp_path_factory.mktemp("generated")
    write_handbook(get_registry(), out)
    return {str(p.relative_to(out)): p.read_text(encoding="utf-8") for p in out.rglob("*.md")}


def test_every_installed_council_gets_a_page(pages: dict[str, str]) -> None:
    """Plymouth and Testshire (the sixth, test-only plugin) each have a page, listed on the
    councils index, though nothing under docs/ names either."""
    assert {"councils/plymouth.md", "councils/testshire.md"} <= set(pages)
    assert "[Testshire County Council](testshire.md)" in pages["councils/index.md"]
    hand_written = " ".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    assert "testshire" not in hand_written.lower()


def test_deadlines_table_carries_citations_and_a_computed_example(pages: dict[str, str]) -> None:
    """The escalation rule's row shows its clause and quote, and its example: three working
    days from Mon 23 Dec 2024 is the end of Mon 30 Dec 2024."""
    page = pages["councils/plymouth.md"]
    [row] = [line for line in page.splitlines() if line.startswith("| `escalate-to-manager`")]
    assert "**3.3 Escalation process**" in row
    assert "If an appropriate reply is not received within three working days" in row
    assert "end of Mon 30 Dec 2024" in row


def test_readings_and_inconsistent_contacts_are_shown(pages: dict[str, str]) -> None:
    """The mailbox spelling reading and the contact warning both appear on the page."""
    page = pages["councils/plymouth.md"]
    assert "Plyplacements@plymouth.gov.uk" in page
    assert '!!! warning "Contacts given inconsistently' in page


def test_comparison_shows_not_specified(pages: dict[str, str]) -> None:
    """Every question has a section; each council without retention shows "not specified"
    (Testshire and Plymouth set none; Stoke withholds 5%)."""
    page = pages["compare.md"]
    for question, _ in COMPARISONS:
        assert f"## {question}" in page
    retention = page.split("## Retention")[1].split("##")[0]
    councils = get_registry().councils()
    without = [c for c in councils if c.spec.billing is None or c.spec.billing.retention is None]
    assert {"plymouth", "testshire"} <= {c.id for c in without}
    assert len(without) == retention.count("*not specified*")
    assert len(councils) == retention.count("\n| ") - 1  # minus the header row


def test_retention_years_are_shown(pages: dict[str, str]) -> None:
    """Stoke's 6.1 sets 5% for 2018/19, 2019/20 and 2020/21 and none for April-June 2021:
    the comparison and the council's page say which years."""
    retention = pages["compare.md"].split("## Retention")[1].split("##")[0]
    [row] = [line for line in retention.splitlines() if "5% (£4500)" in line]
    assert "5% (2018/19, 2019/20, 2020/21)" in row
    assert "only in 2018/19, 2019/20, 2020/21" in pages["councils/stoke.md"]


def test_merged_glossary_shows_both_definitions(pages: dict[str, str]) -> None:
    """'Care Plan' is defined by Plymouth and (differently) by Testshire: both are shown."""
    section = pages["glossary.md"].split("## Care Plan")[1].split("\n## ")[0]
    assert "Defined differently" in section
    assert "Plymouth City Council" in section
    assert "Testshire County Council" in section


def test_hooks_page_documents_every_hook(pages: dict[str, str]) -> None:
    """Each hookspec appears with its signature and docstring."""
    page = pages["hooks.md"]
    assert "## `childcare_commissioning_council()" in page
    assert "## `childcare_commissioning_examples(council_id" in page
    assert "UNDOCUMENTED" not in page


def test_worked_examples_are_computed(pages: dict[str, str]) -> None:
    """Fri 20 Dec 2024 + 3 working days = Fri 27 Dec; 5% of £90,000 withheld = £4,500.00,
    formatted by babel for en_GB."""
    page = pages["examples.md"]
    assert "**Fri 27 Dec 2024**" in page
    assert "**£4,500.00**" in page


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built with `mkdocs build --strict` (through the docs command)."""
    site_dir = tmp_path_factory.mktemp("site")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "childcare_commissioning.cli",
            "docs",
            "build",
            "--out",
            str(ROOT / "docs" / "generated"),
            "--site-dir",
            str(site_dir),
            # The repository's own generated folder: replaced even when an older version
            # left it without a manifest.
            "--force",
        ],
        check=True,
        cwd=ROOT,
        capture_output=True,
    )
    return site_dir


@pytest.fixture(scope="module")
def served(site: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def test_strict_build_has_every_page(site: Path) -> None:
    """The strict build produced the council pages and no page fetches web fonts."""
    assert (site / "generated" / "councils" / "plymouth.html").exists()
    index = (site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in index


#: In the browser: each table that scrolls sideways or runs past the content column (Material
#: lets a table's frame reach 0.8rem, 16 px, into the margin), and each cell or paragraph
#: that shows Markdown raw (a heading marker, bold stars, a backtick, a link's "](", a
#: table row's leading pipe), code aside.
_PAGE_PROBLEMS = """
const found = [];
const article = document.querySelector('article').getBoundingClientRect();
document.querySelectorAll('article .md-typeset__scrollwrap').forEach((wrap) => {
  const table = wrap.querySelector('table');
  if (wrap.scrollWidth > wrap.clientWidth + 1
      || table.getBoundingClientRect().right > article.right + 16) {
    found.push('wide table: ' + (table.rows[0] || {}).textContent);
  }
});
const raw = /(^|\\s)#{1,6}\\s|\\*\\*|`|\\]\\(|^\\s*\\|\\s/;
document.querySelectorAll('article td, article th, article p').forEach((cell) => {
  const clone = cell.cloneNode(true);
  clone.querySelectorAll('code, pre').forEach((code) => code.remove());
  if (raw.test(clone.textContent)) found.push('raw Markdown: ' + clone.textContent.slice(0, 80));
});
return found;
"""


@pytest.mark.slow
def test_site_in_headless_chromium(served: str, tmp_path: Path) -> None:
    """At 1280 px, each council page (Plymouth, Derby and the rest): every picture the
    declarations give is shown (loaded, not broken), no table is wider than the page and
    no cell shows raw Markdown; a screenshot of each is saved under the test's temporary
    directory. Plymouth's deadlines table shows citations; the search finds "LADO"."""
    if not Path("/usr/bin/chromium").exists():
        require_tool(
            "Chromium is needed: apt-get install chromium chromium-driver (scripts/test does)"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from childcare_commissioning.handbook.pictures import council_pictures

    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--window-size=1280,1600",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    registry = get_registry()
    try:
        for council in registry.councils():
            driver.get(f"{served}/generated/councils/{council.id}.html")
            expected = {p.name for p in council_pictures(registry, council)}
            shown = driver.execute_script(
                "return [...document.querySelectorAll('article img')]"
                ".filter((i) => i.complete && i.naturalWidth > 0)"
                ".map((i) => i.getAttribute('src'))"
            )
            assert sorted(f"{council.id}/{name}.svg" for name in expected) == sorted(shown)
            assert driver.execute_script(_PAGE_PROBLEMS) == [], council.id
            screenshot = tmp_path / f"{council.id}.png"
            driver.save_screenshot(str(screenshot))
            assert screenshot.stat().st_size > 10_000
        driver.get(f"{served}/generated/councils/plymouth.html")
        heading = driver.find_element(By.ID, "deadlines")
        table = heading.find_element(By.XPATH, "following::table[1]")
        text = table.get_attribute("textContent") or ""
        assert "3.3 Escalation process" in text
        assert "within 24 hours" in text
        driver.execute_script("document.querySelector('#__search').checked = true")
        driver.find_element(By.CSS_SELECTOR, "input.md-search__input").send_keys("LADO")
        WebDriverWait(driver, 20).until(
            lambda d: d.find_elements(By.CSS_SELECTOR, ".md-search-result__item")
        )
        results = driver.find_element(By.CSS_SELECTOR, ".md-search-result").get_attribute(
            "textContent"
        )
        assert "LADO" in (results or "")
        for page in ("tutorial.html", "generated/schemas.html", "reference.html"):
            driver.get(f"{served}/{page}")
            assert driver.execute_script(_PAGE_PROBLEMS) == [], page
    finally:
        driver.quit()


def test_outcomes_and_reference_data_are_shown(pages: dict[str, str]) -> None:
    """Derby's access KPI shows its 100% quarterly target; Stoke's SDQ table shows 2014-15's
    row as printed (131 below 17, 82 at 17 and above, 213 recorded)."""
    derby = pages["councils/derby.md"].split("## Outcomes and KPIs")[1]
    [access] = [
        line
        for line in derby.splitlines()
        if line.startswith("| Key performance indicators | Access |")
    ]
    assert "| 100% | Quarterly |" in access
    stoke = pages["councils/stoke.md"].split("## Reference data")[1]
    assert "| 2014-15 | 131 | 82 | 213 | 14.4 | 14 |" in stoke


def test_clause_by_clause_and_what_is_not_decided(pages: dict[str, str]) -> None:
    """Testshire's page states its coverage (28 of 28 sentences, worked in
    test_register) and its three numbers (18 computed, 3 on the checklist, 1 not decided,
    6 context: worked in test_testshire_in_three_numbers), lists every operational sentence
    not computed under "What this library does not decide" (the policy review and the
    family rating of §6, the no-smoking duty of §8, the premises passage of §10 with its
    reason), and walks the whole text clause by clause with each entry's status and links
    to the section listing the rule."""
    page = pages["councils/testshire.md"]
    assert "28 of 28 sentences of the text (list items and table cells included)" in page
    assert "accounted for (100.0 %)" in page
    assert "18 sentences computed" in page
    assert "3 on the monitoring checklist" in page
    assert "1 not decided, each with its reason; plus 6 of context" in page
    gaps = page.split("## What this library does not decide")[1].split("\n## ")[0]
    rows = [line for line in gaps.splitlines() if line.startswith("| ") and "---" not in line]
    assert ["Clause", "6 Monitoring", "6 Monitoring", "8 Staff", "10 Premises"] == [
        row.split("|")[1].strip() for row in rows
    ]
    assert "The Provider also reports how families rate the service." in rows[2]
    assert "depends on an appendix the text says is to follow" in gaps
    walk = page.split("## Clause by clause")[1]
    [row] = [line for line in walk.splitlines() if line.startswith("| 6 | 4 Referrals")]
    assert "The Provider will respond within three working days." in row
    assert "[`deadlines/referral-response`](#deadlines)" in row
    checklist = page.split("## Duties: the monitoring checklist")[1].split("\n## ")[0]
    assert "How do you make sure staff never smoke in a family's home?" in checklist


def test_a_council_without_register_says_so(pages: dict[str, str]) -> None:
    """Until a council's register exists, its page says the gaps are not listed, rather
    than implying the rules are complete."""
    from childcare_commissioning.registry import get_registry

    for council in get_registry().councils():
        page = pages[f"councils/{council.id}.md"]
        if council.spec.register is None:
            assert "**No clause register yet**" in page
        else:
            assert "accounted for (" in page
            assert "**The text in three numbers**" in page


def test_stale_generated_pages_are_removed(tmp_path: Path) -> None:
    """A page an earlier run wrote for a council that is no longer installed (the tests'
    Testshire, seen by a later `scripts/docs`) is deleted when the pages are generated:
    the earlier run's manifest lists it. A file no run wrote is left alone."""
    import json

    from childcare_commissioning.handbook import MANIFEST, write_handbook
    from childcare_commissioning.registry import get_registry

    stale = tmp_path / "councils" / "gone-shire.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("# Gone-shire\n", encoding="utf-8")
    mine = tmp_path / "councils" / "notes.md"
    mine.write_text("mine\n", encoding="utf-8")
    listed = {"files": ["councils/gone-shire.md", "compare.md"]}
    (tmp_path / MANIFEST).write_text(json.dumps(listed), encoding="utf-8")
    written = write_handbook(get_registry(), tmp_path)
    assert not stale.exists()
    assert "mine\n" == mine.read_text(encoding="utf-8")
    assert (tmp_path / "councils" / "testshire.md") in written
    assert (tmp_path / "schemas.md") in written
    manifest = json.loads((tmp_path / MANIFEST).read_text(encoding="utf-8"))
    assert "councils/testshire.md" in manifest["files"]
    assert "councils/notes.md" not in manifest["files"]


def test_site_works_as_files_and_shows_no_raw_roles(site: Path) -> None:
    """use_directory_urls is off: links end in .html, so site/ opened from disk navigates.
    The API reference shows names in code, never a raw Sphinx role; the schemas page shows
    the referral schema."""
    index = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="generated/compare.html"' in index
    assert "Search needs the site served" in index  # opened as files there is no search
    reference = (site / "reference.html").read_text(encoding="utf-8")
    for role in (":class:", ":func:", ":meth:"):
        assert role not in reference
    assert "<code>ConversionError</code>" in reference
    # The API reference lists the fields of the documents a reader meets first, and
    # signatures carry their types.
    for field in (
        "model.Package.child_id",
        "model.Package.hours_per_week",
        "model.Referral.received_at",
        "billing.Invoice.number",
        "contract.Contract.start",
    ):
        assert f'id="childcare_commissioning.{field}"' in reference
    signature = reference.split('id="childcare_commissioning.billing.run_invoices"')[1][:4000]
    assert "Iterable" in signature
    assert "InvoiceRun" in signature
    schemas = (site / "generated" / "schemas.html").read_text(encoding="utf-8")
    assert "https://json-schema.org/draft/2020-12/schema" in schemas
    assert "childcare-commissioning schema DOCUMENT" in schemas
