"""A small synchronous client of Pagefind's indexing service, for feeding it pages
while the site is still being built.

The `pagefind` package's own client (`pagefind.index.PagefindIndex`) is asynchronous
and waits 0.1 s before reading each response, so one request per page costs minutes
at thousands of pages. This client speaks the same protocol to the same bundled binary
(`pagefind_extended --service`, found by `pagefind.service.get_executable`): requests
are base64-encoded JSON followed by a comma on the service's stdin, answers the same on
its stdout. A writer thread sends, so the caller never waits for Pagefind; a reader
thread drains the answers and keeps the errors. Pagefind works in its own process, in
parallel with MkDocs.
"""

from __future__ import annotations

import base64
import json
import queue
import subprocess
import threading
from typing import Any


class PagefindError(RuntimeError):
    pass


class PagefindFeed:
    """One Pagefind index: `add_html` any number of pages, then `write` once."""

    def __init__(self, config: dict[str, Any]):
        from pagefind.service import get_executable

        binary = get_executable()
        if binary is None:
            raise PagefindError("the Pagefind binary is missing (pip install 'pagefind[extended]')")
        self._process = subprocess.Popen(
            [str(binary), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        )
        self._next_id = 0
        self._errors: list[str] = []
        self._answers: dict[int, dict] = {}
        self._waiting: dict[int, threading.Event] = {}
        self._lock = threading.Lock()
        self._outbox: queue.Queue[bytes | None] = queue.Queue()
        self._writing: tuple[int, threading.Event] | None = None
        self._threads = [
            threading.Thread(target=self._send_loop, name="pagefind-send", daemon=True),
            threading.Thread(target=self._read_loop, name="pagefind-read", daemon=True),
        ]
        for thread in self._threads:
            thread.start()
        answer = self._call({"type": "NewIndex", "config": config})
        self._index_id = answer["index_id"]

    # ---- public -------------------------------------------------------------------

    def add_html(self, url: str, html: str) -> None:
        """Queue a page for indexing under `url` (the answer is not waited for)."""
        self._send({"type": "AddFile", "index_id": self._index_id, "url": url,
                    "file_path": None, "file_contents": html}, wait=False)

    def start_write(self, output_path: str) -> None:
        """Ask for the bundle in `output_path` once every page queued so far is indexed."""
        self._writing = self._send({"type": "WriteFiles", "index_id": self._index_id, "output_path": output_path},
                                   wait=True)

    def wait_written(self, timeout: float = 600) -> None:
        """Wait until the bundle is written, then stop the service."""
        try:
            self._answer(*self._writing, "WriteFiles", timeout)
            if self._errors:
                raise PagefindError("; ".join(self._errors[:3]))
        finally:
            self.close()

    def write(self, output_path: str) -> None:
        """Wait for every page, write the bundle to `output_path`, stop the service."""
        self.start_write(output_path)
        self.wait_written()

    def close(self) -> None:
        if self._process.poll() is None:
            self._outbox.put(None)
            self._threads[0].join(10)
            self._process.terminate()
            self._process.wait(10)

    # ---- protocol -----------------------------------------------------------------

    def _send(self, payload: dict, *, wait: bool) -> tuple[int, threading.Event | None]:
        event = threading.Event() if wait else None
        with self._lock:
            self._next_id += 1
            message_id = self._next_id
            if event is not None:
                self._waiting[message_id] = event
        message = json.dumps({"message_id": message_id, "payload": payload}).encode("utf-8")
        self._outbox.put(base64.b64encode(message) + b",")
        return message_id, event

    def _call(self, payload: dict, timeout: float = 600) -> dict:
        message_id, event = self._send(payload, wait=True)
        return self._answer(message_id, event, payload["type"], timeout)

    def _answer(self, message_id: int, event: threading.Event, kind: str, timeout: float) -> dict:
        if not event.wait(timeout):
            raise PagefindError(f"no answer from Pagefind to {kind} within {timeout:.0f} s")
        answer = self._answers.pop(message_id)
        if answer.get("type") == "Error":
            raise PagefindError(answer.get("message", "unknown error"))
        return answer

    def _send_loop(self) -> None:
        stdin = self._process.stdin
        try:
            while (message := self._outbox.get()) is not None:
                stdin.write(message)
                if self._outbox.empty():
                    stdin.flush()
        except (BrokenPipeError, OSError):
            self._errors.append("Pagefind stopped unexpectedly")
        finally:
            try:
                stdin.close()
            except OSError:
                pass

    def _read_loop(self) -> None:
        buffer = b""
        stdout = self._process.stdout
        while chunk := stdout.read1(1 << 16):
            buffer += chunk
            *messages, buffer = buffer.split(b",")
            for raw in messages:
                self._receive(raw)
        with self._lock:  # the service is gone: release every waiter
            for message_id, event in self._waiting.items():
                self._answers.setdefault(message_id, {"type": "Error", "message": "Pagefind stopped unexpectedly"})
                event.set()

    def _receive(self, raw: bytes) -> None:
        try:
            answer = json.loads(base64.b64decode(raw))
        except ValueError:
            return  # not a message (Pagefind prints nothing else in service mode)
        if not isinstance(answer, dict):
            return
        message_id, payload = answer.get("message_id"), answer.get("payload") or {}
        with self._lock:
            event = self._waiting.pop(message_id, None)
            if event is not None:
                self._answers[message_id] = payload
                event.set()
            elif payload.get("type") == "Error":
                self._errors.append(str(payload.get("message")))
