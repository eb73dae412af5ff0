"""Results of the slower checks of ``make validate`` kept between runs, by the content they
were computed from (a file's bytes, a text), so that an unchanged file costs nothing.

The cache is one JSON file (``build/validate-cache.json``; ``build/`` is not in git). Its
``salt`` names what else the results depend on (the tool's version, its settings); a cache
written with another salt is ignored. Only the entries used by the last run are written
back, so the file never grows beyond the data. A cache that cannot be read or written is
simply not used: the checks then run in full.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any


class ResultCache:
    def __init__(self, path: Path | None, salt: str):
        self.path, self.salt = path, salt
        self.old: dict[str, Any] = {}
        self.new: dict[str, Any] = {}
        if path is not None:
            try:
                stored = json.loads(path.read_text(encoding="utf-8"))
                if isinstance(stored, dict) and stored.get("salt") == salt:
                    self.old = dict(stored.get("entries") or {})
            except (OSError, ValueError):
                pass

    @staticmethod
    def key(*parts: str | bytes) -> str:
        digest = hashlib.sha256()
        for part in parts:
            digest.update(part if isinstance(part, bytes) else part.encode("utf-8"))
            digest.update(b"\0")
        return digest.hexdigest()

    def get(self, key: str) -> Any:
        if key in self.old:
            self.new[key] = self.old[key]
            return self.old[key]
        return None

    def put(self, key: str, value: Any) -> None:
        self.new[key] = value

    def save(self) -> None:
        if self.path is None or self.new == self.old:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_suffix(".tmp")
            temporary.write_text(
                json.dumps({"salt": self.salt, "entries": self.new}, sort_keys=True),
                encoding="utf-8",
            )
            temporary.replace(self.path)
        except OSError:
            pass
