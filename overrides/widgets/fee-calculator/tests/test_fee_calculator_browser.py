"""The fee calculator in real Chromium: parity with Python, keyboard, messages, URL, axe, no-JS."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import fee_cases as fx
import pytest
from fee_page import build_site, render_page
from sitegen.fees.fee_calculator import breakdown, calculate
from sitegen.text.money import format_money

from testsupport.browser import serve_directory

NBSP = "\u00a0"

# Stands in for Material's document$ (instant navigation): subscribers run now and on next().
FAKE_DOCUMENT_STREAM = """<script>
window.document$ = {
  subs: [],
  subscribe: function (fn) { this.subs.push(fn); fn(document); },
  next: function () { this.subs.forEach(function (fn) { fn(document); }); }
};
</script>"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("fee-site")
    build_site(
        root,
        {
            "lv.html": render_page("lv"),
            "en.html": render_page("en"),
            "instant.html": render_page("lv", ["laundry-fee"], head=FAKE_DOCUMENT_STREAM),
            "next.html": render_page("lv", ["injections-fee"]),
            "nojs.html": render_page("lv"),
        },
    )
    with serve_directory(root) as url:
        yield url


@pytest.fixture
def page(chromium: Any) -> Iterator[Any]:
    context = chromium.new_context()
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    yield pg
    context.close()
    assert errors == [], "the page logged errors"


def calc(page: Any, fee: str) -> Any:
    return page.locator(f"#fee-calc-{fee}")


def status_text(page: Any, fee: str) -> str:
    return calc(page, fee).locator("[role=status]").text_content()


# --- one engine, two runtimes ----------------------------------------------------------------

JS_RESULT = """([fee, itemId, lang, inputs]) => {
  const root = document.getElementById("fee-calc-" + fee);
  const rules = JSON.parse(root.dataset.feeRules), msg = JSON.parse(root.dataset.feeMessages);
  const item = rules.items.find((i) => i.id === itemId);
  const FC = window.FeeCalculator, r = FC.calculate(item, inputs, lang);
  const euros = (c) => { const s = String(c).padStart(3, "0"); return s.slice(0, -2) + "." + s.slice(-2); };
  const messages = {};
  for (const f of Object.keys(r.errors)) messages[f] = FC.errorMessage(r.errors[f], f, item, rules.money, msg);
  return {
    total: r.total === null ? null : euros(r.total),
    errors: r.errors,
    messages: messages,
    breakdown: FC.breakdown(r, item, rules.money, msg),
  };
}"""


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_case_table_parity(page: Any, site: str, lang: str) -> None:
    page.goto(f"{site}{lang}.html")
    cases = [c for c in fx.cases() if c["lang"] == lang]
    assert cases
    got = [page.evaluate(JS_RESULT, [c["fee"], c["item"], c["lang"], c["inputs"]]) for c in cases]
    want = [fx.python_result(c) for c in cases]
    for case, js, py in zip(cases, got, want, strict=True):
        assert js == py, case["name"]
        assert js["total"] == case.get("total"), case["name"]


def _grid() -> list[tuple[str, str, dict[str, Any]]]:
    """Many inputs around the rounding edges: hours in quarters, incomes cent by cent."""
    grid = [
        ("home-care-fee", "level-4", {"quantity": f"{h // 100}.{h % 100:02d}"})
        for h in range(0, 6001, 25)
    ]
    grid += [
        (
            "shelter-fee",
            "stay",
            {"income": f"{c // 100}.{c % 100:02d}", "absent": "no", "months": "5"},
        )
        for c in range(0, 1001)
    ]
    # every answer to the exemption questions, and a few bad ones
    grid += [
        ("shelter-fee", "stay", {"income": "100", "months": m, "previous": p, "absent": a})
        for m in [str(n) for n in range(0, 14)] + ["", "2,5", "x", "-1"]
        for p in ("yes", "no", "")
        for a in ("yes", "no", "", "maybe")
    ]
    grid += [("shelter-fee", "other-municipality", {"quantity": str(d)}) for d in range(0, 33)]
    grid += [("injections-fee", "intravenous", {"quantity": str(n)}) for n in range(0, 40)]
    return grid


