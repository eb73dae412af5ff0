"""The editors' guides show YAML that the site accepts and messages the site really prints.

Each example block in docs/editing-guide.*.md is preceded by an invisible marker such as
``<!-- check: hours=Schedule -->``: the block is read like a data file and the value under
``hours`` is validated with ``model.Schedule`` (each item when it is a list).
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError
from sitegen.checks.validation_messages import plain_message
from sitegen.data import calendar_file, model
from sitegen.data.yamlread import read_yaml

from testsupport.data import DATA_DIR

ROOT = Path(__file__).resolve().parents[1]
GUIDES = [ROOT / "docs" / "editing-guide.en.md", ROOT / "docs" / "editing-guide.lv.md"]
FORMAT_DOC = ROOT / "docs" / "data-format.md"

BLOCK_RE = re.compile(r"^[ \t]*```yaml\n(.*?)^[ \t]*```", re.S | re.M)
CHECKED_RE = re.compile(
    r"<!-- check: (?P<spec>[^>]*?) -->\s*\n[ \t]*```yaml\n(?P<body>.*?)^[ \t]*```", re.S | re.M
)

# Every task of the guide has at least one checked example of these models.
TASK_MODELS = {
    "FeeItem",
    "PerUnitRule",
    "Contacts",
    "Schedule",
    "DayHours",
    "Service",
    "Fee",
    "Text",
}


def yaml_blocks(text: str) -> list[str]:
    return [textwrap.dedent(body) for body in BLOCK_RE.findall(text)]


def checked_blocks(text: str) -> list[tuple[str, str]]:
    return [(m["spec"].strip(), textwrap.dedent(m["body"])) for m in CHECKED_RE.finditer(text)]


def read(body: str) -> Any:
    result = read_yaml(body.encode("utf-8"), "example.yaml")
    assert not result.errors, [e.english_line for e in result.errors]
    return result.data


def model_class(name: str) -> type[BaseModel]:
    cls = getattr(model, name, None) or getattr(calendar_file, name, None)
    assert isinstance(cls, type) and issubclass(cls, BaseModel), f"no model named {name}"
    return cls


def validate_example(spec: str, data: Any) -> list[str]:
    """Validate per ``spec`` (``Model`` or ``key=Model ...``); return the model names used."""
    used = []
    for part in spec.split():
        key, _, name = part.rpartition("=")
        value = data[key] if key else data
        items = value if isinstance(value, list) else [value]
        assert items, f"{part}: nothing to check"
        for item in items:
            model_class(name).model_validate(item)
        used.append(name)
    return used


def test_checker_refuses_a_wrong_example() -> None:
    with pytest.raises(ValidationError, match="decimal comma"):
        validate_example(
            "rule=PerUnitRule", read("rule:\n  kind: per_unit\n  amount: 8,80\n  unit: month\n")
        )
    with pytest.raises(ValidationError):
        validate_example("hours=DayHours", read('hours:\n  - open: "18:00"\n    close: "08:00"\n'))
    with pytest.raises(AssertionError):
        read("a: 1\na: 2\n")  # duplicate key: the data reader refuses it


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_every_checked_example_is_valid(guide: Path) -> None:
    blocks = checked_blocks(guide.read_text(encoding="utf-8"))
    used: set[str] = set()
    for spec, body in blocks:
        used.update(validate_example(spec, read(body)))
    assert used >= TASK_MODELS, f"tasks without a checked example: {TASK_MODELS - used}"


@pytest.mark.parametrize("doc", [*GUIDES, FORMAT_DOC], ids=lambda p: p.name)
def test_every_yaml_block_reads_cleanly(doc: Path) -> None:
    blocks = yaml_blocks(doc.read_text(encoding="utf-8"))
    assert blocks
    for body in blocks:
        read(body)


def test_both_guides_check_the_same_examples() -> None:
    en, lv = (checked_blocks(g.read_text(encoding="utf-8")) for g in GUIDES)
    assert [spec for spec, _ in en] == [spec for spec, _ in lv]
    # the YAML itself is the same in both languages (only the prose differs)
    assert [read(body) for _, body in en] == [read(body) for _, body in lv]


def _ids(path: Path, *keys: str) -> set[str]:
    data = read_yaml(path.read_bytes(), path.name).data or {}
    node: Any = data
    for key in keys[:-1]:
        node = node.get(key, []) if isinstance(node, dict) else []
    return {item.get("id") for item in node or [] if isinstance(item, dict)} if keys else set()


def known_ids() -> dict[str, set[str]]:
    data = DATA_DIR
    locations: set[str] = set()
    for provider in sorted((data / "providers").glob("*.yaml")):
        locations |= _ids(provider, "locations", "id")
    return {
        "category": _ids(data / "vocabulary.yaml", "categories", "id"),
        "audiences": _ids(data / "vocabulary.yaml", "audiences", "id"),
        "legal_basis": _ids(data / "legal-acts.yaml", "legal_acts", "id"),
        "locations": locations,
    }


def referenced_ids(node: Any) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("category", "audiences", "legal_basis", "locations") and value:
                values = value if isinstance(value, list) else [value]
                found.setdefault(key, set()).update(v for v in values if isinstance(v, str))
            for sub_key, ids in referenced_ids(value).items():
                found.setdefault(sub_key, set()).update(ids)
    elif isinstance(node, list):
        for value in node:
            for sub_key, ids in referenced_ids(value).items():
                found.setdefault(sub_key, set()).update(ids)
    return found


def test_ids_in_the_examples_exist_in_the_data() -> None:
    known = known_ids()
    assert all(known.values()), "the data files could not be read for their ids"
    for guide in GUIDES:
        for _, body in checked_blocks(guide.read_text(encoding="utf-8")):
            for key, ids in referenced_ids(read(body)).items():
                assert ids <= known[key], f"{guide.name}: unknown {key}: {ids - known[key]}"


def test_referenced_ids_finds_unknown_ones() -> None:
    found = referenced_ids({"services": [{"category": "no-such-group", "audiences": ["x"]}]})
    assert found == {"category": {"no-such-group"}, "audiences": {"x"}}
    assert not found["category"] <= known_ids()["category"]


# --- the messages the guide quotes are the ones the validator prints ----------


def produced_messages() -> str:
    """Messages produced by validating typical mistakes, plus the validator's source text."""
    out = []
    for cls, bad in [
        (model.Text, {"lv": "Aprūpe mājās"}),
        (model.PerUnitRule, {"kind": "per_unit", "amount": "8,80", "unit": "month"}),
        (model.PhoneEntry, {"number": "6460719"}),
    ]:
        with pytest.raises(ValidationError) as exc:
            cls.model_validate(bad)
        out.append(str(exc.value))
        # the same problems in Latvian, as validate prints them (messages.yaml, filled in)
        out += [plain_message(err).lv for err in exc.value.errors()]
    source = "\n".join(
        p.read_text(encoding="utf-8")
        for p in [
            *(ROOT / "hooks" / "sitegen").rglob("*.py"),
            ROOT / "hooks/sitegen/base/messages.yaml",
        ]
    )
    return "\n".join(out) + "\n" + source


