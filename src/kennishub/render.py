"""Markdown to HTML as the site renders it, for the validator.

    renderer = Renderer.for_hub(root)       # the extensions of the hub's mkdocs.yml
    html = renderer.render(body)            # raises RenderError (Dutch) when it cannot

The extensions and their settings are read from `markdown_extensions` in mkdocs.yml,
plus the three MkDocs always adds (toc, tables, fenced_code), so the validator sees the
HTML the site will show. Python-Markdown needs time quadratic in the length of some
inputs (hundreds of '<a ' or '[' without an end); two guards find those shapes in
linear time first, and every rendering runs against a deadline.
"""

from __future__ import annotations

import ctypes
import importlib
import os
import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import locatestarttagend_tolerant  # type: ignore[attr-defined]
from pathlib import Path

import markdown
import yaml

from kennishub.hub import ignore_tag

MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")
DEADLINE = 2.0  # seconds for one body; real entries take a few milliseconds
TAG_WINDOW = 4096  # a tag must end within this many characters
BRACKET_BUDGET = 40  # total length of bracketed spans, as a multiple of the body's length


class RenderError(Exception):
    """A body that cannot be rendered; `offset` is where in the body, or -1."""

    def __init__(self, message: str, offset: int = -1):
        super().__init__(message)
        self.offset = offset


class _Loader(yaml.SafeLoader):
    """mkdocs.yml: `!!python/name:` resolves as MkDocs resolves it, `!ENV` to its value."""


def _python_name(loader, suffix, node):
    module, _, name = suffix.rpartition(".")
    return getattr(importlib.import_module(module), name)


def _env(loader, node):
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    for value in values[:-1] if len(values) > 1 else values:
        if os.environ.get(str(value)) is not None:
            return os.environ[str(value)]
    return values[-1] if len(values) > 1 else None


_Loader.add_multi_constructor("tag:yaml.org,2002:python/name:", _python_name)
_Loader.add_constructor("!ENV", _env)
_Loader.add_multi_constructor("!", ignore_tag)


def markdown_config(root: Path) -> tuple[list[str], dict]:
    """(extensions, their settings) of the hub's mkdocs.yml."""
    try:
        config = yaml.load((root / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ImportError, AttributeError):
        config = {}
    names: list[str] = list(MKDOCS_BUILTINS)
    settings: dict = {}
    listed = config.get("markdown_extensions") if isinstance(config, dict) else None
    for item in listed if isinstance(listed, list) else []:
        if isinstance(item, str):
            name, options = item, {}
        elif isinstance(item, dict) and len(item) == 1:
            name, options = next(iter(item.items()))
        else:
            continue
        if name not in names:
            names.append(name)
        if isinstance(options, dict) and options:
            settings[name] = options
    return names, settings


@dataclass
class Renderer:
    extensions: list[str]
    settings: dict = field(default_factory=dict)

    @classmethod
    def for_hub(cls, root: Path) -> Renderer:
        return cls(*markdown_config(root))

    def __post_init__(self) -> None:
        self._md = markdown.Markdown(extensions=self.extensions, extension_configs=self.settings)

    def toc_naming(self):
        """(slugify, separator) of the toc extension, which names the headings' ids."""
        toc = self._md.treeprocessors["toc"] if "toc" in self._md.treeprocessors else None
        return None if toc is None else (toc.slugify, toc.sep)

    def render(self, body: str) -> str:
        guard(body)
        self._md.reset()
        with deadline(DEADLINE):
            return self._md.convert(body)


def guard(body: str) -> None:
    """Raise RenderError at the first shape that would make Markdown take quadratic time."""
    _unclosed_tag(body)
    _bracket_spans(body)


def _unclosed_tag(body: str) -> None:
    """A '<' that starts an HTML tag must find its end close by (as Python's HTML parser,
    which Python-Markdown uses, reads a tag: quoted values may hold '>')."""
    i = body.find("<")
    n = len(body)
    while 0 <= i < n - 1:
        nxt = body[i + 1]
        if nxt.isascii() and nxt.isalpha():
            window = body[i:i + TAG_WINDOW]
            m = locatestarttagend_tolerant.match(window)
            end = m.end() if m else 1
            if end >= len(window) and i + TAG_WINDOW <= n or end >= n - i:
                raise RenderError("er begint hier een HTML-tag ('<' met een woord erna) die niet wordt afgesloten met '>'"
                                  " — sluit hem af, of schrijf 'kleiner dan' in woorden", i)
            i = body.find("<", i + max(end, 1))
        elif nxt in "/!?":
            close = body.find(">", i + 2, i + TAG_WINDOW)
            if close < 0 and not body.startswith("<!--", i):
                raise RenderError("er begint hier een HTML-code ('<" + nxt + "') die niet wordt afgesloten met '>'"
                                  " — sluit hem af of haal hem weg", i)
            i = body.find("<", i + 1)
        else:
            i = body.find("<", i + 1)


def _bracket_spans(body: str) -> None:
    """Python-Markdown reads a link's text by scanning from each '[' to its ']'; many
    unclosed or deeply nested '[' make that quadratic. One pass over the brackets."""
    if body.count("[") < 64:
        return
    budget = BRACKET_BUDGET * len(body) + 100_000
    total, stack = 0, []
    for i, ch in enumerate(body):
        if ch == "[":
            stack.append(i)
        elif ch == "]" and stack:
            total += i - stack.pop()
        elif ch == "\n" and i + 1 < len(body) and body[i + 1] == "\n":
            stack_cost = sum(i - s for s in stack)  # a blank line ends a paragraph's spans
            total += stack_cost
            stack.clear()
        if total > budget:
            break
    total += sum(len(body) - s for s in stack)
    if total > budget:
        first = stack[0] if stack else body.find("[")
        raise RenderError("deze tekst heeft heel veel '[' zonder bijbehorende ']' — een link schrijf je als "
                          "[tekst](https://…); haal losse haken weg", first)


class _Timeout(BaseException):
    pass


@contextmanager
def deadline(seconds: float):
    """Stop the block after `seconds` with RenderError. In the main thread through
    SIGALRM (which also stops a long regular expression); in another thread (mkdocs
    serve builds in one) by raising in that thread from a timer."""
    if threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer"):
        def alarm(signum, frame):
            raise _Timeout

        previous = signal.signal(signal.SIGALRM, alarm)
        signal.setitimer(signal.ITIMER_REAL, seconds)
        try:
            yield
        except _Timeout:
            raise RenderError(_TOO_SLOW) from None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        return
    ident, lock, state = threading.get_ident(), threading.Lock(), {"active": True, "fired": False}

    def fire() -> None:
        with lock:
            if state["active"]:
                state["fired"] = True
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(_Timeout))

    timer = threading.Timer(seconds, fire)
    timer.daemon = True
    timer.start()
    try:
        try:
            yield
        finally:
            with lock:
                state["active"] = False
                timer.cancel()
    except _Timeout:
        raise RenderError(_TOO_SLOW) from None
    finally:
        if state["fired"]:  # raised after the block had ended: take it back
            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), None)


_TOO_SLOW = (f"deze tekst kon niet binnen {DEADLINE:.0f} seconden worden opgemaakt — er staan waarschijnlijk "
             "veel haken, sterretjes of '<' zonder afsluiting in; maak de tekst eenvoudiger of splits hem")
