"""The interactive view, used as a person uses it: in Chromium, offline."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from bench.generate import generate
from bench.view import synthetic_graph
from kg.build import build
from kg.exporters.html import render_html
from kg.graph import KnowledgeGraph
from kg.model import DocumentResult, Entity, Fact
from tests.browser import open_view
from tests.conftest import ROOT, SEEDS

HOSTILE = '<img src=x onerror="window.__pwned=1">'


@pytest.fixture(scope="module")
def seeds_html(seeds_build):
    return next(p for p in seeds_build.written if p.suffix == ".html")


def _linked(graph: KnowledgeGraph) -> set[str]:
    """Entities drawn at first: those in a fact between two entities."""
    return {k for _, f in graph.facts() if f.relation != "holdsPosition" for k in (f.subject, f.obj)}


def _dom_point(page, key: str) -> tuple[float, float]:
    """Where a node is on the page, for the mouse."""
    return page.evaluate("""key => {
        const n = kgView.network, p = n.getPositions([key])[key], dom = n.canvasToDOM(p);
        const box = document.getElementById("graph").getBoundingClientRect();
        return [dom.x + box.left, dom.y + box.top]; }""", key)


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
        assert page.evaluate("kgView.nodeView.length") == len(_linked(graph))
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
        assert page.inner_text("#details-title") == "Antony Blinken met with Xi Jinping"
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
    linked = _linked(seeds_build.graph)
    issues = sum(1 for k in linked if seeds_build.graph.entities[k].kind == "Issue")
    with open_view(seeds_html) as visit:
        page = visit.page
        page.select_option("#relation-filter", "metWith")
        assert page.evaluate("kgView.edgeView.length") == len(met)
        page.select_option("#relation-filter", "")
        page.fill("#date-from", "2024-01-01")
        page.dispatch_event("#date-from", "change")
        assert page.evaluate("kgView.edgeView.length") == len(in_2024)
        page.uncheck("input[data-kind=Issue]")
        assert page.evaluate("kgView.nodeView.length") == len(linked) - issues


def test_view_relations_read_in_the_ontologys_words(seeds_html):
    with open_view(seeds_html) as visit:
        page = visit.page
        labels = set(page.evaluate("kgView.edgeView.get().map(e => e.label)"))
        assert {"raised concern about", "met with"} <= labels and "raisedConcernAbout" not in labels
        options = page.evaluate("[...document.querySelectorAll('#relation-filter option')].map(o => o.text)")
        assert "raised concern about" in options


def test_view_hides_entities_without_facts_behind_a_toggle_that_counts_them(seeds_html, seeds_build):
    graph = seeds_build.graph
    loose = len(graph.entities) - len(_linked(graph))
    assert loose > 0
    with open_view(seeds_html) as visit:
        page = visit.page
        assert page.inner_text("#loose-line").strip() == f"show {loose} entities without facts"
        assert page.evaluate("kgView.nodeView.length") == len(graph.entities) - loose
        page.check("#show-loose")
        assert page.evaluate("kgView.nodeView.length") == len(graph.entities)


def test_view_sizes_nodes_by_pagerank(seeds_html):
    with open_view(seeds_html) as visit:
        ranked = visit.page.evaluate("kgView.nodeView.get().map(n => [n.pagerank, n.size])")
        ranked.sort()
        assert [size for _, size in ranked] == sorted(size for _, size in ranked)
        assert ranked[-1][1] > ranked[0][1]


def test_view_colours_by_type_or_by_bloc(seeds_html):
    with open_view(seeds_html) as visit:
        page = visit.page
        by_kind = page.evaluate("kgView.nodes.get().map(n => [n.kind, n.color])")
        assert len({(kind, colour) for kind, colour in by_kind}) == len({kind for kind, _ in by_kind})
        page.select_option("#colour-by", "bloc")
        by_bloc = page.evaluate("kgView.nodeView.get().map(n => [n.bloc, n.color, n.blocColor])")
        assert all(colour == bloc_colour for _, colour, bloc_colour in by_bloc)
        assert len({b for b, _, _ in by_bloc}) > 1
        assert all(len({c for b2, c, _ in by_bloc if b2 == b}) == 1 for b, _, _ in by_bloc)  # one colour a bloc
        assert "bloc of" in page.inner_text("#legend")
        page.select_option("#colour-by", "kind")
        assert page.evaluate("kgView.nodes.get().map(n => [n.kind, n.color])") == by_kind


def test_view_date_slider_shows_the_graph_as_of_a_day(seeds_html, seeds_build):
    facts = [(doc, f) for doc, f in seeds_build.graph.facts() if f.relation != "holdsPosition"]
    first: dict = {}
    for doc, f in facts:
        key = (f.subject, f.relation, f.obj)
        first.setdefault(key, set()).add(doc.date)
    # a fact read in an undated article cannot be placed in time: it stays
    as_of = {k for k, dates in first.items()
             if None in dates or min(d for d in dates if d) <= dt.date(2023, 6, 19)}
    assert len(as_of) < len(first)
    with open_view(seeds_html) as visit:
        page = visit.page
        page.fill("#as-of", "0")
        assert page.inner_text("#as-of-label") == "2023-06-19"
        assert page.evaluate("kgView.edgeView.length") == len(as_of)
        page.fill("#as-of", page.get_attribute("#as-of", "max"))
        assert page.evaluate("kgView.edgeView.length") == len(first)


def test_view_node_panel_shows_the_actors_profile(seeds_html):
    with open_view(seeds_html) as visit:
        page = visit.page
        page.fill("#search", "Mr Blinken")
        profile = page.inner_text("#profile")
        assert "Secretary of State; acts for United States" in profile
        assert "Concerns" in profile and "Taiwan (" in profile
        assert "Partners" in profile and "Xi Jinping" in profile
        assert "Over time" in profile and "2024-04: " in profile


def test_view_double_click_shows_only_the_neighbourhood(seeds_html, seeds_build):
    wang = "person/wang-yi"
    near = {f.obj if f.subject == wang else f.subject for _, f in seeds_build.graph.facts()
            if f.relation != "holdsPosition" and wang in (f.subject, f.obj)}
    with open_view(seeds_html) as visit:
        page = visit.page
        page.mouse.dblclick(*_dom_point(page, wang))
        assert set(page.evaluate("kgView.nodeView.getIds()")) == near | {wang}
        assert page.is_visible("#show-all")
        page.click("#show-all")
        assert page.evaluate("kgView.nodeView.length") == len(_linked(seeds_build.graph))


def test_view_physics_can_be_switched_on_for_a_small_graph(seeds_html):
    with open_view(seeds_html) as visit:
        page = visit.page
        assert page.evaluate("kgView.network.physics.physicsEnabled") is False  # the computed layout first
        page.check("#physics")
        assert page.evaluate("kgView.network.physics.physicsEnabled") is True


@pytest.fixture(scope="module")
def varied_html(tmp_path_factory, extractor):
    """About 400 entities from varied articles: the seeds, the corpus of other
    actors and issues, and generated wire stories."""
    out = tmp_path_factory.mktemp("varied")
    generate(60, out / "generated")
    result = build([SEEDS, ROOT / "tests" / "corpus", out / "generated"], out / "build", extractor=extractor,
                   formats=("html",))
    assert 250 <= len(result.graph.entities) <= 450
    return result.graph, result.written[0]


@pytest.fixture(scope="module")
def synthetic_html(tmp_path_factory):
    path = tmp_path_factory.mktemp("synthetic") / "graph.html"
    graph = synthetic_graph(200)
    path.write_text(render_html(graph), encoding="utf-8")
    return graph, path


DRAWN_LABELS = """() => {
    const n = kgView.network, scale = n.getScale(), drawn = [];
    for (const id of kgView.nodeView.getIds()) {
        const body = n.body.nodes[id], label = body.labelModule;
        // vis-network draws no label smaller than its drawThreshold on screen
        if (!body.options.label || label.fontOptions.size * scale < n.body.nodes[id].options.scaling.label.drawThreshold) continue;
        const box = label.size;
        const a = n.canvasToDOM({x: box.left, y: box.top}), b = n.canvasToDOM({x: box.left + box.width, y: box.top + box.height});
        drawn.push({id, left: a.x, top: a.y, right: b.x, bottom: b.y, size: label.fontOptions.size * scale});
    }
    return drawn; }"""


@pytest.mark.parametrize("fixture", ["synthetic_html", "varied_html"])
def test_view_first_sight_has_no_overlapping_labels_and_names_the_key_actors(request, fixture, tmp_path):
    graph, html = request.getfixturevalue(fixture)
    with open_view(html) as visit:
        page = visit.page
        drawn = page.evaluate(DRAWN_LABELS)
        page.screenshot(path=str(tmp_path / "first-sight.png"))
        overlaps = [(a["id"], b["id"]) for i, a in enumerate(drawn) for b in drawn[i + 1:]
                    if a["left"] < b["right"] and b["left"] < a["right"] and a["top"] < b["bottom"] and b["top"] < a["bottom"]]
        assert overlaps == []
        key = page.evaluate("kgView.nodes.get().filter(n => !n.loose).sort((a, b) => b.pagerank - a.pagerank)"
                            ".slice(0, 10).map(n => n.id)")
        assert set(key) <= {d["id"] for d in drawn}  # the key actors are labelled...
        assert min(d["size"] for d in drawn if d["id"] in key) >= 9  # ...readably (px on screen)
        assert len(drawn) < page.evaluate("kgView.nodeView.length")  # ...and not every node is
        assert visit.errors == [] and visit.requests == []


def test_view_unlabelled_node_shows_its_label_on_hover(varied_html):
    graph, html = varied_html
    with open_view(html) as visit:
        page = visit.page
        quiet = page.evaluate("kgView.nodeView.get().filter(n => !n.label).sort((a, b) => b.size - a.size)[0].id")
        page.mouse.move(*_dom_point(page, quiet))
        page.wait_for_function("id => kgView.nodes.get(id).label", arg=quiet, timeout=5000)
        assert page.evaluate("id => kgView.nodes.get(id).label", quiet) == graph.entities[quiet].label
        box = page.locator("#graph").bounding_box()
        page.mouse.move(box["x"] + 3, box["y"] + 3)  # away, onto empty canvas: the label goes again
        page.wait_for_function("id => !kgView.nodes.get(id).label", arg=quiet, timeout=5000)


def test_view_zooming_in_labels_every_node(varied_html):
    _, html = varied_html
    with open_view(html) as visit:
        page = visit.page
        assert page.evaluate("kgView.nodes.get().filter(n => !n.label).length") > 0
        box = page.locator("#graph").bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        for _ in range(20):
            if page.evaluate("kgView.network.getScale()") >= 1:
                break
            page.mouse.wheel(0, -300)
            page.wait_for_timeout(100)
        page.wait_for_function("kgView.nodes.get().every(n => n.label)", timeout=5000)
