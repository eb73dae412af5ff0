"""`make serve` (mkdocs serve) rebuilds when a data file changes; a broken edit is reported
on the console with file and line, and the next good edit is served. The latency is
measured by benchmarks/live_reload.py, not asserted here."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import ModuleType


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _fetch(url: str, timeout: float = 5) -> str:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def _wait_for(url: str, needle: str, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if needle in _fetch(url):
            return True
        time.sleep(0.2)
    return False


def start_serve(project: Path, port: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "-f", str(project / "mkdocs.yml")],
        cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip


def test_serve_rebuilds_on_data_change(tmp_path: Path, sites: ModuleType) -> None:
    project = sites.make_project(tmp_path / "p")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/services/home-care/"
    server = start_serve(project, port)
    try:
        assert _wait_for(url, "8,80\xa0€", 120), "the first build was not served"
        data = project / "data/providers/test-provider.yaml"
        data.write_text(data.read_text().replace("amount: 8.80", "amount: 9.10"), encoding="utf-8")
        assert _wait_for(url, "9,10\xa0€", 60), "the change in data/ was not rebuilt"
        # a broken edit is reported on the console (checked below); MkDocs holds pages
        # while the build is broken, and the next good edit is served again
        data.write_text(data.read_text().replace("amount: 9.10", "amount: 9.105"), encoding="utf-8")
        time.sleep(5)
        data.write_text(data.read_text().replace("amount: 9.105", "amount: 9.20"), encoding="utf-8")
        assert _wait_for(url, "9,20\xa0€", 60), "the fixed data was not rebuilt"
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "test-provider.yaml:" in output and "at most two decimals" in output
    assert "Traceback" not in output
