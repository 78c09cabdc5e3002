"""Messy input, hostile text and killed builds: nothing lost, nothing injected."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Graph

from kg.build import build
from kg.validate import validate
from tests.conftest import ROOT, SEEDS, run_kg

HOSTILE = ('Sergei Lavrov met Hakan Fidan in Ankara <script>alert(1)</script> & "Bob \\\\ O\'Hara".\n'
           'Zorro\u202eevil\u202c Smith\U0001F600 urged Turkey to act\u0007 on the "grain deal".\n'
           'Ahmed <b>Bold</b> Khan criticised Iran.\u200f\n')


def _parses_everywhere(out: Path) -> None:
    import pyoxigraph as ox

    for name, rdflib_format, ox_format in (("graph.ttl", "turtle", ox.RdfFormat.TURTLE),
                                           ("graph.nt", "nt", ox.RdfFormat.N_TRIPLES),
                                           ("graph.jsonld", "json-ld", ox.RdfFormat.JSON_LD)):
        Graph().parse(out / name, format=rdflib_format)
        list(ox.parse(path=str(out / name), format=ox_format))


def test_robustness_hostile_text_gives_valid_exports(tmp_path, extractor):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    result = build([tmp_path / "in"], tmp_path / "out", extractor=extractor)
    assert result.graph.documents[0].facts
    _parses_everywhere(tmp_path / "out")
    assert validate(tmp_path / "out" / "graph.ttl") == []
    for key in result.graph.entities:
        assert all(c.isalnum() and c.isascii() or c in "/-" for c in key), key
    html = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "<b>Bold</b>" not in html


def test_robustness_huge_article_is_read_in_parts_within_memory(tmp_path):
    junk = ("x" * 99 + " ") * 50_000  # 5 MB of scraped noise between two real sentences
    text = "Sergei Lavrov met Hakan Fidan in Ankara.\n" + junk + "\nFidan urged Russia to extend the grain deal.\n"
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "huge.txt").write_text(text)
    assert len(text) > 5_000_000
    script = (f"import resource, json, sys\nfrom pathlib import Path\nfrom kg.build import build\n"
              f"r = build([Path({str(tmp_path / 'in')!r})], Path({str(tmp_path / 'out')!r}), formats=['turtle'])\n"
              f"print(json.dumps([sorted((f.subject, f.relation, f.obj) for f in r.graph.documents[0].facts),"
              f" resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]))")
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr[-2000:]
    facts, peak_kb = json.loads(proc.stdout.strip().splitlines()[-1])
    assert ["person/hakan-fidan", "urged", "country/russia"] in facts
    assert ["person/hakan-fidan", "metWith", "person/sergei-lavrov"] in facts or \
        ["person/sergei-lavrov", "metWith", "person/hakan-fidan"] in facts
    assert peak_kb < 1_500_000  # KiB


def _staged(out: Path) -> list[str]:
    """The files a build writes beside its targets before it swaps them in."""
    return [p.name for p in out.iterdir() if p.name.startswith(".") and p.name != ".kg-cache"]


@pytest.mark.parametrize("staged_files", [1, 3])
def test_robustness_build_killed_while_writing_leaves_previous_exports_intact(tmp_path, seeds_build,
                                                                              staged_files):
    """SIGKILL once the build has begun writing its exports (the first, then
    the third staged file): the exports in place stay whole and unchanged,
    and the next build removes the records the killed one left behind."""
    from bench.generate import generate

    out, temp = tmp_path / "out", tmp_path / "temp"  # the builds' temporary folder: TMPDIR
    temp.mkdir()
    shutil.copytree(seeds_build.written[0].parent, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    generate(60, tmp_path / "corpus", seed=11)
    proc = subprocess.Popen([sys.executable, "-m", "kg", "build", str(tmp_path / "corpus"), "--out", str(out),
                             "--no-cache", "-q"], cwd=ROOT, env={**os.environ, "TMPDIR": str(temp)})
    deadline = time.monotonic() + 240
    while len(_staged(out)) < staged_files and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    assert proc.poll() is None, "the build ended before it could be killed while writing"
    assert len(_staged(out)) >= staged_files
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    for name, data in before.items():
        assert (out / name).read_bytes() == data, f"{name} changed by a killed build"
    Graph().parse(out / "graph.ttl")
    (left,) = temp.glob("kg-records-*")
    os.utime(left, (time.time() - 3600,) * 2)  # long enough ago for the next build to tell it abandoned
    proc = run_kg("build", str(SEEDS), "--out", str(out), "--no-cache", "-q", env={"TMPDIR": str(temp)})
    assert proc.returncode == 0
    assert not _staged(out), "temporary files left behind"
    assert not list(temp.glob("kg-records-*")), "the killed build's records are still there"


@pytest.mark.parametrize("apart", [False, True], ids=["in the build's process", "in the helper process"])
def test_robustness_failing_export_changes_no_file(tmp_path, seeds_build, monkeypatch, apart):
    """An error in the last format leaves the formats before it unchanged too,
    wherever that format is written."""
    from kg import exporters
    from kg.exporters import Format

    out = tmp_path / "out"
    shutil.copytree(seeds_build.written[0].parent, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    broken = Format("html", "graph.html", "tests.test_robustness:_fail", "fails", apart=apart)
    monkeypatch.setitem(exporters.FORMATS, "html", broken)
    small = seeds_build.graph.__class__(dict(list(seeds_build.graph.entities.items())[:3]), {}, ())
    with pytest.raises(RuntimeError, match="disk on fire"):
        exporters.export(small, out, ["turtle", "ntriples", "html"])
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()} == before


def _fail(kg, path):
    raise RuntimeError("disk on fire")


def test_robustness_any_input_order_gives_identical_exports(tmp_path):
    files = sorted(SEEDS.glob("*.txt"))
    a = run_kg("build", *map(str, files), "--out", str(tmp_path / "a"), "--no-cache", "-q")
    b = run_kg("build", *map(str, reversed(files)), "--out", str(tmp_path / "b"), "--no-cache", "-q")
    assert a.returncode == b.returncode == 0
    for name in ("graph.ttl", "graph.nt", "graph.jsonld", "graph.graphml", "graph.html"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes(), name


FRAGMENTS = st.sampled_from([
    "Sergei Lavrov met Hakan Fidan.", "China urged Japan to show restraint.", "The two sides agreed.",
    "He warned of the dangers.", "Taiwan, the island claimed by Beijing, held elections.",
    "Mr Xi said talks were candid.", "the top US diplomat", "\"We disagree,\" Blinken said.",
    "Iran's nuclear programme", " date 2024-02-30 ", "<p>&amp;</p>", "\u202e", "\U0001F600", "\\", "\"",
])
ARTICLES = st.lists(st.one_of(FRAGMENTS, st.text(max_size=40)), min_size=1, max_size=12).map(" ".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(texts=st.lists(ARTICLES, min_size=1, max_size=3))
def test_robustness_fuzzed_articles_build_valid_graphs(tmp_path_factory, extractor, texts):
    tmp = tmp_path_factory.mktemp("fuzz")
    (tmp / "in").mkdir()
    for n, text in enumerate(texts):
        (tmp / "in" / f"a{n}.txt").write_text(text, encoding="utf-8", errors="surrogatepass")
    result = build([tmp / "in"], tmp / "out", extractor=extractor,
                   formats=["turtle", "ntriples", "jsonld", "graphml", "html"])
    assert len(result.graph.documents) + len(result.skipped) >= 1
    if result.graph.documents:
        _parses_everywhere(tmp / "out")
        assert validate(tmp / "out" / "graph.ttl") == []


def test_robustness_script_without_main_guard_fails_instead_of_hanging(tmp_path):
    """Bug: a script calling build() outside `if __name__ == "__main__":` was
    run again by the export helper as it started, and the two waited for each
    other for ever. Now the helper's copy stops with the remedy and the build
    fails at once."""
    script = tmp_path / "unguarded.py"
    script.write_text(f"from pathlib import Path\nfrom kg.build import build\n"
                      f"build([Path({str(SEEDS)!r})], Path({str(tmp_path / 'out')!r}), cache_dir=None)\n")
    proc = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, cwd=ROOT, timeout=240,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode != 0
    assert 'if __name__ == "__main__":' in proc.stderr
