"""Top search results before and after issue 11, as a Markdown table.

Runs each query in Chromium on two built sites — the one before (Material's search, one
lunr index of both languages) and the one after (the Pagefind search widget) — from the
query language's home page, typed as a resident would, and prints the first result of each
(and the rank of the expected page in the first ten).

    .venv/bin/python benchmarks/search_queries.py BEFORE_SITE AFTER_SITE
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import launch_chromium, serve_directory  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

# (language, query, the page a resident wants)
QUERIES: list[tuple[str, str, str]] = [
    ("lv", "aprūpe", "services/home-care/"),
    ("lv", "aprupe", "services/home-care/"),
    ("lv", "aprūpei", "services/home-care/"),
    ("lv", "aprūpe mājās", "services/home-care/"),
    ("lv", "aprupe majas", "services/home-care/"),
    ("lv", "naktspatversme", "services/night-shelter/"),
    ("lv", "naktspatversmi", "services/night-shelter/"),
    ("lv", "naktspatversmē", "services/night-shelter/"),
    ("lv", "patversme", "services/shelter/"),
    ("lv", "patversmē", "services/shelter/"),
    ("lv", "pabalsts", "services/kraslava-social-assistance/"),
    ("lv", "pabalstu", "services/kraslava-social-assistance/"),
    ("lv", "pabalstus", "services/kraslava-social-assistance/"),
    ("lv", "pensionāriem", "services/kraslava-social-care/"),
    ("lv", "pensionariem", "services/kraslava-social-care/"),
    ("lv", "bērniem", "services/childrens-social-services-centre/"),
    ("lv", "berni", "services/childrens-social-services-centre/"),
    ("lv", "zupas virtuve", "services/soup-kitchen/"),
    ("lv", "veļas mazgāšana", "services/laundry/"),
    ("lv", "velas mazgasana", "services/laundry/"),
    ("lv", "krīzes centrs", "services/vecruzina-crisis-centre/"),
    ("lv", "psihologs", "services/rezekne-county-psychologist/"),
    ("lv", "atskurbtuve", "services/sobering-up-station/"),
    ("lv", "Dagda", "providers/kraslava-county-social-service/"),
    ("en", "home care", "en/services/home-care/"),
    ("en", "night shelter", "en/services/night-shelter/"),
    ("en", "soup kitchen", "en/services/soup-kitchen/"),
    ("en", "pensioners", "en/services/pensioners-social-services-centre/"),
    ("en", "psychologist", "en/services/rezekne-county-psychologist/"),
    ("en", "Dagda", "en/providers/kraslava-county-social-service/"),
]


def _results_before(page, query: str) -> list[tuple[str, str]]:  # noqa: ANN001
    field = page.locator("input.md-search__input")
    field.fill("")
    field.press_sequentially(query, delay=25)
    try:
        page.wait_for_selector(".md-search-result__item", state="attached", timeout=3000)
    except PlaywrightTimeout:
        return []
    page.wait_for_timeout(500)
    return page.eval_on_selector_all(
        "li.md-search-result__item > a.md-search-result__link",
        "as => as.map(a => [new URL(a.href).pathname, a.querySelector('h1')?.textContent.trim() || ''])",
    )


def _results_after(page, query: str) -> list[tuple[str, str]]:  # noqa: ANN001
    page.fill("#sg-search-input", query)
    page.wait_for_function(
        "(q) => { const s = document.querySelector('[data-sg-search-status]').textContent;"
        " return s && !s.endsWith('…') && document.querySelector('#sg-search-input').value === q; }",
        arg=query,
    )
    page.wait_for_timeout(300)
    return page.eval_on_selector_all(
        ".sg-search__link",
        "as => as.map(a => [a.getAttribute('href'), a.querySelector('.sg-search__name').textContent])",
    )


def run(site: Path, after: bool) -> dict[tuple[str, str], list[tuple[str, str]]]:
    found: dict[tuple[str, str], list[tuple[str, str]]] = {}
    with serve_directory(site) as base, launch_chromium() as browser:
        for lang in ("lv", "en"):
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(base + ("" if lang == "lv" else "en/"), wait_until="load")
            if after:
                page.click("button[data-sg-search]")
            else:
                page.click("button.sg-header-button--search")
            for q_lang, query, _ in QUERIES:
                if q_lang == lang:
                    results = (_results_after if after else _results_before)(page, query)
                    found[(lang, query)] = [(h.lstrip("/"), t) for h, t in results]
            page.close()
    return found


def _cell(results: list[tuple[str, str]], wanted: str) -> str:
    if not results:
        return "— (nothing)"
    href, title = results[0]
    hrefs = [h for h, _ in results[:10]]
    rank = f"{hrefs.index(wanted) + 1}" if wanted in hrefs else "not in top 10"
    other = " **other language**" if href.startswith("en/") != wanted.startswith("en/") else ""
    return f"{title} (`/{href}`){other}; wanted page: {rank}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    before = run(args.before, after=False)
    after = run(args.after, after=True)
    print(
        "| # | lang | query | wanted page | top result before (Material) | top result after (Pagefind) |"
    )
    print("| ---: | --- | --- | --- | --- | --- |")
    for n, (lang, query, wanted) in enumerate(QUERIES, 1):
        print(
            f"| {n} | {lang} | {query} | `/{wanted}` | {_cell(before[(lang, query)], wanted)} "
            f"| {_cell(after[(lang, query)], wanted)} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
