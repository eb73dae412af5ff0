"""The Jinja templates compiled once per process (issue 21).

mkdocs-static-i18n builds each language with new Jinja environments (the theme's, and the one
``generate_pages`` renders the pages' bodies with): without this, each template was compiled
once per language (a build of the default site: 149 compilations of 74 templates, now 75;
about half a second of a build). ``share(env)`` gives an environment the process's store of
compiled templates (Jinja's ``BytecodeCache``: it compiles a template again when its source's
checksum changes, so an edited template under ``mkdocs serve`` is read afresh); one store for
each set of settings that changes the compiled code (the pages' environment escapes, the
theme's does not).
"""

from __future__ import annotations

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket


class CompiledTemplates(BytecodeCache):
    """Compiled templates in memory, by Jinja's key (the template's name and file)."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.store.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # Jinja drops it when the checksum differs

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


# one store per set of the settings that change the compiled code (the theme's environment
# does not escape, the pages' does): Jinja's key names only the template and its file
_STORES: dict[tuple[object, ...], CompiledTemplates] = {}


def _compile_settings(env: Environment) -> tuple[object, ...] | None:
    """What of ``env`` the compiled code depends on; None when it cannot be compared (an
    escaping rule or a finaliser given as a function)."""
    if not isinstance(env.autoescape, bool) or env.finalize is not None:
        return None
    return (
        env.autoescape,
        env.is_async,
        env.optimized,
        env.block_start_string,
        env.block_end_string,
        env.variable_start_string,
        env.variable_end_string,
        env.comment_start_string,
        env.comment_end_string,
        env.line_statement_prefix,
        env.line_comment_prefix,
        env.trim_blocks,
        env.lstrip_blocks,
        env.newline_sequence,
        env.keep_trailing_newline,
        tuple(sorted(env.extensions)),
    )


def share(env: Environment) -> Environment:
    """``env`` with the process's compiled templates for its settings; set them (e.g.
    ``autoescape``) before, and share an overlay on its own."""
    settings = _compile_settings(env)
    if settings is not None:
        env.bytecode_cache = _STORES.setdefault(settings, CompiledTemplates())
    return env
