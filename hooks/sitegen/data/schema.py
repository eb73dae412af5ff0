"""JSON Schema for editors, generated from the data model (``model.DATA_FILES``)."""

from __future__ import annotations

import json
from pathlib import Path

from . import model

SCHEMA_NAMES = {
    "site.yaml": "site",
    "vocabulary.yaml": "vocabulary",
    "legal-acts.yaml": "legal-acts",
    "providers/*.yaml": "provider",
    "reports/*.yaml": "report",
    "terms.yaml": "terms",
    "sources.yaml": "sources",
    "calendar.yaml": "calendar",
    "places.yaml": "places",
    "finder.yaml": "finder",
}


def schema_documents() -> dict[str, str]:
    """File name -> JSON text of every schema."""
    out: dict[str, str] = {}
    for pattern, cls in model.DATA_FILES.items():
        name = SCHEMA_NAMES[pattern]
        schema = cls.model_json_schema(mode="validation")
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{name}.schema.json",
            "title": f"data/{pattern}",
            **schema,
        }
        out[f"{name}.schema.json"] = json.dumps(schema, indent=2, ensure_ascii=False) + "\n"
    return out


def write_schemas(out_dir: Path, *, check: bool = False) -> list[str]:
    """Write the schema files; with ``check`` write nothing and return the stale ones."""
    stale = []
    out_dir.mkdir(parents=True, exist_ok=True) if not check else None
    for name, text in schema_documents().items():
        target = out_dir / name
        current = target.read_text(encoding="utf-8") if target.exists() else None
        if current != text:
            stale.append(str(target))
            if not check:
                target.write_text(text, encoding="utf-8")
    return stale if check else []
