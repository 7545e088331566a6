"""Text clean-up shared by importers: newlines, Unicode form, HTML, import keys."""

from __future__ import annotations

import hashlib
import unicodedata
from datetime import datetime
from html.parser import HTMLParser

_BREAK_TAGS = frozenset({"br", "p", "li", "div", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})


def normalise(text: str) -> str:
    """NFC, `\\n` newlines, no BOM, no trailing blank space."""
    text = text.replace("\ufeff", "").replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


class _PlainText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAK_TAGS and self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _BREAK_TAGS - {"br"} and self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(html: str) -> str:
    """Plain text from the small HTML some apps put in notes (<br>, <b>, <li>, entities)."""
    if "<" not in html and "&" not in html:
        return normalise(html)
    parser = _PlainText()
    parser.feed(html)
    parser.close()
    lines = [line.strip() for line in "".join(parser.parts).split("\n")]
    return normalise("\n".join(lines))


def text_key(source: str, local_time: datetime, text: str) -> str:
    """`<source>:<local time to the minute>:<sha256 of the text, 16 hex>` for sources with no id."""
    digest = hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()[:16]
    return f"{source}:{local_time.strftime('%Y-%m-%dT%H:%M')}:{digest}"
