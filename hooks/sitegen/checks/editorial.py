"""Editorial rules of the data's texts: what a careful editor checks that a schema cannot.

Each rule reads the loaded data and returns its findings as ``(where, reason)`` in plain
words; an empty list means the data keeps the rule (tests/test_editorial.py runs them on the
default data and on fixtures that break each one).

* ``audience_wider_than_eligibility`` — a service tagged with an audience that names a legal
  status (``named_by`` in data/vocabulary.yaml: "trūcīg*" for needy persons) must say so in
  its "who may get it": a tag never says more than the source ("needy persons" are not "needy
  and low-income families").
* ``benefit_with_a_fee`` — a service that is a benefit (``benefit: true``: help in money or in
  kind the resident receives) has no fee, so no page shows it a price line.
* ``relative_time_words`` — no "last year" / "aizvadītajā gadā" in the data: a text from a
  dated report is read on a later day, so it writes the year.
* ``masculine_title_of_a_woman`` — a named woman's job title, and the labels next to it,
  are in the feminine ("vadītāja", "direktore"), as the seeds write the other heads'.
* ``need_names_differ_from_categories`` — a need of the finder that stands for one category
  is called what the directory calls that category: one set of category names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from pydantic import BaseModel

from ..data.model import Person, ProviderFile, Text
from ..data.sitedata import SiteData

Finding = tuple[str, str]


def _stem_pattern(word: str) -> re.Pattern[str]:
    """``trūcīg*`` finds trūcīga, trūcīgās …; a word without ``*`` is matched whole."""
    words = word.split()
    parts = [re.escape(w[:-1]) + r"\w*" if w.endswith("*") else re.escape(w) for w in words]
    return re.compile(r"(?<!\w)" + r"\s+".join(parts) + r"(?!\w)", re.IGNORECASE)


def audience_wider_than_eligibility(data: SiteData) -> list[Finding]:
    named_by = {a.id: a.named_by for a in data.vocabulary.audiences if a.named_by}
    found: list[Finding] = []
    for pid, pf in data.providers.items():
        for index, service in enumerate(pf.services):
            text = service.eligibility.lv if service.eligibility else ""
            for audience in service.audiences:
                missing = [
                    w for w in named_by.get(audience, []) if not _stem_pattern(w).search(text)
                ]
                if missing:
                    found.append(
                        (
                            f"data/providers/{pid}.yaml services[{index}] ({service.id}) audiences",
                            f"“{audience}” says more than “who may get it” (eligibility): it "
                            f"does not name {', '.join(missing)}; tag the audience the source "
                            "names, or write the eligibility the source gives",
                        )
                    )
    return found


def benefit_with_a_fee(data: SiteData) -> list[Finding]:
    found: list[Finding] = []
    for pid, pf in data.providers.items():
        benefits = {s.id for s in pf.services if s.benefit}
        for index, fee in enumerate(pf.fees):
            if fee.service in benefits:
                found.append(
                    (
                        f"data/providers/{pid}.yaml fees[{index}] ({fee.id})",
                        f"the service “{fee.service}” is a benefit (benefit: true) and has no "
                        "price: remove the fee or the flag",
                    )
                )
    return found


# Words that count time from the day a text was written. The site is read later, so a dated
# source's "last year" must be written as the year.
RELATIVE_TIME = {
    "lv": [
        "aizvadītaj* gad*",
        "pagājuš* gad*",
        "iepriekšēj* gad*",
        "šogad",
        "pērn",
        "nākamgad*",
        "nākamaj* gad*",
        "šaj* gad*",
    ],
    "en": ["last year", "this year", "next year", "previous year", "the year before"],
}


def _texts(node: object, path: str) -> Iterator[tuple[str, Text]]:
    """Every bilingual text under a model object, with where it is."""
    if isinstance(node, Text):
        yield path, node
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _texts(item, f"{path}[{index}]")
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            sep = "" if not path or path.endswith(" ") else "."
            yield from _texts(getattr(node, name), f"{path}{sep}{name}")


def _data_texts(data: SiteData) -> Iterator[tuple[str, Text]]:
    for pid, pf in data.providers.items():
        yield from _texts(pf, f"data/providers/{pid}.yaml ")
    for rid, report in data.reports.items():
        yield from _texts(report, f"data/reports/{rid}.yaml ")


def relative_time_words(data: SiteData) -> list[Finding]:
    patterns = {lang: [_stem_pattern(w) for w in words] for lang, words in RELATIVE_TIME.items()}
    found: list[Finding] = []
    for where, text in _data_texts(data):
        for lang, pats in patterns.items():
            value = getattr(text, lang, None) or ""
            for pat in pats:
                match = pat.search(value)
                if match:
                    found.append(
                        (
                            f"{where} ({lang})",
                            f"“{match.group(0)}” counts from the day the source was written; "
                            "write the year instead",
                        )
                    )
    return found


# A Latvian woman's first name ends in -a or -e (Inga, Rita, Liana, Ilze); a man's in -s, -š
# (Gunārs, Jānis). Job titles: the masculine agent nouns and their feminine forms.
_FEMININE_NAME = re.compile(r"^\w+[ae]\b")
_MASCULINE_TITLE = re.compile(
    r"(?<!\w)(\w+(?:tājs|ējs|tors|nieks|ists|ologs))(?!\w)", re.IGNORECASE
)


def _feminine(word: str) -> str:
    for masc, fem in (
        ("tājs", "tāja"),
        ("ējs", "ēja"),
        ("tors", "tore"),
        ("nieks", "niece"),
        ("ists", "iste"),
        ("ologs", "oloģe"),
    ):
        if word.lower().endswith(masc):
            return word[: -len(masc)] + fem
    return word


def _heads(pf: ProviderFile, pid: str) -> Iterator[tuple[str, Person, list[Text]]]:
    """Each named head, where, and the contact labels next to them."""
    provider = pf.provider
    if provider.head:
        labels = [p.label for p in provider.contacts.phones if p.label]
        yield f"data/providers/{pid}.yaml provider.head", provider.head, labels
    for index, unit in enumerate(provider.units):
        if unit.head:
            labels = [p.label for p in unit.contacts.phones if p.label]
            yield f"data/providers/{pid}.yaml provider.units[{index}].head", unit.head, labels


def masculine_title_of_a_woman(data: SiteData) -> list[Finding]:
    found: list[Finding] = []
    for pid, pf in data.providers.items():
        for where, head, labels in _heads(pf, pid):
            if not _FEMININE_NAME.match(head.name):
                continue
            for what, text in [("role", head.role), *(("phone label", label) for label in labels)]:
                match = _MASCULINE_TITLE.search(text.lv)
                if match:
                    found.append(
                        (
                            f"{where} {what}",
                            f"{head.name} is a woman: write “{_feminine(match.group(1))}”, "
                            f"not “{match.group(1)}”",
                        )
                    )
    return found


def need_names_differ_from_categories(data: SiteData) -> list[Finding]:
    categories = {c.id: c for c in data.vocabulary.categories}
    found: list[Finding] = []
    for index, need in enumerate(data.finder.needs if data.finder else []):
        if len(need.categories) != 1:
            continue
        category = categories[need.categories[0]]
        for lang in ("lv", "en"):
            if getattr(need.name, lang) != getattr(category.name, lang):
                found.append(
                    (
                        f"data/finder.yaml needs[{index}] ({need.id}) name.{lang}",
                        f"“{getattr(need.name, lang)}” is the category “{category.id}”, which "
                        f"the directory calls “{getattr(category.name, lang)}”: one name for "
                        "one group",
                    )
                )
    return found


RULES = (
    audience_wider_than_eligibility,
    benefit_with_a_fee,
    relative_time_words,
    masculine_title_of_a_woman,
    need_names_differ_from_categories,
)


def check(data: SiteData) -> list[Finding]:
    """Every finding of every rule."""
    return [finding for rule in RULES for finding in rule(data)]
