"""The JS port of the Latvian stemmer (search.js) against the same case table as the Python
module (tests/test_latvian_stem.py), run in node: both must give the same stem for every word."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from sitegen.search.latvian_stem import ENDINGS, stem

HERE = Path(__file__).resolve().parent
SCRIPT = HERE.parent / "search.js"
CASES = json.loads((HERE.parents[3] / "tests/stem_cases.json").read_text(encoding="utf-8"))

RUN = """
const m = require(process.argv[1]);
const words = JSON.parse(require("fs").readFileSync(0, "utf8"));
process.stdout.write(JSON.stringify({
  stems: Object.fromEntries(words.map((w) => [w, m.stem(w)])),
  endings: m.ENDINGS,
}));
"""


def js_stems(words: list[str], script: Path = SCRIPT) -> dict:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed: run `make install-test`")
    run = subprocess.run(
        [node, "-e", RUN, str(script)],
        input=json.dumps(words),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(run.stdout)


def all_words() -> list[str]:
    words = [w for group in CASES["meet"] for w in group]
    words += [w for pair in CASES["apart"] for w in pair]
    return sorted(set(words) | set(CASES["stems"]))


def test_js_gives_the_python_stem_for_every_word_of_the_table() -> None:
    words = all_words()
    got = js_stems(words)
    assert got["stems"] == {w: stem(w) for w in words}
    assert tuple(got["endings"]) == ENDINGS


def test_js_meets_and_keeps_apart_as_the_table_says() -> None:
    got = js_stems(all_words())["stems"]
    for group in CASES["meet"]:
        assert len({got[w] for w in group}) == 1, group
    for a, b in CASES["apart"]:
        assert got[a] != got[b], (a, b)
    for word, expected in CASES["stems"].items():
        assert got[word] == expected, word


def test_the_comparison_catches_a_drifted_port(tmp_path: Path) -> None:
    """A port that lost an ending no longer agrees with Python."""
    drifted = tmp_path / "search.js"
    drifted.write_text(SCRIPT.read_text(encoding="utf-8").replace('"iem", ', ""), encoding="utf-8")
    got = js_stems(["bērniem"], drifted)
    assert got["stems"]["bērniem"] != stem("bērniem")
