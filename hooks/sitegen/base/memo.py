"""Results worked out once per process, by a key that holds objects' identities (``id()``).

The build hands the same objects to every page (the loader's data while its files are
unchanged, the interface strings, the calendar), so a result that depends on them is kept by
their identity, which is cheap to compare. The entry keeps those objects alive, so that an
identity is never reused by another object while its entry counts; past ``size`` entries the
memo starts over, so that a long ``mkdocs serve`` session does not grow without end.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

Value = TypeVar("Value")


class IdentityMemo(Generic[Value]):
    def __init__(self, size: int):
        self.size = size
        self._entries: dict[Hashable, tuple[Value, tuple[Any, ...]]] = {}

    def get(self, key: Hashable, alive: tuple[Any, ...], make: Callable[[], Value]) -> Value:
        """The value for ``key``, made by ``make()`` the first time; ``alive`` are the objects
        whose ``id()`` the key holds (kept with the entry)."""
        found = self._entries.get(key)
        if found is None:
            if len(self._entries) >= self.size:
                self._entries.clear()
            found = self._entries[key] = (make(), alive)
        return found[0]

    def clear(self) -> None:
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
