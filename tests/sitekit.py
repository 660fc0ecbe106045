"""Build the site and serve it locally, the way a host such as GitHub Pages would.

Shared by the test fixtures (tests/conftest.py) and the benchmark scripts. The server
mirrors a static host closely enough for browser tests and page-weight figures:
the site lives under the path of `site_url` (for example /kennishub/), text files are
sent gzip-compressed when the browser asks for it, and an unknown path gets the
site's 404.html with status 404.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import os
import re
import shutil
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]

# Everything of the checkout a site build needs, when the site is built from a copy.
COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "node_modules", "site", "test-artifacts", "bench-out", "build",
    "__pycache__", ".pytest_cache", ".hypothesis", "*.egg-info", "tests",
)
COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".map", ".wasm"}
EXTRA_TYPES = {".wasm": "application/wasm", ".xml": "application/xml", ".mjs": "text/javascript"}


def site_base_path(root: Path = ROOT) -> str:
    """The URL path the site is published under, from `site_url` ('/' when unset)."""
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    match = re.search(r"^site_url:\s*['\"]?([^\s'\"#]+)", config, re.M)
    path = urllib.parse.urlparse(match.group(1) if match else "/").path or "/"
    return path if path.endswith("/") else path + "/"


def build_site(dest: Path, root: Path = ROOT) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the hub at `root` into `dest`; raises with the log on failure."""
    mkdocs = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)]
    proc = subprocess.run(
        mkdocs, cwd=root, capture_output=True, text=True, timeout=600,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"mkdocs build --strict failed in {root}:\n{proc.stdout}\n{proc.stderr}")
    return proc


def copy_hub(dest: Path, root: Path = ROOT) -> Path:
    """A copy of the hub's sources (config, docs, content, overrides) to build variants from."""
    shutil.copytree(root, dest, ignore=COPY_IGNORE, symlinks=True)
    return dest


class _Handler(http.server.SimpleHTTPRequestHandler):
    base = "/"
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, **EXTRA_TYPES}

    def log_message(self, format, *args):  # quiet
        pass

    def translate_path(self, path):
        """File for a URL path under `base`; None for a path outside the site."""
        url_path = urllib.parse.urlsplit(path).path
        if not url_path.startswith(self.base):
            return None
        return super().translate_path("/" + url_path[len(self.base):])

    def send_head(self):
        path = self.translate_path(self.path)
        if path and os.path.isdir(path):
            if not urllib.parse.urlsplit(self.path).path.endswith("/"):
                return super().send_head()  # redirect to the slash form
            path = os.path.join(path, "index.html")
        if not path or not os.path.isfile(path):
            return self._send_file(os.path.join(self.directory, "404.html"), 404)
        return self._send_file(path, 200)

    def _send_file(self, path, status):
        if not os.path.isfile(path):
            self.send_error(404)
            return None
        with open(path, "rb") as f:
            body = f.read()
        ext = os.path.splitext(path)[1].lower()
        ctype = self.guess_type(path)
        gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "") and ext in COMPRESSIBLE
        if gzip_ok:
            body = gzip.compress(body, 6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", ctype + ("; charset=utf-8" if ctype.startswith("text/") else ""))
        self.send_header("Content-Length", str(len(body)))
        if gzip_ok:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", "max-age=600")
        self.send_header("LinkChecker", "allow")  # lets linkchecker go faster than 10 requests/s
        self.end_headers()
        return _Body(body)


class _Body:
    """What `copyfile` reads from: the (compressed) body in memory."""

    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


@contextlib.contextmanager
def serve(directory: Path, base: str = "/"):
    """Serve `directory` at http://127.0.0.1:<free port><base>; yields that URL."""
    handler = functools.partial(type("Handler", (_Handler,), {"base": base}), directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() == "true"


def unavailable(reason: str, how: str) -> None:
    """Skip the test outside CI (saying how to install what is missing); fail it in CI."""
    import pytest

    if in_ci():
        pytest.fail(f"{reason} (CI never skips this check)", pytrace=False)
    pytest.skip(f"{reason}; install it with: {how}")
