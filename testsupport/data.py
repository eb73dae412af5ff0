"""Which data folder the tests call "the default data".

Normally the repository's ``data/``. ``SITEGEN_TEST_DATA=<folder>`` points every test that
reads the default data (and the one default site of the session) at another folder, a copy
of ``data/`` with an editor's changes in it: ``tests/test_editors_changes.py`` runs the
data-reading tests that way, to show that a correct edit keeps them green (the tests never
pin today's values of ``data/``; they derive what they expect from whatever data they read).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = "SITEGEN_TEST_DATA"


def default_data_dir() -> Path:
    """``data/``, or the folder ``SITEGEN_TEST_DATA`` names."""
    given = os.environ.get(ENV)
    return Path(given).resolve() if given else ROOT / "data"


DATA_DIR = default_data_dir()
