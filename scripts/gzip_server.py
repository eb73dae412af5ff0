"""Serve a built site on 127.0.0.1 the way GitHub Pages serves it: text files gzip-compressed.

GitHub Pages sends HTML, CSS, JavaScript, JSON, SVG and XML with ``Content-Encoding: gzip``
when the browser asks for it; Python's own ``http.server`` never compresses, so pages served
by it weigh several times what residents download. The server also keeps a log of every
response (path, bytes on the wire, bytes uncompressed) for ``benchmarks/page_weight.py``.

    with serve_gzip(Path("site")) as (base_url, log):
        ...  # base_url ends in "/"; log is a list of Response, appended as requests arrive
"""

from __future__ import annotations

import contextlib
import gzip
import http.server
import mimetypes
import socketserver
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

# the types GitHub Pages compresses (text); images, audio, fonts and Pagefind's own
# pre-compressed index files go as they are
COMPRESSED = {
    "text/html",
    "text/css",
    "text/javascript",
    "application/javascript",
    "application/json",
    "image/svg+xml",
    "application/xml",
    "text/xml",
    "text/plain",
    "application/manifest+json",
}
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("text/javascript", ".mjs")


@dataclass(frozen=True)
class Response:
    path: str
    status: int
    sent: int  # bytes of the body on the wire (compressed when it was)
    raw: int  # bytes of the file


def _handler(root: Path, log: list[Response], lock: threading.Lock) -> type:
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def _resolve(self, path: str) -> Path | None:
            target = (root / unquote(path).lstrip("/")).resolve()
            if root not in target.parents and target != root:
                return None
            if target.is_dir():
                if not path.endswith("/"):
                    return target  # redirected below
                target = target / "index.html"
            return target if target.is_file() else None

        def _send(self, status: int, body: bytes, kind: str, raw: int, extra: dict) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "max-age=600")  # as GitHub Pages
            for name, value in extra.items():
                self.send_header(name, value)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            with lock:
                log.append(Response(urlsplit(self.path).path, status, len(body), raw))

        def do_HEAD(self) -> None:
            self.do_GET()

        def do_GET(self) -> None:
            path = urlsplit(self.path).path
            target = self._resolve(path)
            if target is not None and target.is_dir():
                self._send(301, b"", "text/html", 0, {"Location": path + "/"})
                return
            status = 200
            if target is None:
                status, target = 404, root / "404.html"
                if not target.is_file():
                    self._send(404, b"not found", "text/plain", 9, {})
                    return
            data = target.read_bytes()
            kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            extra = {}
            if kind in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(data, compresslevel=6, mtime=0)
                extra = {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"}
            else:
                body = data
            charset = "; charset=utf-8" if kind.startswith("text/") or "json" in kind else ""
            self._send(status, body, kind + charset, len(data), extra)

    return Handler


class _Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True


@contextlib.contextmanager
def serve_gzip(root: Path) -> Iterator[tuple[str, list[Response]]]:
    """Serve ``root`` on a free port of 127.0.0.1; yield (base URL ending in '/', log)."""
    log: list[Response] = []
    server = _Server(("127.0.0.1", 0), _handler(root.resolve(), log, threading.Lock()))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", log
    finally:
        server.shutdown()
        server.server_close()
