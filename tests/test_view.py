"""The interactive view, used as a person uses it: in Chromium, offline."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from kg.exporters.html import render_html
from kg.graph import KnowledgeGraph
from kg.model import DocumentResult, Entity, Fact
from tests.browser import open_view

HOSTILE = '<img src=x onerror="window.__pwned=1">'


@pytest.fixture(scope="module")
def seeds_html(seeds_build):
    return next(p for p in seeds_build.written if p.suffix == ".html")


def _hostile_graph() -> KnowledgeGraph:
    evil = Entity("person/evil", "Person", HOSTILE)
    china = Entity("country/china", "Country", "China")
    fact = Fact("person/evil", "metWith", "country/china",
                'He said "<script>window.__pwned=2</script>" & left.', 0.9)
    doc = DocumentResult("<b>doc</b>.txt", dt.date(2024, 1, 2), (china, evil),
                         (("person/evil", "<i>alias</i>"),), (fact,))
    return KnowledgeGraph({e.key: e for e in (china, evil)}, {"person/evil": ("<i>alias</i>",)}, (doc,))


def test_view_html_links_nothing_outside_itself(seeds_html):
    html = seeds_html.read_text(encoding="utf-8")
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", html)
    assert "cdn.jsdelivr" not in html and "cdnjs" not in html
    assert ".innerHTML" not in html.split("vis-network.min.js")[-1]


def test_view_article_text_is_data_not_markup():
    html = render_html(_hostile_graph())
    assert HOSTILE not in html and "<script>window.__pwned" not in html
    assert "\\u003cimg src=x" in html  # present, as escaped JSON


def test_view_loads_offline_and_draws_the_whole_graph(seeds_html, seeds_build):
    graph = seeds_build.graph
    edges = {(f.subject, f.relation, f.obj) for _, f in graph.facts() if f.relation != "holdsPosition"}
    with open_view(seeds_html) as visit:
        page = visit.page
        assert page.evaluate("kgView.nodeView.length") == len(graph.entities)
        assert page.evaluate("kgView.edgeView.length") == len(edges)
        assert page.title().startswith("diplomacy-kg")
        assert "5 articles" in page.inner_text("#summary")
        assert visit.errors == [] and visit.requests == []


def test_view_canvas_really_draws(seeds_html):
    # regression: inside a CSS grid vis-network built a canvas and drew nothing on it
    with open_view(seeds_html) as visit:
        painted = visit.page.evaluate("""() => {
            const c = document.querySelector("#graph canvas");
            const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
            let n = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) n++;
            return n; }""")
        assert painted > 5000


def test_view_search_finds_an_alias(seeds_html):
    with open_view(seeds_html) as visit:
        page = visit.page
        page.fill("#search", "Mr Blinken")
        assert "Antony Blinken" in page.inner_text("#search-result")
        assert "Antony Blinken (Person)" in page.inner_text("#details-title")
        assert page.evaluate("kgView.network.getSelectedNodes()") == ["person/antony-blinken"]


def test_view_clicking_an_edge_shows_its_sentences(seeds_html):
    with open_view(seeds_html) as visit:
        page = visit.page
        page.select_option("#relation-filter", "metWith")
        page.evaluate("kgView.network.stopSimulation()")
        page.evaluate("kgView.network.fit({animation: false})")
        x, y = page.evaluate("""() => {
            const n = kgView.network, p = n.getPositions(["person/antony-blinken", "person/xi-jinping"]);
            const a = p["person/antony-blinken"], b = p["person/xi-jinping"];
            const dom = n.canvasToDOM({x: (a.x + b.x) / 2, y: (a.y + b.y) / 2});
            const box = document.getElementById("graph").getBoundingClientRect();
            return [dom.x + box.left, dom.y + box.top];
        }""")
        page.mouse.click(x, y)
        assert page.inner_text("#details-title") == "Antony Blinken metWith Xi Jinping"
        evidence = page.inner_text("#evidence")
        assert "Mr Blinken met China's President Xi Jinping for talks on Monday" in evidence
        assert "001_e7564de01d53ded9.txt" in evidence


def test_view_hostile_label_shows_as_text_and_runs_nothing(tmp_path):
    path = tmp_path / "graph.html"
    path.write_text(render_html(_hostile_graph()), encoding="utf-8")
    with open_view(path) as visit:
        page = visit.page
        page.fill("#search", "img src")
        assert HOSTILE in page.inner_text("#details-title")
        page.evaluate("kgView.showEdge('person/evil|metWith|country/china')")
        assert "<script>window.__pwned=2</script>" in page.inner_text("#evidence")
        assert page.evaluate("window.__pwned") is None
        assert page.locator("img").count() == 0
        assert visit.requests == []


def test_view_filters_by_type_relation_and_date(seeds_html, seeds_build):
    facts = [(doc, f) for doc, f in seeds_build.graph.facts() if f.relation != "holdsPosition"]
    met = {(f.subject, f.obj) for _, f in facts if f.relation == "metWith"}
    in_2024 = {(f.subject, f.relation, f.obj) for doc, f in facts if doc.date and doc.date.year == 2024}
    issues = sum(1 for e in seeds_build.graph.entities.values() if e.kind == "Issue")
    with open_view(seeds_html) as visit:
        page = visit.page
        page.select_option("#relation-filter", "metWith")
        assert page.evaluate("kgView.edgeView.length") == len(met)
        page.select_option("#relation-filter", "")
        page.fill("#date-from", "2024-01-01")
        page.dispatch_event("#date-from", "change")
        assert page.evaluate("kgView.edgeView.length") == len(in_2024)
        page.uncheck("input[data-kind=Issue]")
        assert page.evaluate("kgView.nodeView.length") == len(seeds_build.graph.entities) - issues
