"""The JSON Schema for editors is generated from the one data model and kept up to date,
every data file declares it, and it agrees with the validator on the default data."""

from __future__ import annotations

import functools
import json
import re
from decimal import Decimal
from fnmatch import fnmatch
from pathlib import Path

import jsonschema
import pytest
from sitegen.data.model import DATA_FILES
from sitegen.data.schema import SCHEMA_NAMES, schema_documents, write_schemas
from sitegen.data.yamlread import read_yaml

from conftest import ROOT
from testsupport.data import DATA_DIR

DATA = DATA_DIR


def test_committed_schema_is_up_to_date() -> None:
    stale = write_schemas(ROOT / "schema", check=True)
    assert stale == [], "run `make schema` and commit schema/"


def test_staleness_is_detected(tmp_path: Path) -> None:
    write_schemas(tmp_path)
    assert write_schemas(tmp_path, check=True) == []
    first = next(tmp_path.glob("*.json"))
    first.write_text(first.read_text().replace('"title"', '"titel"', 1))
    assert write_schemas(tmp_path, check=True) == [str(first)]


def _schema_for(relative: str) -> str:
    pattern = next(
        p for p in DATA_FILES if relative.count("/") == p.count("/") and fnmatch(relative, p)
    )
    return SCHEMA_NAMES[pattern] + ".schema.json"


DATA_PATHS = sorted(p.relative_to(DATA).as_posix() for p in DATA.rglob("*.yaml"))


@pytest.mark.parametrize("relative", DATA_PATHS)
def test_data_file_declares_its_schema_and_has_a_header(relative: str) -> None:
    text = (DATA / relative).read_text(encoding="utf-8")
    first = text.splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
    assert match, f"data/{relative} must start with its yaml-language-server schema line"
    declared = (DATA / relative).parent / match[1]
    # the schema folder next to the data folder (the repository's schema/ for data/)
    assert declared.resolve() == (DATA.parent / "schema" / _schema_for(relative)).resolve()
    header = [line for line in text.splitlines()[1:15] if line.startswith("#")]
    assert len(header) >= 3, f"data/{relative} needs a commented header for editors"


@pytest.mark.parametrize("relative", DATA_PATHS)
def test_default_data_passes_the_schema(relative: str) -> None:
    """What editors' tools accept must be what the build accepts (on the real data)."""
    data = read_yaml((DATA / relative).read_bytes(), relative).data
    data = json.loads(
        json.dumps(data, default=lambda v: float(v) if isinstance(v, Decimal) else str(v))
    )
    _validator(_schema_for(relative)).validate(data)


@functools.cache
def _validator(name: str) -> jsonschema.Draft202012Validator:
    """What ``jsonschema.validate`` does (the schema checked, then the data), with each
    schema made and checked once for all the files that use it."""
    schema = json.loads(schema_documents()[name])
    validator = jsonschema.validators.validator_for(schema)
    validator.check_schema(schema)
    return validator(schema)


def test_schema_rejects_what_the_validator_rejects() -> None:
    schema = json.loads(schema_documents()["provider.schema.json"])
    validator = jsonschema.Draft202012Validator(schema)
    broken = {
        "provider": {
            "id": "x",
            "name": {"lv": "a", "en": "b"},
            "summary": {"lv": "a", "en": "b"},
            "sumary": 1,
        }
    }
    assert any("sumary" in e.message for e in validator.iter_errors(broken))