def quoted_messages(guide: Path) -> list[str]:
    """The first column of the table of common messages (backticked text)."""
    text = guide.read_text(encoding="utf-8")
    first = "| `uses a decimal comma`" if guide.name.endswith(".en.md") else "| `rakstīta ar"
    start = text.index(first)
    table = text[start : text.index("\n\n", start)]
    return [re.match(r"\| `([^`]+)`", row)[1] for row in table.splitlines()]


@pytest.mark.parametrize("guide", GUIDES, ids=lambda p: p.name)
def test_quoted_messages_exist(guide: Path) -> None:
    known = produced_messages()
    messages = quoted_messages(guide)
    assert len(messages) >= 10
    for message in messages:
        for piece in message.split("…"):
            assert piece.strip() in known, f"{guide.name}: the validator never says {message!r}"


def test_message_check_would_notice_an_invented_message() -> None:
    assert "amount is too pretty" not in produced_messages()


def test_the_quoted_examples_match_the_validator() -> None:
    known = produced_messages()
    for phrase in [
        "uses a decimal comma; write it with a point: 8.80",
        "phone 6460719 is not a valid Latvian number (Latvian numbers have 8 digits, e.g. "
        "64607194 or +371 64607194)",
        "the English (en) text is missing; write it, or mark it `pending: en` until it is "
        "translated",
    ]:
        assert phrase in known
        for guide in GUIDES:
            assert phrase.split(" (")[0] in " ".join(guide.read_text(encoding="utf-8").split())