def test_parity_grid(page: Any, site: str) -> None:
    page.goto(f"{site}en.html")
    grid = _grid()
    js = page.evaluate(
        """(grid) => grid.map(([fee, itemId, inputs]) => {
          const root = document.getElementById("fee-calc-" + fee);
          const rules = JSON.parse(root.dataset.feeRules);
          const r = FeeCalculator.calculate(rules.items.find((i) => i.id === itemId), inputs, "en");
          return r.total === null ? r.errors : r.total;
        })""",
        [list(g) for g in grid],
    )
    py = []
    for fee, item_id, inputs in grid:
        result = calculate(fx.item(fee, item_id, "en"), inputs, "en")
        py.append(result.errors if result.total is None else int(result.total * 100))
    assert js == py


def test_money_and_numbers_match_babel(page: Any, site: str) -> None:
    amounts = [0, 1, 5, 10, 99, 100, 880, 28059, 123456, 100000000, 25000000]
    for lang in ("lv", "en"):
        page.goto(f"{site}{lang}.html")
        got = page.evaluate(
            """(cents) => { const fmt = JSON.parse(document.querySelector("[data-fee-rules]").dataset.feeRules).money;
               return cents.map((c) => FeeCalculator.money(c, fmt)); }""",
            amounts,
        )
        assert got == [format_money(Decimal(c) / 100, lang) for c in amounts]


# --- the form, by keyboard only ----------------------------------------------------------------


def test_keyboard_only_calculation(page: Any, site: str) -> None:
    page.goto(f"{site}lv.html")
    select = "#fee-calc-home-care-fee-item"
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == select[1:]:
            break
    assert page.evaluate("document.activeElement.id") == select[1:], "Tab never reached the form"
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    assert page.locator(select).input_value() == "level-4"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.name") == "quantity"
    label = calc(page, "home-care-fee").locator("label[for=fee-calc-home-care-fee-quantity]")
    assert label.text_content() == "Stundu skaits mēnesī"
    page.keyboard.type("12,5")
    page.keyboard.press("Enter")
    text = status_text(page, "home-care-fee")
    assert f"Jāmaksā: 31,25{NBSP}€" in text
    assert f"12,5 × 2,50{NBSP}€ = 31,25{NBSP}€" in text
    assert "Juridiskais pamats" in text
    # the button works from the keyboard too, and a bad value keeps the focus on its field
    page.keyboard.press("Control+A")
    page.keyboard.type("61")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.name") == "quantity"
    assert (
        "Ne vairāk kā 60."
        in calc(page, "home-care-fee").locator(".fee-calc__error").first.text_content()
    )


# --- messages next to the fields, in the page language --------------------------------------------


@pytest.mark.parametrize(
    ("lang", "value", "message", "invalid"),
    [
        ("lv", "61", "Kļūda: Ne vairāk kā 60.", "Rezultāta nav: izlabojiet atzīmēto lauku."),
        ("en", "61", "Error: Enter no more than 60.", "No result: correct the marked field."),
        ("lv", "-2", "Kļūda: Skaitlis nevar būt negatīvs.", "Rezultāta nav"),
        ("en", "ten", "Error: Enter a number, like 12 or 12.5.", "No result"),
        ("en", "", "Error: Enter a number.", "No result"),
        ("lv", "1,125", "Kļūda: Ne vairāk kā divi cipari aiz komata.", "Rezultāta nav"),
    ],
)
def test_bad_input_gets_a_message_and_no_result(
    page: Any, site: str, lang: str, value: str, message: str, invalid: str
) -> None:
    page.goto(f"{site}{lang}.html")
    box = calc(page, "home-care-fee")
    box.locator("select").select_option("level-4")
    field = box.locator("input[name=quantity]")
    field.fill(value)
    field.press("Enter")
    error = box.locator("#fee-calc-home-care-fee-quantity-error")
    assert error.is_visible()
    assert error.text_content() == message
    assert field.get_attribute("aria-invalid") == "true"
    assert "fee-calc-home-care-fee-quantity-error" in field.get_attribute("aria-describedby")
    status = status_text(page, "home-care-fee")
    assert invalid in status
    assert "€" not in status
    # correcting the value clears the message and gives the result
    field.fill("60")
    field.press("Enter")
    assert error.text_content() == ""
    assert field.get_attribute("aria-invalid") is None
    assert "150" in status_text(page, "home-care-fee")


