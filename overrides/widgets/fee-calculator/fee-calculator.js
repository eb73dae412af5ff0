/* Fee calculator: enhances every [data-fee-calculator] element (see README.md).
 * The rules come from the element's data-fee-rules (JSON written by sitegen.fees.rules_json),
 * the UI strings from data-fee-messages. Money is integer cents, so the results match the
 * Python reference engine (sitegen/fees.py) to the cent. No framework, no network. */
(function () {
  "use strict";
  if (window.FeeCalculator) { window.FeeCalculator.scan(); return; }

  var SPACES = /[ \t\n\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;
  var KEYS = ["fee", "item", "quantity", "income", "months", "previous", "absent", "exempt"];
  var QUESTIONS = ["absent", "months", "previous"]; // the order sitegen/fees/exemptions.py checks them in

  // --- numbers: text -> hundredths (integer), as sitegen.text.money.parse_number ----------
  function parse(text, lang) {
    var s = String(text == null ? "" : text).replace(SPACES, "");
    if (s.charAt(0) === "€") s = s.slice(1);
    if (s.slice(-1) === "€") s = s.slice(0, -1);
    if (!s) return { error: "required" };
    var negative = s.charAt(0) === "-" || s.charAt(0) === "\u2212";
    if (negative) s = s.slice(1);
    if (lang === "en") {
      if (/^[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$/.test(s)) s = s.replace(/,/g, "");
    } else {
      s = s.replace(/,/g, ".");
    }
    var m = /^([0-9]+)(?:\.([0-9]+))?$/.exec(s);
    if (!m) return { error: "number" };
    if (negative) return { error: "negative" };
    var frac = m[2] || "";
    if (frac.length > 2) return { error: "decimals" };
    return { value: Number(m[1]) * 100 + Number((frac + "00").slice(0, 2)) };
  }

  // "8.80" -> 880; the rules carry amounts and percentages with at most two decimals
  function hundredths(text) { return parse(text, "lv").value; }

  function read(text, lang, decimals, max) {
    var r = parse(text, lang);
    if (r.error) return r;
    if (!decimals && r.value % 100) return { error: "whole" };
    if (r.value > max * 100) return { error: "max" };
    return r;
  }

  function roundDiv(x, d) { return Math.floor((x + d / 2) / d); } // x >= 0: half-up

  // --- exemptions decided from answers, as sitegen/fees/exemptions.py --------------------
  function condition(name, test, inputs, lang, monthsMax) { // {ok: true/false} or {error: code}
    var answer = inputs[name];
    if (name === "months") {
      var r = read(answer, lang, 0, monthsMax);
      return r.error ? { error: r.error } : { ok: r.value / 100 <= test.months_at_most };
    }
    if (answer !== "yes" && answer !== "no") return { error: "choose" };
    return { ok: name === "absent" ? answer === "yes" : answer === "no" };
  }
  function decide(exemptions, inputs, lang, monthsMax) {
    var errors = {};
    for (var i = 0; i < exemptions.length; i++) {
      var e = exemptions[i], test = e.applies;
      if (!test) continue;
      var wanted = {
        absent: test.justified_absence,
        months: test.months_at_most !== null && test.months_at_most !== undefined,
        previous: test.none_in_previous_months !== null && test.none_in_previous_months !== undefined
      };
      var holds = true;
      for (var j = 0; j < QUESTIONS.length; j++) {
        var name = QUESTIONS[j];
        if (!wanted[name]) continue;
        var c = condition(name, test, inputs, lang, monthsMax || 12);
        if (c.error) { if (!(name in errors)) errors[name] = c.error; holds = false; break; }
        if (!c.ok) { holds = false; break; }
      }
      if (holds) return { exemption: e, errors: {} };
    }
    return { exemption: null, errors: errors };
  }

  // --- the engine: one item of the rules, typed inputs -> {total, steps, errors} -----
  function calculate(item, inputs, lang) {
    var r, total, step;
    if (item.kind === "income_share") {
      var d = decide(item.exemptions, inputs, lang, item.months_max), ex = d.exemption;
      if (!ex) { // an exemption without a test in the data: ticked by the person
        var ticked = inputs.exempt || [];
        ex = item.exemptions.filter(function (e) { return !e.applies && ticked.indexOf(e.id) >= 0; })[0] || null;
      }
      var absence = null;
      if (ex && ex.applies && ex.applies.justified_absence) {
        // a justified absence frees the time away, not the month (sitegen/fees/fee_calculator.py)
        absence = ex;
        d = decide(item.exemptions.filter(function (e) { return e !== absence; }), inputs, lang, item.months_max);
        ex = d.exemption;
      }
      if (ex) return { total: 0, steps: [{ op: "exempt", id: ex.id, label: ex.label, result: 0 }], errors: {} };
      var errors = d.errors;
      r = read(inputs.income, lang, 2, hundredths(item.max_income) / 100);
      if (r.error) errors.income = r.error;
      if (Object.keys(errors).length) return { total: null, steps: [], errors: errors };
      total = roundDiv(r.value * hundredths(item.percent), 10000);
      step = { op: "percent", percent: hundredths(item.percent), income: r.value, result: total };
      var steps = [step];
      if (absence) steps.push({ op: "absence", id: absence.id, result: total });
      return { total: total, steps: steps, errors: {} };
    }
    r = read(inputs.quantity, lang, item.decimals, item.input_max);
    if (r.error) return { total: null, steps: [], errors: { quantity: r.error } };
    var q = r.value; // hundredths of a unit
    if (item.kind === "per_unit") return times(q, hundredths(item.amount));
    if (item.kind === "first_and_next") {
      var first = hundredths(item.first), next = hundredths(item.next);
      if (q <= 100) return times(q, first);
      total = first + (q / 100 - 1) * next;
      step = { op: "first_next", first: first, count: q - 100, next: next, result: total };
      return { total: total, steps: [step], errors: {} };
    }
    if (item.kind === "daily_capped") {
      var monthly = hundredths(item.monthly), res = times(q, hundredths(item.daily));
      if (res.total <= monthly) return res;
      res.steps.push({ op: "cap", amount: res.total, monthly: monthly, result: monthly });
      res.total = monthly;
      return res;
    }
    throw new Error("unknown fee rule kind " + item.kind);
  }

  function times(q, amount) {
    var total = roundDiv(q * amount, 100);
    return { total: total, steps: [{ op: "times", quantity: q, amount: amount, result: total }], errors: {} };
  }

  // --- words and numbers for people, as sitegen.fees.breakdown ----------------------
  function group(digits, sep) { return digits.replace(/\B(?=([0-9]{3})+(?![0-9]))/g, sep); }

  function money(cents, fmt) {
    var s = String(cents), whole = s.length > 2 ? s.slice(0, -2) : "0";
    return fmt.before + group(whole, fmt.group) + fmt.decimal + ("0" + s).slice(-2) + fmt.after;
  }

  function number(h, fmt) { // hundredths -> "12,5", "1 000"
    var frac = String(h % 100 + 100).slice(1).replace(/0+$/, "");
    return group(String(Math.floor(h / 100)), fmt.group) + (frac ? fmt.decimal + frac : "");
  }

  // a counted string: {zero, one, other…} picked by the CLDR plural rules, as sitegen/base/plurals.py
  function plural(forms, n, lang) {
    if (typeof forms === "string") return forms;
    var category = window.Intl && Intl.PluralRules ? new Intl.PluralRules(lang).select(n) : "other";
    return forms[category] || forms.other;
  }

  function fill(template, values) {
    Object.keys(values).forEach(function (k) { template = template.split("{" + k + "}").join(values[k]); });
    return template;
  }

  function breakdown(calc, item, fmt, msg) {
    function m(c) { return money(c, fmt); }
    return calc.steps.map(function (s) {
      if (s.op === "times") return number(s.quantity, fmt) + " × " + m(s.amount) + " = " + m(s.result);
      if (s.op === "first_next") return m(s.first) + " + " + number(s.count, fmt) + " × " + m(s.next) + " = " + m(s.result);
      if (s.op === "percent") return item.percent_text + " × " + m(s.income) + " = " + m(s.result);
      if (s.op === "cap") return fill(msg["fee.result.capped"], { amount: m(s.amount), monthly: m(s.monthly) });
      if (s.op === "absence") return fill(msg["fee.result.absence"], { amount: m(s.result) });
      return fill(msg["fee.result.exempt"], { reason: s.label });
    });
  }

  function errorMessage(code, field, item, fmt, msg) {
    var max = field === "income" ? money(hundredths(item.max_income), fmt)
      : number((field === "months" ? item.months_max : item.input_max) * 100, fmt);
    return fill(msg["fee.error." + code], { max: max });
  }

  // --- the form ----------------------------------------------------------------------
  function init(root) {
    if (root.feeCalculator) return;
    var rules = JSON.parse(root.getAttribute("data-fee-rules"));
    var msg = JSON.parse(root.getAttribute("data-fee-messages"));
    var form = root.querySelector("form");
    var out = root.querySelector("[role=status]");
    var legal = root.querySelector("[data-fee-legal]");
    var fmt = rules.money, lang = rules.lang;
    var fields = {};
    ["quantity", "income", "exempt", "months", "previous", "absent"].forEach(function (name) {
      fields[name] = root.querySelector("[data-fee-field=" + name + "]");
    });

    function field(name) { return form.elements.namedItem(name); } // .item is a method

    function item() {
      var id = field("item").value;
      return rules.items.filter(function (i) { return i.id === id; })[0] || rules.items[0];
    }

    function setText(el, text) { if (el) el.textContent = text || ""; }

    function show() { // fit the fields to the chosen item: which fields, labels, hints
      var it = item(), income = it.kind === "income_share";
      fields.quantity.hidden = income;
      if (fields.income) fields.income.hidden = !income;
      ["exempt", "months", "previous", "absent"].forEach(function (name) {
        if (fields[name]) fields[name].hidden = !income;
      });
      if (income) {
        setText(fields.income.querySelector(".fee-calc__hint"), it.base);
        return;
      }
      setText(fields.quantity.querySelector("label"), it.quantity);
      var hint = [];
      if (it.max_quantity) { // the unit's own words (data/vocabulary.yaml), else the plain ones
        var limit = fill(plural(it.limit || msg["fee.limit.other"], it.max_quantity, lang),
          { max: number(it.max_quantity * 100, fmt) });
        hint.push(limit.charAt(0).toUpperCase() + limit.slice(1) + ".");
      }
      if (it.decimals) hint.push(msg["fee.calc.decimals"]);
      setText(fields.quantity.querySelector(".fee-calc__hint"), hint.join(" "));
    }

    function inputs() {
      var exempt = [].slice.call(form.querySelectorAll("input[name=exempt]:checked")).map(function (c) { return c.value; });
      var v = {
        quantity: field("quantity").value,
        income: field("income") ? field("income").value : "",
        exempt: exempt
      };
      if (field("months")) v.months = field("months").value;
      ["previous", "absent"].forEach(function (name) {
        var checked = form.querySelector("input[name=" + name + "]:checked");
        if (fields[name]) v[name] = checked ? checked.value : "";
      });
      return v;
    }

    function clear() {
      ["quantity", "income", "months", "previous", "absent"].forEach(function (name) {
        if (!fields[name]) return;
        target(name).removeAttribute("aria-invalid");
        setText(fields[name].querySelector(".fee-calc__error"), "");
      });
      out.textContent = "";
    }

    function render(focus) { // validate, show messages or the result
      var it = item(), calc = calculate(it, inputs(), lang);
      clear();
      var bad = Object.keys(calc.errors);
      bad.forEach(function (name) {
        var box = fields[name].querySelector(".fee-calc__error");
        target(name).setAttribute("aria-invalid", "true");
        var prefix = document.createElement("span");
        prefix.className = "fee-calc__sr";
        prefix.textContent = msg["fee.error.prefix"] + " ";
        box.appendChild(prefix);
        box.appendChild(document.createTextNode(errorMessage(calc.errors[name], name, it, fmt, msg)));
      });
      if (bad.length) {
        add("p", msg["fee.result.invalid"]);
        if (focus) focusable(bad[0]).focus();
        return;
      }
      var atMost = calc.steps.some(function (st) { return st.op === "absence"; });
      add("p", fill(msg[atMost ? "fee.result.at_most" : "fee.result.total"], { total: money(calc.total, fmt) }), "fee-calc__total");
      var list = add("ul", "", "fee-calc__steps");
      breakdown(calc, it, fmt, msg).forEach(function (line) {
        var li = document.createElement("li");
        li.textContent = line;
        list.appendChild(li);
      });
      if (legal) {
        var copy = legal.cloneNode(true);
        copy.hidden = false;
        copy.removeAttribute("data-fee-legal");
        out.appendChild(copy);
      }
    }

    // a text field carries its own aria-invalid; a yes/no question its radiogroup
    function target(name) { return fields[name].tagName === "FIELDSET" ? fields[name] : field(name); }
    function focusable(name) { return fields[name].tagName === "FIELDSET" ? fields[name].querySelector("input") : field(name); }

    function add(tag, text, cls) {
      var el = document.createElement(tag);
      if (text) el.textContent = text;
      if (cls) el.className = cls;
      out.appendChild(el);
      return el;
    }

    // --- the address keeps the inputs: ?fee=…&item=…&quantity=… -------------------
    function save() {
      var url = new URL(location.href), p = url.searchParams, it = item(), v = inputs();
      KEYS.forEach(function (k) { p.delete(k); });
      p.set("fee", rules.fee);
      p.set("item", it.id);
      if (it.kind === "income_share") {
        ["months", "previous", "absent"].forEach(function (k) { if (v[k]) p.set(k, v[k]); });
        p.set("income", v.income);
        v.exempt.forEach(function (e) { p.append("exempt", e); });
      } else {
        p.set("quantity", v.quantity);
      }
      url.hash = root.id;
      if (url.href === location.href) history.replaceState(history.state, "", url.href);
      else history.pushState(null, "", url.href);
      lastSearch = location.search;
    }

    function restore() {
      lastSearch = location.search;
      var p = new URLSearchParams(location.search), mine = p.get("fee") === rules.fee;
      var wanted = mine && rules.items.some(function (i) { return i.id === p.get("item"); });
      if (field("item").tagName === "SELECT") {
        field("item").value = wanted ? p.get("item") : rules.items[0].id;
      }
      field("quantity").value = mine ? p.get("quantity") || "" : "";
      if (field("income")) field("income").value = mine ? p.get("income") || "" : "";
      if (field("months")) field("months").value = mine ? p.get("months") || "" : "";
      ["previous", "absent"].forEach(function (name) {
        [].forEach.call(form.querySelectorAll("input[name=" + name + "]"), function (r) {
          r.checked = mine && p.get(name) === r.value;
        });
      });
      var ex = mine ? p.getAll("exempt") : [];
      [].forEach.call(form.querySelectorAll("input[name=exempt]"), function (c) { c.checked = ex.indexOf(c.value) >= 0; });
      show();
      if (mine) render(false);
      else clear();
    }

    form.addEventListener("submit", function (e) {
      e.preventDefault();
      render(true);
      save();
    });
    field("item").addEventListener("change", function () { show(); clear(); });
    root.feeCalculator = { restore: restore };
    root.hidden = false;
    restore();
  }

  function scan() { [].forEach.call(document.querySelectorAll("[data-fee-calculator]"), init); }

  var lastSearch = location.search;
  window.addEventListener("popstate", function () {
    if (location.search === lastSearch) return;
    lastSearch = location.search;
    [].forEach.call(document.querySelectorAll("[data-fee-calculator]"), function (root) {
      if (root.feeCalculator) root.feeCalculator.restore();
    });
  });

  window.FeeCalculator = {
    calculate: calculate, breakdown: breakdown, errorMessage: errorMessage,
    decide: decide, money: money, number: number, parse: parse, plural: plural, scan: scan
  };
  // Material's instant navigation swaps the page without a load event: follow document$.
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(scan);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
  else scan();
})();
