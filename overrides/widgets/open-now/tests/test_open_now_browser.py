"""The widget in real Chromium with a fixed clock (Playwright ``page.clock``): the same case
table as the Python reference, both languages; announced once; the directory filter."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from open_now_cases import HERE, calendar_for, group_for, load_table, moment, strings
from sitegen.hours.opening import epoch_minutes, timeline_json

from testsupport.browser import serve_directory

TABLE = load_table()
WIDGET = HERE.parent
FIRST, LAST = dt.date(2024, 1, 1), dt.date(2027, 12, 31)  # every moment of the table

PAGE = """<!doctype html><html lang="{lang}"><head><meta charset="utf-8"><title>t</title></head>
<body>{body}<script src="open-now.js"></script></body></html>"""
LINE = '<p data-open-now="hours.json#{name}" hidden><span data-open-now-text></span></p>'
DIRECTORY = """<p hidden><label><input type="checkbox" data-open-now-filter> only open</label>
<span data-open-now-count="Open now: {{count}}"></span></p>
<section><h2>A</h2><ul>{items}</ul></section><section><h2>B</h2><ul>
<li id="none" data-open-now-any="">no hours</li></ul></section>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("open-now")
    shutil.copy(WIDGET / "open-now.js", root / "open-now.js")
    cal = calendar_for(TABLE)
    hours = {}  # the site's one file: every timeline by its key
    for name in TABLE["schedules"]:
        hours[name] = timeline_json(group_for(TABLE, name), cal, strings(), FIRST, LAST)
        for lang in ("lv", "en"):
            body = LINE.format(name=name)
            (root / f"{name}.{lang}.html").write_text(PAGE.format(lang=lang, body=body))
    (root / "hours.json").write_text(json.dumps(hours, ensure_ascii=False))
    names = ["office", "reception-wed", "always", "days-not-given"]
    items = "".join(f'<li id="{n}" data-open-now-any="hours.json#{n}">{n}</li>' for n in names)
    body = DIRECTORY.format(items=items)
    (root / "directory.html").write_text(PAGE.format(lang="en", body=body))
    two = LINE.format(name="office") + LINE.format(name="always") + LINE.format(name="none")
    (root / "two.html").write_text(PAGE.format(lang="lv", body=two))
    with serve_directory(root) as url:
        yield url


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context()
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    yield pg
    context.close()
    assert errors == []


def _read(page: Any, url: str, at: dt.datetime) -> tuple[str, str, str | None]:
    page.clock.set_fixed_time(at)
    page.goto(url)
    line = page.locator("[data-open-now]").first
    line.wait_for(state="visible")
    return line.inner_text(), line.get_attribute("data-state"), line.get_attribute("data-next")


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_case_table_in_chromium(site: str, page: Any, lang: str) -> None:
    """Every moment of the table, in one page per case, with the clock fixed at it."""
    wrong = []
    for case in TABLE["cases"]:
        text, state, nxt = _read(page, f"{site}{case['schedule']}.{lang}.html", moment(case))
        expected_next = (
            str(epoch_minutes(dt.datetime.fromisoformat(case["next"]))) if case["next"] else ""
        )
        if text != case[lang] or nxt != expected_next:
            wrong.append(f"{case['at']} {case['schedule']}: {text!r} next={nxt} ({case['why']})")
    assert wrong == [], "\n".join(wrong)
    assert len(TABLE["cases"]) >= 40


def test_announced_once_not_on_every_update(site: str, page: Any) -> None:
    page.clock.install(time=dt.datetime.fromisoformat("2026-12-01T11:58+02:00"))
    page.goto(f"{site}two.html")
    first = page.locator("[data-open-now]").first
    first.wait_for(state="visible")
    live = page.locator("[aria-live=polite]")
    assert live.count() == 1
    said = live.inner_text()
    assert said == "Atvērts līdz 16.30 (pusdienu pārtraukums 12.00–12.30)"
    assert page.locator("[data-open-now]").nth(1).inner_text() == "Atvērts visu diennakti"
    assert page.locator("[data-open-now]").nth(2).is_hidden()  # no such key: nothing shown
    page.clock.run_for(3 * 60_000)  # the lunch break starts at 12:00
    assert first.inner_text() == "Slēgts — pusdienu pārtraukums līdz 12.30"
    assert first.get_attribute("data-state") == "closed"
    assert live.inner_text() == said  # not announced again


def test_one_request_for_every_line_and_the_filter(site: str, page: Any) -> None:
    """The site's timelines are one file: a page with several lines fetches it once."""
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url.rsplit("/", 1)[-1]))
    page.clock.set_fixed_time(dt.datetime.fromisoformat("2026-12-01T10:00+02:00"))
    page.goto(f"{site}two.html")
    page.locator("[data-open-now]").nth(1).wait_for(state="visible")
    page.goto(f"{site}directory.html")
    page.wait_for_function("document.querySelector('[data-open-now-count]').textContent")
    # once per page, for three lines and for four entries
    assert [f for f in fetched if f.endswith(".json")] == ["hours.json", "hours.json"]


def test_directory_open_now_filter(site: str, page: Any) -> None:
    page.clock.set_fixed_time(dt.datetime.fromisoformat("2026-12-01T10:00+02:00"))  # Tuesday
    page.goto(f"{site}directory.html")
    box = page.locator("[data-open-now-filter]")
    box.wait_for(state="visible")  # the control is shown only with JavaScript
    count = page.locator("[data-open-now-count]")
    page.wait_for_function("document.querySelector('[data-open-now-count]').textContent")
    assert count.inner_text() == "Open now: 2"
    box.check()
    page.wait_for_function("document.getElementById('reception-wed').hidden")
    visible = [li.get_attribute("id") for li in page.locator("li:visible").all()]
    assert visible == ["office", "always"]
    assert page.locator("section").nth(1).is_hidden()  # no entry left in it
    box.uncheck()
    page.wait_for_function("!document.getElementById('reception-wed').hidden")
    assert page.locator("li:visible").count() == 5


def test_nothing_shown_outside_the_window(site: str, page: Any) -> None:
    """After the window (a build older than 13 months) the line stays hidden, never wrong."""
    page.clock.set_fixed_time(dt.datetime.fromisoformat("2028-02-01T10:00+02:00"))
    page.goto(f"{site}office.lv.html")
    page.wait_for_timeout(300)
    assert page.locator("[data-open-now]").is_hidden()