def test_fields_follow_the_chosen_price(page: Any, site: str) -> None:
    page.goto(f"{site}en.html")
    box = calc(page, "shelter-fee")
    assert box.locator("input[name=income]").is_visible()
    assert not box.locator("input[name=quantity]").is_visible()
    hint = box.locator("#fee-calc-shelter-fee-income-hint")
    assert hint.text_content() == "the client's income in the previous month"
    box.locator("select").select_option("other-municipality")
    assert not box.locator("input[name=income]").is_visible()
    assert not box.locator("input[name=months]").is_visible()
    assert box.locator("fieldset").evaluate_all("els => els.every((e) => e.offsetParent === null)")
    assert (
        box.locator("label[for=fee-calc-shelter-fee-quantity]").text_content()
        == "Days in the month"
    )
    home = calc(page, "home-care-fee")
    home.locator("select").select_option("level-4")
    assert home.locator("#fee-calc-home-care-fee-quantity-hint").text_content() == (
        "Up to 60 hours a month. Parts of an hour are fine, like 12.5."
    )


def test_answers_decide_the_exemption_and_say_which(page: Any, site: str) -> None:
    page.goto(f"{site}lv.html")
    box = calc(page, "shelter-fee")
    absent = box.locator("[data-fee-field=absent]")
    previous = box.locator("[data-fee-field=previous]")
    box.locator("input[name=months]").fill("5")
    absent.get_by_label("Nē").check()
    box.locator("input[name=income]").fill("333,33")
    box.locator("button[type=submit]").click()
    assert f"25{NBSP}% × 333,33{NBSP}€ = 83,33{NBSP}€" in status_text(page, "shelter-fee")
    # the first three months, none in the nine before: free, and it says why
    box.locator("input[name=months]").fill("2")
    previous.get_by_label("Nē").check()
    box.locator("button[type=submit]").click()
    text = status_text(page, "shelter-fee")
    assert f"Jāmaksā: 0,00{NBSP}€" in text
    assert "Bez maksas: Trīs mēneši 12 mēnešu periodā" in text
    assert "months=2" in page.url and "previous=no" in page.url
    # stayed in the previous nine months: the charge applies
    previous.get_by_label("Jā").check()
    box.locator("button[type=submit]").click()
    assert f"Jāmaksā: 83,33{NBSP}€" in status_text(page, "shelter-fee")
    # away for a justified reason: the time away is free, not the month; the month's charge
    # is the most, and the line below says why
    absent.get_by_label("Jā").check()
    box.locator("button[type=submit]").click()
    text = status_text(page, "shelter-fee")
    assert f"Jāmaksā ne vairāk kā 83,33{NBSP}€" in text
    assert f"83,33{NBSP}€ ir maksa par visu mēnesi; par attaisnotās prombūtnes laiku" in text
    assert "absent=yes" in page.url


def test_an_unanswered_question_gets_a_message_and_the_focus(page: Any, site: str) -> None:
    page.goto(f"{site}en.html")
    box = calc(page, "shelter-fee")
    box.locator("input[name=months]").fill("2")
    box.locator("[data-fee-field=absent]").get_by_label("No").check()
    box.locator("input[name=income]").fill("100")
    box.locator("button[type=submit]").click()
    group = box.locator("[data-fee-field=previous]")
    assert group.get_attribute("aria-invalid") == "true"
    assert group.locator(".fee-calc__error").text_content() == "Error: Choose an answer."
    assert page.evaluate("document.activeElement.name") == "previous"
    assert "No result" in status_text(page, "shelter-fee")
    group.get_by_label("Yes").check()
    box.locator("button[type=submit]").click()
    assert group.get_attribute("aria-invalid") is None
    assert "You pay: €25.00" in status_text(page, "shelter-fee")


