"""diplomacy-kg: turn diplomatic news into a knowledge graph.

Stages, one module each: ingest -> nlp -> entities -> relations -> graph ->
exporters, driven by build and exposed by cli.
"""
__version__ = "0.1.0"
