"""Errors a user can act on. Each carries one line that says what and where."""
from __future__ import annotations


class KgError(Exception):
    """Base of every error the CLI reports as one line (exit status 2)."""

    exit_code = 2


class InputError(KgError):
    """An input path or article that cannot be used."""


class ModelError(KgError):
    """The spaCy pipeline cannot be loaded."""


class KnowledgeBaseError(KgError):
    """A file under ontology/ is malformed."""


class ExportError(KgError):
    """An export cannot be written."""


class ClusterError(KgError):
    """The Dask scheduler cannot be reached, or its workers cannot read articles."""