# --- the address keeps the inputs ------------------------------------------------------------------


def test_link_reopens_the_result_and_back_button_restores(page: Any, site: str) -> None:
    page.goto(f"{site}lv.html?fee=injections-fee&item=subcutaneous&quantity=10")
    box = calc(page, "injections-fee")
    assert box.locator("select").input_value() == "subcutaneous"
    assert box.locator("input[name=quantity]").input_value() == "10"
    assert f"0,50{NBSP}€ + 9 × 0,15{NBSP}€ = 1,85{NBSP}€" in status_text(page, "injections-fee")
    assert status_text(page, "home-care-fee") == "", "other calculators stay empty"

    box.locator("select").select_option("intravenous")
    box.locator("input[name=quantity]").fill("2")
    box.locator("input[name=quantity]").press("Enter")
    assert "quantity=2" in page.url and "item=intravenous" in page.url
    assert page.url.endswith("#fee-calc-injections-fee")
    assert f"= 0,95{NBSP}€" in status_text(page, "injections-fee")

    page.go_back()
    page.wait_for_function("location.search.includes('quantity=10')")
    assert box.locator("select").input_value() == "subcutaneous"
    assert box.locator("input[name=quantity]").input_value() == "10"
    assert f"= 1,85{NBSP}€" in status_text(page, "injections-fee")

    page.go_forward()
    page.wait_for_function("location.search.includes('quantity=2')")
    assert box.locator("input[name=quantity]").input_value() == "2"
    assert f"= 0,95{NBSP}€" in status_text(page, "injections-fee")


def test_back_to_the_empty_form(page: Any, site: str) -> None:
    page.goto(f"{site}lv.html")
    field = calc(page, "laundry-fee").locator("input[name=quantity]")
    field.fill("4")
    field.press("Enter")
    assert "quantity=4" in page.url
    page.evaluate("window.sameDocument = true")
    assert f"4 × 0,85{NBSP}€ = 3,40{NBSP}€" in status_text(page, "laundry-fee")
    page.go_back()
    page.wait_for_function("location.search === ''")
    assert page.evaluate("window.sameDocument === true"), "the same document, not a reload"
    assert field.input_value() == ""
    assert status_text(page, "laundry-fee") == ""


def test_same_calculation_twice_adds_no_history_entry(page: Any, site: str) -> None:
    page.goto(f"{site}en.html")
    field = calc(page, "laundry-fee").locator("input[name=quantity]")
    field.fill("3")
    field.press("Enter")
    length = page.evaluate("history.length")
    field.press("Enter")
    assert page.evaluate("history.length") == length


def test_link_restores_income_and_answers(page: Any, site: str) -> None:
    url = "en.html?fee=shelter-fee&item=stay&months=2&previous=no&absent=no&income=100"
    page.goto(site + url)
    box = calc(page, "shelter-fee")
    assert box.locator("input[name=income]").input_value() == "100"
    assert box.locator("input[name=months]").input_value() == "2"
    assert box.locator("[data-fee-field=previous]").get_by_label("No").is_checked()
    assert box.locator("[data-fee-field=absent]").get_by_label("No").is_checked()
    assert "Free of charge: Three months in a 12-month period" in status_text(page, "shelter-fee")


def test_link_with_bad_input_shows_the_message(page: Any, site: str) -> None:
    page.goto(f"{site}en.html?fee=home-care-fee&item=level-4&quantity=61")
    box = calc(page, "home-care-fee")
    assert box.locator(".fee-calc__error").first.text_content() == "Error: Enter no more than 60."
    assert page.evaluate("document.activeElement === document.body"), "no focus jump on load"


# --- instant navigation, double start ---------------------------------------------------------------


