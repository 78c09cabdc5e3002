"""A cache of per-article extraction, keyed by the article's text and the
pipeline's version (kg's code, spaCy and its model, every ontology file), so an
unchanged article is never parsed twice and any change to the pipeline
invalidates the lot."""
from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from pathlib import Path

from kg import __version__
from kg.kb import ontology_version
from kg.model import Article, DocumentResult, Entity, Fact

log = logging.getLogger(__name__)
PACKAGE_DIR = Path(__file__).resolve().parent


def pipeline_version(model: str) -> str:
    """Changes when anything that shapes an extraction changes."""
    import importlib.metadata as metadata

    digest = hashlib.sha256(f"kg {__version__}\0".encode())
    for name in ("spacy", model):
        try:
            digest.update(f"{name} {metadata.version(name)}\0".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name} ?\0".encode())
    digest.update(ontology_version().encode())
    for path in sorted(PACKAGE_DIR.rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:20]


def _rows(data: dict, name: str, width: int) -> list[list]:
    rows = data[name]
    if not isinstance(rows, list) or not all(isinstance(r, list) and len(r) == width for r in rows):
        raise TypeError(f"{name}: expected a list of {width}-item lists")
    return rows


def _decode(data: object) -> tuple[tuple[Entity, ...], tuple[tuple[str, str], ...], tuple[Fact, ...], int]:
    """An entry as written by `put`; TypeError or KeyError for anything else."""
    if not isinstance(data, dict) or not isinstance(data.get("words"), int):
        raise TypeError("expected an object with entities, aliases, facts and words")
    entities = tuple(Entity(*e) for e in _rows(data, "entities", 4))
    aliases = tuple((k, n) for k, n in _rows(data, "aliases", 2))
    facts = tuple(Fact(*f) for f in _rows(data, "facts", 5))
    texts = [e.key for e in entities] + [v for a in aliases for v in a] + [f.evidence for f in facts]
    if not all(isinstance(v, str) for v in texts) or not all(isinstance(f.confidence, float) for f in facts):
        raise TypeError("a value of the wrong type")
    return entities, aliases, facts, data["words"]


class ExtractionCache:
    """One JSON file per article under DIR/<version>/."""

    def __init__(self, folder: Path, version: str) -> None:
        self.folder = folder / version
        self.hits = self.misses = 0

    def _path(self, article: Article) -> Path:
        # the date is read too: who was in office depends on it (kg.offices)
        key = hashlib.sha256(f"{article.date}\0{article.text}".encode("utf-8")).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, article: Article) -> DocumentResult | None:
        """The cached result, or None; a damaged entry is removed and the article read again."""
        path = self._path(article)
        try:
            entities, aliases, facts, words = _decode(json.loads(path.read_text(encoding="utf-8")))
            result = DocumentResult(article.doc_id, article.date, entities, aliases, facts,
                                    article.also_named, words, article.url)
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError, TypeError, KeyError) as err:  # truncated, garbage, or another shape
            log.warning("%s: damaged cache entry, reading the article again (%s: %s)", path,
                        type(err).__name__, err)
            path.unlink(missing_ok=True)
            self.misses += 1
            return None
        self.hits += 1
        return result

    def put(self, article: Article, result: DocumentResult) -> None:
        path = self._path(article)
        data = {"entities": [[e.key, e.kind, e.label, e.wikidata] for e in result.entities],
                "aliases": [list(a) for a in result.aliases],
                "facts": [[f.subject, f.relation, f.obj, f.evidence, f.confidence] for f in result.facts],
                "words": result.words}
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False)
            os.replace(tmp, path)
        except OSError as err:
            log.warning("%s: cannot write the cache (%s)", path, err)
