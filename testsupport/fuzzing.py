"""Hypothesis profiles: ``make test`` runs every property test's full example budget;
``make test-fast`` (``--hypothesis-profile=fast``) a few examples of each, enough to catch
a broken strategy or an exception on common input while editing.

Property tests check what is true, not how fast: a busy 2-core runner once took 281 ms for
an example Hypothesis had timed at 21 ms and failed it as "flaky", so neither profile has a
deadline. Speed goals live in benchmarks/.
"""

from __future__ import annotations

from hypothesis import settings

FAST = "fast"
FAST_EXAMPLES = 8

settings.register_profile("project", deadline=None)
settings.register_profile(FAST, parent=settings.get_profile("project"), max_examples=FAST_EXAMPLES)


def load_default_profile() -> None:
    """The full profile, unless ``--hypothesis-profile`` names another (Hypothesis's pytest
    plugin loads that one after the conftest files)."""
    settings.load_profile("project")


def budget(full: int, fast: int = FAST_EXAMPLES) -> int:
    """A property test's number of examples: ``full``, or a few (``fast``) under the fast
    profile; a test whose every example is costly (a whole data folder validated) asks
    for fewer."""
    return min(full, fast) if settings.get_current_profile_name() == FAST else full
