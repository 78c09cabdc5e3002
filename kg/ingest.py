"""Reading articles: paths in, clean Articles out, with every skipped file named.

Entry point: `read_articles(paths) -> Corpus`. An input is an article file, a
JSON Lines file of articles (the usual form of a news crawl), a folder of
either, or an fsspec URL of a file (file://, and s3:// etc. where the backend
is installed).
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import json
import logging
import re
from dataclasses import dataclass, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterator, Sequence

from kg.errors import InputError
from kg.model import Article, Skipped

log = logging.getLogger(__name__)

ARTICLE_SUFFIX = ".txt"
JSONL_SUFFIXES = (".jsonl", ".ndjson")
FOLDER_SUFFIXES = (ARTICLE_SUFFIX, *JSONL_SUFFIXES)
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
    """Read every article named by `paths` (files, JSON Lines files, folders of
    them, or fsspec URLs of files)."""
    articles: dict[str, Article] = {}
    by_text: dict[str, str] = {}
    skipped: list[Skipped] = []
    for item in (found for source in _collect(paths) for found in _read_source(source)):
        if isinstance(item, Skipped):
            skipped.append(item)
            continue
        digest = hashlib.sha256(item.text.encode()).hexdigest()
        if digest in by_text:
            first = articles[by_text[digest]]
            articles[first.doc_id] = _also(first, item.doc_id)
            log.warning("%s: same text as %s; read once", item.path, first.doc_id)
            continue
        if item.doc_id in articles:
            skipped.append(Skipped(item.path, f"another article is also named {item.doc_id}"))
            continue
        by_text[digest] = item.doc_id
        articles[item.doc_id] = item
    return Corpus(tuple(articles[k] for k in sorted(articles)), tuple(skipped))


def _read_source(source: Path | str) -> Iterator[Article | Skipped]:
    """The articles of one file, or why it (or one of its lines) was skipped."""
    try:
        if _name(source).lower().endswith(JSONL_SUFFIXES):
            yield from read_jsonl(source)
        else:
            yield read_article(source)
    except InputError as err:
        log.warning("%s", err)
        yield Skipped(str(source), str(err).split(": ", 1)[-1])


def _also(article: Article, name: str) -> Article:
    return replace(article, also_named=tuple(sorted({*article.also_named, name})))


def _name(source: Path | str) -> str:
    return source.name if isinstance(source, Path) else source.rstrip("/").rsplit("/", 1)[-1]


def _collect(paths: Sequence[Path | str]) -> list[Path | str]:
    if not paths:
        raise InputError("no input: name article files or folders")
    files: list[Path | str] = []
    for raw in paths:
        if isinstance(raw, str) and "://" in raw:
            files.append(_existing_url(raw))
            continue
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.name.lower().endswith(FOLDER_SUFFIXES))
            if not found:
                raise InputError(f"{path}: no {ARTICLE_SUFFIX} articles or .jsonl files in this folder")
            files.extend(found)
        elif path.is_file():
            files.append(path)  # a file named explicitly is read whatever its suffix
        else:
            raise InputError(f"{path}: no such file or folder")
    return sorted(dict.fromkeys(files), key=lambda p: (_name(p), str(p)))


def _existing_url(url: str) -> str:
    """A file behind an fsspec URL (file://, s3://, … where its backend is installed)."""
    import fsspec

    try:
        fs, path = fsspec.core.url_to_fs(url)
        exists = fs.isfile(path)
    except (ImportError, ValueError) as err:
        raise InputError(f"{url}: cannot open this URL ({err})") from err
    except OSError as err:
        raise InputError(f"{url}: cannot read: {err}") from err
    if not exists:
        raise InputError(f"{url}: no such file")
    return url


def _read_bytes(source: Path | str) -> bytes:
    try:
        if isinstance(source, Path):
            if source.stat().st_size > MAX_BYTES:
                raise InputError(f"{source}: larger than {MAX_BYTES // 2**20} MiB")
            return source.read_bytes()
        import fsspec

        with fsspec.open(source, "rb") as file:
            data = file.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"{source}: larger than {MAX_BYTES // 2**20} MiB")
        return data
    except OSError as err:
        raise InputError(f"{source}: cannot read: {err.strerror or err}") from err


def read_article(path: Path | str) -> Article:
    """One article: decoded, cleaned, with its date line read."""
    data = _read_bytes(path)
    if b"\x00" in data[:8192]:
        raise InputError(f"{path}: binary file, not text")
    text = clean_text(decode(data, path))
    date, text = split_date(text, path)
    if not text.strip():
        raise InputError(f"{path}: empty article")
    return Article(_name(path), str(path), text, date)


def read_jsonl(source: Path | str) -> Iterator[Article | Skipped]:
    """Articles of a JSON Lines file, one object a line: `id`, `text`, and
    optionally `date`, `url`, `title`. A bad line is skipped with its number.
    The file is read line by line, never whole."""
    with _open_lines(source) as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{source}:{number}"
            try:
                yield jsonl_article(line, where)
            except InputError as err:
                log.warning("%s", err)
                yield Skipped(where, str(err).split(": ", 1)[-1])


def _open_lines(source: Path | str):
    if isinstance(source, Path):
        return open(source, encoding="utf-8-sig", errors="replace")
    import fsspec

    return fsspec.open(source, "rt", encoding="utf-8-sig", errors="replace")


def jsonl_article(line: str, where: str) -> Article:
    """One line of a JSON Lines file as an Article; `where` is FILE:LINE."""
    try:
        record = json.loads(line)
    except ValueError as err:
        raise InputError(f"{where}: not JSON ({err})") from err
    if not isinstance(record, dict):
        raise InputError(f"{where}: expected an object with id and text")
    doc_id, text = record.get("id"), record.get("text")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        raise InputError(f"{where}: no id")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: no text")
    title = record.get("title")
    if isinstance(title, str) and title.strip():
        text = f"{title.strip()}\n{text}"  # the headline is a sentence of its own
    url = record.get("url")
    return Article(doc_id.strip(), where, clean_text(text), _record_date(record.get("date"), where),
                   url=url.strip() if isinstance(url, str) and url.strip() else None)


def _record_date(value: object, where: str) -> dt.date | None:
    """YYYY-MM-DD, or the date of an ISO timestamp; anything else is no date, with a warning."""
    if value is None:
        return None
    if isinstance(value, str) and _ISO_DATE.match(value[:10]):
        try:
            return dt.date.fromisoformat(value[:10])
        except ValueError:
            pass
    log.warning("%s: date %r is not YYYY-MM-DD; no date", where, value)
    return None


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