def test_restarts_after_instant_navigation_without_double_binding(page: Any, site: str) -> None:
    page.goto(f"{site}instant.html")
    assert calc(page, "laundry-fee").is_visible()
    # started by document$ and by the page load, and once more by hand: still bound once
    page.evaluate(
        """() => {
          window.FeeCalculator.scan();
          window.historyCalls = 0;
          for (const name of ["pushState", "replaceState"]) {
            const original = history[name].bind(history);
            history[name] = (...args) => { window.historyCalls += 1; return original(...args); };
          }
        }"""
    )
    laundry = calc(page, "laundry-fee").locator("input[name=quantity]")
    laundry.fill("2")
    laundry.press("Enter")
    assert page.evaluate("window.historyCalls") == 1, "one submit handler"
    # what Material does: fetch the next page, swap the content, re-create its scripts, emit document$
    page.evaluate(
        """async () => {
          const html = await (await fetch("next.html")).text();
          const next = new DOMParser().parseFromString(html, "text/html");
          document.querySelector("main").replaceWith(next.querySelector("main"));
          for (const old of document.querySelectorAll("main script")) {
            const s = document.createElement("script");
            for (const name of old.getAttributeNames()) s.setAttribute(name, old.getAttribute(name));
            old.replaceWith(s);
            await new Promise((done) => { s.onload = done; });
          }
          history.pushState(null, "", "next.html");
          window.document$.next();
        }"""
    )
    box = calc(page, "injections-fee")
    assert box.is_visible()
    field = box.locator("input[name=quantity]")
    field.fill("3")
    length = page.evaluate("history.length")
    field.press("Enter")
    assert page.evaluate("history.length") == length + 1, "one submit, one history entry"
    assert box.locator(".fee-calc__total").count() == 1
    assert f"0,50{NBSP}€ + 2 × 0,15{NBSP}€ = 0,80{NBSP}€" in status_text(page, "injections-fee")


# --- without JavaScript ----------------------------------------------------------------------------


def test_without_javascript_the_full_table_is_there(chromium: Any, site: str) -> None:
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{site}nojs.html")
    for fee in fx.fees().values():
        table = page.locator(f"#fee-{fee.id} table")
        assert table.is_visible()
        rows = table.locator("tbody tr")
        assert rows.count() == len(fee.items)
        for item in fee.items:
            assert rows.filter(has_text=item.label.lv).count() == 1
        assert not calc(page, fee.id).is_visible(), "the form needs the script; hidden without it"
    assert (
        f"2,50{NBSP}€ par stundu, līdz 60 stundām mēnesī"
        in page.locator("#fee-home-care-fee").text_content()
    )
    context.close()


# --- axe-core ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_axe_reports_no_violations(page: Any, site: str, lang: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page.goto(f"{site}{lang}.html?fee=injections-fee&item=subcutaneous&quantity=10")
    bad = calc(page, "home-care-fee").locator("input[name=quantity]")
    bad.fill("-1")
    bad.press("Enter")  # an error state on the page as well as a result
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()


def test_breakdown_helper_matches_the_shown_result(page: Any, site: str) -> None:
    """The visible working is the engine's breakdown, not a separate rendering."""
    page.goto(f"{site}en.html?fee=shelter-fee&item=other-municipality&quantity=31")
    item = fx.item("shelter-fee", "other-municipality", "en")
    lines = breakdown(calculate(item, {"quantity": "31"}, "en"), item, "en", fx.messages("en"))
    shown = calc(page, "shelter-fee").locator(".fee-calc__steps li").all_text_contents()
    assert shown == lines


def test_no_third_party_requests(chromium: Any, site: str) -> None:
    context = chromium.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(f"{site}lv.html")
    assert requests and all(url.startswith(site) for url in requests)
    context.close()


def test_plural_forms_match_babel(page: Any, site: str) -> None:
    """The widget picks a counted string's form by the browser's CLDR rules; they must be
    Babel's (sitegen/base/plurals.py), or a limit would read differently before and after JS."""
    from sitegen.base.plurals import plural_category

    page.goto(f"{site}lv.html")
    forms = {"zero": "zero", "one": "one", "other": "other"}
    for lang in ("lv", "en"):
        js = page.evaluate(
            "([forms, lang]) => [...Array(125).keys()].map((n) => FeeCalculator.plural(forms, n, lang))",
            [forms, lang],
        )
        assert js == [plural_category(n, lang) for n in range(125)], lang
