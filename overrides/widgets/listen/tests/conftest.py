"""Fixtures of the listen widget's browser tests: the fixture site and a page opener (in the
session's Chromium, ``chromium`` of the root conftest.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from listen_support import stub_script, write_site

from testsupport.browser import serve_directory


@pytest.fixture(scope="session")
def listen_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_site(tmp_path_factory.mktemp("listen-site"))


@pytest.fixture(scope="session")
def listen_url(listen_site: Path) -> Iterator[str]:
    with serve_directory(listen_site) as url:
        yield url


@pytest.fixture
def open_page(chromium: Any, listen_url: str) -> Iterator[Callable[..., Any]]:
    """open_page(lang, **stub_config, context={...}) -> a Playwright Page with the stub."""
    contexts: list[Any] = []

    def opener(
        page_name: str,
        *,
        context: dict[str, Any] | None = None,
        base: str | None = None,
        **config: Any,
    ) -> Any:
        ctx = chromium.new_context(**(context or {}))
        contexts.append(ctx)
        ctx.add_init_script(stub_script(**config))
        page = ctx.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda err: errors.append(str(err)))
        page.js_errors = errors
        page.goto(f"{base or listen_url}{page_name}.html")
        return page

    yield opener
    for ctx in contexts:
        ctx.close()
