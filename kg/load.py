"""Loading a graph file into a SPARQL server over the SPARQL 1.1 Graph Store
HTTP protocol (Oxigraph: POST {server}/store?default)."""
from __future__ import annotations

import urllib.error
import urllib.request
from pathlib import Path

from kg.errors import KgError
from kg.rdf import graph_file



class LoadError(KgError):
    """The server refused the graph or could not be reached."""


def store_url(endpoint: str, graph: str | None = None) -> str:
    """The Graph Store URL for a server or store endpoint: the default graph
    unless `graph` names one."""
    url = endpoint.rstrip("/")
    if url.endswith(("/query", "/update")):
        url = url.rsplit("/", 1)[0]
    if not url.endswith("/store"):
        url += "/store"
    target = f"graph={urllib.request.quote(graph, safe='')}" if graph else "default"
    return f"{url}?{target}"


def load(path: Path, endpoint: str, graph: str | None = None, timeout: float = 300) -> int:
    """POST the file's triples to the endpoint; returns the bytes sent."""
    content_type = graph_file(path).content_type
    data = path.read_bytes()
    url = store_url(endpoint, graph)
    request = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            response.read()
    except urllib.error.HTTPError as err:
        detail = err.read().decode("utf-8", "replace").strip().splitlines()[:1]
        raise LoadError(f"{url}: the server refused the graph: HTTP {err.code} {' '.join(detail)}") from err
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise LoadError(f"{url}: cannot reach the server: {reason}") from err
    return len(data)
