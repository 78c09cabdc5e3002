"""Reading articles: paths in, clean Articles out, with every skipped file named.

Entry point: `read_articles(paths) -> Corpus`.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import logging
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Sequence

from kg.errors import InputError
from kg.model import Article, Skipped

log = logging.getLogger(__name__)

ARTICLE_SUFFIX = ".txt"
MAX_BYTES = 50 * 1024 * 1024
_DATE_LINE = re.compile(r"^\s*date\s+(\S+)[ \t]*")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HTML_HINT = re.compile(r"<(html|body|p|div|br|span|article|head)\b", re.I)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Corpus:
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...]


def read_articles(paths: Sequence[Path | str]) -> Corpus:
    """Read every article named by `paths` (files, or folders of .txt files)."""
    files = _collect(paths)
    articles: dict[str, Article] = {}
    by_text: dict[str, str] = {}
    skipped: list[Skipped] = []
    for path in files:
        try:
            article = read_article(path)
        except InputError as err:
            skipped.append(Skipped(str(path), str(err).split(": ", 1)[-1]))
            log.warning("%s", err)
            continue
        digest = hashlib.sha256(article.text.encode()).hexdigest()
        if digest in by_text:
            first = articles[by_text[digest]]
            articles[first.doc_id] = _also(first, article.doc_id)
            log.warning("%s: same text as %s; read once", path, first.doc_id)
            continue
        if article.doc_id in articles:
            skipped.append(Skipped(str(path), f"another file is also named {article.doc_id}"))
            continue
        by_text[digest] = article.doc_id
        articles[article.doc_id] = article
    return Corpus(tuple(articles[k] for k in sorted(articles)), tuple(skipped))


def _also(article: Article, name: str) -> Article:
    return Article(article.doc_id, article.path, article.text, article.date,
                   tuple(sorted({*article.also_named, name})))


def _collect(paths: Sequence[Path | str]) -> list[Path]:
    if not paths:
        raise InputError("no input: name article files or folders")
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ARTICLE_SUFFIX)
            if not found:
                raise InputError(f"{path}: no {ARTICLE_SUFFIX} articles in this folder")
            files.extend(found)
        elif path.is_file():
            files.append(path)  # a file named explicitly is read whatever its suffix
        else:
            raise InputError(f"{path}: no such file or folder")
    return sorted(dict.fromkeys(files), key=lambda p: (p.name, str(p)))


def read_article(path: Path) -> Article:
    """One article: decoded, cleaned, with its date line read."""
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(f"{path}: larger than {MAX_BYTES // 2**20} MiB")
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"{path}: cannot read: {err.strerror}") from err
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not text")
    text = clean_text(decode(data, path))
    date, text = split_date(text, path)
    if not text.strip():
        raise InputError(f"{path}: empty article")
    return Article(path.name, str(path), text, date)


def decode(data: bytes, path: Path) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        log.warning("%s: not UTF-8; read as Windows-1252", path)
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _HTML_HINT.search(text):
        text = _strip_html(text)
    # words glued together by scraping are split by the pipeline (kg.nlp),
    # never here: the text is the evidence
    return _CONTROL.sub(" ", text)


def split_date(text: str, path: Path) -> tuple[dt.date | None, str]:
    """A first line " date YYYY-MM-DD ..." gives the date; the rest is text."""
    m = _DATE_LINE.match(text)
    if not m:
        return None, text
    value = m.group(1)
    try:
        if not _ISO_DATE.match(value):
            raise ValueError(value)
        return dt.date.fromisoformat(value), text[m.end():]
    except ValueError:
        log.warning("%s: date line %r is not YYYY-MM-DD; no date", path, value)
        return None, text[m.end():]


class _TextOnly(HTMLParser):
    BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "tr", "article", "section"})
    HIDDEN = frozenset({"script", "style", "head", "noscript"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self.HIDDEN:
            self.hidden += 1
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _strip_html(text: str) -> str:
    parser = _TextOnly()
    parser.feed(text)
    parser.close()
    return html.unescape("".join(parser.parts))
