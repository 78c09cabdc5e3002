"""The command as a user runs it: end to end on the seeds, and bad input."""
from __future__ import annotations

import pytest

from tests.conftest import SEEDS, run_kg


def test_cli_build_seeds_writes_turtle_and_html_with_a_summary(tmp_path):
    proc = run_kg("build", str(SEEDS), "--out", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 10_000
    assert (tmp_path / "out" / "graph.html").stat().st_size > 10_000
    assert "built 5 documents" in proc.stderr
    assert "Person" in proc.stderr and "metWith" in proc.stderr


@pytest.mark.parametrize("args, message", [
    (["build", "does-not-exist", "--out", "OUT"], "no such file or folder"),
    (["build", "EMPTY", "--out", "OUT"], "no .txt articles"),
    (["build", "SEEDS", "--out", "OUT", "--model", "no_such_model"], "cannot load the spaCy pipeline"),
])
def test_cli_bad_input_is_one_line_and_exit_2(tmp_path, args, message):
    (tmp_path / "EMPTY").mkdir()
    args = [a.replace("OUT", str(tmp_path / "out")).replace("EMPTY", str(tmp_path / "EMPTY"))
            .replace("SEEDS", str(SEEDS)) for a in args]
    proc = run_kg(*args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_cli_failed_build_leaves_previous_exports_intact(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous")
    proc = run_kg("build", str(tmp_path / "missing"), "--out", str(out))
    assert proc.returncode == 2
    assert (out / "graph.ttl").read_text() == "previous"
    assert [p.name for p in out.iterdir()] == ["graph.ttl"]


def test_cli_skipped_files_are_listed_and_exit_3(tmp_path):
    (tmp_path / "a.txt").write_text("Modi met Putin in Moscow.")
    (tmp_path / "b.txt").write_bytes(b"\x00\x00binary")
    proc = run_kg("build", str(tmp_path), "--out", str(tmp_path / "out"), "--format", "turtle")
    assert proc.returncode == 3
    assert "skipped" in proc.stderr and "b.txt" in proc.stderr and "binary" in proc.stderr
    assert (tmp_path / "out" / "graph.ttl").exists()
    assert not (tmp_path / "out" / "graph.html").exists()


def test_cli_help_lists_the_formats():
    proc = run_kg("build", "--help")
    assert proc.returncode == 0
    assert "turtle" in proc.stdout and "html" in proc.stdout
