"""Live-preview latency: how long after a data file is saved `mkdocs serve` serves the change.

Copies the project (default data) to a temporary folder, starts `mkdocs serve`, changes the
home-care level 1 price and prints the seconds until the served page shows it (budget 3 s
for the default site). A script, not a test: it prints figures.

    .venv/bin/python benchmarks/live_reload.py [--runs 3]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA_FILE = "data/providers/rezekne-city-social-service.yaml"


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, needle: str, seconds: float) -> float | None:
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        if needle in fetch(url):
            return time.perf_counter() - start
        time.sleep(0.05)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="sitegen-live-") as tmp:
        project = Path(tmp)
        for item in ("mkdocs.yml",):
            shutil.copy2(ROOT / item, project / item)
        for folder in ("hooks", "overrides", "data", "content"):
            shutil.copytree(
                ROOT / folder,
                project / folder,
                ignore=shutil.ignore_patterns("__pycache__", "tests"),
            )
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        env = {**os.environ, "PYTHONPATH": str(project / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}/services/home-care/"
        try:
            first = wait_for(url, "8,80\xa0€", 300)
            print(f"first build served after {first:.1f} s" if first else "first build not served")
            data = project / DATA_FILE
            price = "8.80"
            for run in range(args.runs):
                new = f"{8.81 + run:.2f}"
                text = data.read_text(encoding="utf-8")
                data.write_text(
                    text.replace(f"amount: {price}", f"amount: {new}", 1), encoding="utf-8"
                )
                shown = new.replace(".", ",") + "\xa0€"
                seconds = wait_for(url, shown, 60)
                print(
                    f"run {run + 1}: change served after {seconds:.2f} s"
                    if seconds
                    else f"run {run + 1}: not served in 60 s"
                )
                price = new
                time.sleep(1)
        finally:
            server.terminate()
            server.wait(timeout=30)
    print("budget: 3 s for the default site")
    return 0


if __name__ == "__main__":
    sys.exit(main())
