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


class ExtractionCache:
    """One JSON file per article under DIR/<version>/."""

    def __init__(self, folder: Path, version: str) -> None:
        self.folder = folder / version
        self.hits = self.misses = 0

    def _path(self, article: Article) -> Path:
        key = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, article: Article) -> DocumentResult | None:
        path = self._path(article)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            self.misses += 1
            return None
        except (OSError, ValueError) as err:
            log.warning("%s: unreadable cache entry, extracting again (%s)", path, err)
            self.misses += 1
            return None
        self.hits += 1
        return DocumentResult(article.doc_id, article.date,
                              tuple(Entity(*e) for e in data["entities"]),
                              tuple(tuple(a) for a in data["aliases"]),
                              tuple(Fact(*f) for f in data["facts"]), article.also_named, data["words"])

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
