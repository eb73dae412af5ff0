"""sitegen/base/memo.py: a result made once per key, the key's objects kept alive by their
entry, the memo bounded."""

from __future__ import annotations

import gc
import weakref

from sitegen.base.memo import IdentityMemo


class Data:
    pass


def test_a_value_is_made_once_per_key() -> None:
    memo: IdentityMemo[int] = IdentityMemo(8)
    data, made = Data(), []

    def make() -> int:
        made.append(1)
        return len(made)

    assert memo.get(id(data), (data,), make) == 1
    assert memo.get(id(data), (data,), make) == 1
    assert memo.get(("other", id(data)), (data,), make) == 2
    assert len(made) == 2


def test_the_entry_keeps_its_objects_alive() -> None:
    """An object whose id() a key holds is not freed while its entry counts: no other object
    can take its identity and be handed its value."""
    memo: IdentityMemo[str] = IdentityMemo(8)
    data = Data()
    alive = weakref.ref(data)
    memo.get(id(data), (data,), lambda: "made")
    del data
    gc.collect()
    assert alive() is not None
    memo.clear()
    gc.collect()
    assert alive() is None


def test_past_its_size_the_memo_starts_over() -> None:
    memo: IdentityMemo[int] = IdentityMemo(2)
    for n in range(2):
        memo.get(n, (), lambda n=n: n)
    assert len(memo) == 2
    assert memo.get(2, (), lambda: 2) == 2
    assert len(memo) == 1  # the two older entries went
