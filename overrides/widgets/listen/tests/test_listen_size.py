"""The widget stays small: no framework, a budget on what a visitor downloads (gzipped)."""

from __future__ import annotations

import gzip

import pytest
from listen_support import WIDGET

BUDGET_GZIP_BYTES = {"listen.js": 8 * 1024, "listen.css": 1536}


@pytest.mark.parametrize(("name", "budget"), sorted(BUDGET_GZIP_BYTES.items()))
def test_gzipped_size_within_budget(name, budget):
    data = (WIDGET / name).read_bytes()
    size = len(gzip.compress(data, compresslevel=9))
    assert size <= budget, f"{name}: {size} bytes gzipped, budget {budget}"


def test_no_imports_or_third_party_urls():
    source = (WIDGET / "listen.js").read_text(encoding="utf-8")
    assert "import " not in source and "require(" not in source
    for needle in ("http://", "https://", "//cdn", "googleapis"):
        assert needle not in source
