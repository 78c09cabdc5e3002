"""The project on its own: the knowledge base checked when loaded, scoring
against its own gold, a wheel that works outside the checkout, builds that do
not trip over each other, and graph files that are read whole or not at all."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from kg.errors import KnowledgeBaseError
from kg.kb import ONTOLOGY_DIR, load_kb
from tests.conftest import ROOT, SEEDS, run_kg


@pytest.fixture()
def ontology(tmp_path) -> Path:
    copy = tmp_path / "ontology"
    shutil.copytree(ONTOLOGY_DIR, copy)
    return copy


@pytest.mark.parametrize("file, extra, message", [
    ("organizations.yaml", "- {key: quad, name: Quad, colour: blue}\n", "unknown field 'colour'"),
    ("organizations.yaml", "- {name: Nameless Body}\n", "missing field 'key'"),
    ("organizations.yaml", "- {key: Not An IRI, name: Odd Body}\n", "cannot be part of an IRI"),
    ("organizations.yaml", "- {key: un, name: United Nations again}\n", "duplicate entry 'organization/un'"),
    ("organizations.yaml", "- {key: some-body, name: Some Body, aliases: [NATO]}\n", "'NATO' is given to both"),
    ("organizations.yaml", "- {key: some-body, name: Some Body, wikidata: 42}\n", "not a Wikidata item id"),
    ("people.yaml", "- {name: Jane Roe, country: XX}\n", "unknown ISO country code 'XX'"),
    ("people.yaml", "- {name: Jane Roe, aliases: Roe}\n", "'aliases' must be a list"),
    ("people.yaml", "- {name: Jane Roe, country: FR, in_office: [2020-13-01/]}\n", "not START/END or START/"),
    ("roles.yaml", "  - {title: Grand Vizier, state: XX}\n", "unknown ISO country code 'XX'"),
])
def test_kb_bad_entry_is_one_line_naming_file_and_entry(ontology, file, extra, message):
    path = ontology / "kb" / file
    path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    with pytest.raises(KnowledgeBaseError) as err:
        load_kb(ontology)
    text = str(err.value)
    assert message in text and str(path) in text and "\n" not in text


def test_kb_bad_pattern_field_is_an_error(ontology):
    from spacy.vocab import Vocab

    from kg.relations import load_rules

    path = ontology / "patterns" / "relations.yaml"
    path.write_text(path.read_text(encoding="utf-8")
                    + "  - {relation: metWith, trigger: {pos: VERB, lemmas: [meet]}, objekt: dobj}\n",
                    encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="unknown field 'objekt'"):
        load_rules(Vocab(), path)


def test_evaluate_scores_seeds_against_own_gold():
    proc = run_kg("evaluate", "--gold", str(SEEDS / "gold.yaml"), str(SEEDS), "--json")
    assert proc.returncode == 0, proc.stderr
    scores = json.loads(proc.stdout)
    assert scores["entities"]["f1"] >= 0.95 and scores["facts"]["f1"] >= 0.92
    assert scores["relations"]["holdsPosition"]["gold"] == 19
    assert {d["document"] for d in scores["documents"]} == {p.name for p in SEEDS.glob("*.txt")}


def test_evaluate_matches_names_as_the_contract_says():
    from kg.evaluate import normal_name

    assert normal_name("The U.S.") == normal_name("US")
    assert normal_name("Mr Blinken") == normal_name("blinken")
    assert normal_name("Defense Secretary") == normal_name("Defence Secretary")
    assert normal_name("Xi's") == normal_name("Xi")
    assert normal_name("cross-strait") == normal_name("cross strait")


SHARED_SCORER = ROOT.parent / "shared" / "eval" / "score.py"


@pytest.mark.skipif(not SHARED_SCORER.exists(), reason="the team's shared scorer is not beside this checkout")
def test_evaluate_gives_the_shared_scorers_totals(seeds_build):
    """Optional cross-check with the team's reference scorer."""
    graph = seeds_build.written[0]
    theirs = subprocess.run([sys.executable, str(SHARED_SCORER), "--gold", str(SEEDS / "gold.yaml"), "--graph",
                             str(graph), "--quiet", "--json"], capture_output=True, text=True, check=True)
    theirs = json.loads(theirs.stdout.strip().splitlines()[-1])
    from kg.evaluate import evaluate, read_gold

    ours = evaluate(seeds_build.graph, read_gold(SEEDS / "gold.yaml"))
    for part, tally in (("entities", ours.entities), ("facts", ours.facts)):
        assert (round(tally.precision, 6), round(tally.recall, 6)) == \
               (round(theirs[part]["p"], 6), round(theirs[part]["r"], 6))


def test_document_iris_are_unique_per_file_name():
    from kg.rdf import document_iri

    names = ["a b.txt", "a-b.txt", "a_b.txt", "北京.txt", "東京.txt", "a%20b.txt"]
    iris = {document_iri(n).value for n in names}
    assert len(iris) == len(names)
    assert all(iri.isascii() for iri in iris)


def test_query_on_an_unreadable_file_fails_every_time(tmp_path):
    bad = tmp_path / "broken.ttl"
    bad.write_text("<a> <b> .\n", encoding="utf-8")
    for _ in range(2):  # the second time must not find a half-built store
        proc = run_kg("query", str(bad), "-e", "SELECT * WHERE { ?s ?p ?o }")
        assert proc.returncode == 2 and "cannot parse" in proc.stderr


def test_two_builds_into_one_new_folder_both_succeed(tmp_path):
    out = tmp_path / "fresh" / "exports"
    cmd = [sys.executable, "-m", "kg", "build", str(SEEDS), "--out", str(out), "--no-cache", "-q"]
    first = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    second = subprocess.Popen(cmd, cwd=ROOT, stderr=subprocess.PIPE, text=True)
    assert (first.wait(300), second.wait(300)) == (0, 0), (first.stderr.read(), second.stderr.read())
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".") and p.name != ".kg-cache") == []
    import rdflib

    assert len(rdflib.Graph().parse(out / "graph.ttl")) > 500


def test_wheel_installed_outside_the_checkout_builds_the_seeds(tmp_path):
    """A non-editable install carries ontology/: the `kg` of a fresh virtual
    environment builds the seeds with no checkout in sight. (The environment
    borrows the project environment's dependencies through a .pth file, so the
    test needs no download.)"""
    import sysconfig

    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(ROOT)],
                   check=True, capture_output=True)
    [wheel] = wheels.glob("diplomacy_kg-*.whl")
    env = tmp_path / "env"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)], check=True,
                   capture_output=True)
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    (Path(site) / "kg_test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    assert (Path(site) / "kg" / "ontology" / "kb" / "people.yaml").is_file()
    work = tmp_path / "elsewhere"
    shutil.copytree(SEEDS, work / "seeds")
    where = subprocess.run([str(python), "-c", "import kg.kb; print(kg.kb.ONTOLOGY_DIR)"], cwd=work,
                           capture_output=True, text=True, check=True)
    assert where.stdout.startswith(site) and str(ROOT) not in where.stdout
    proc = subprocess.run([str(env / "bin" / "kg"), "build", "seeds", "--out", "out", "-q", "--no-cache"],
                          cwd=work, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert (work / "out" / "graph.ttl").stat().st_size > 10_000
