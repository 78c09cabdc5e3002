"""The charts: written by the build and by `kg analyze --plots`, the same bytes every time."""
from __future__ import annotations

from kg.analysis.plots import CHARTS, write_plots
from tests.conftest import run_kg
from tests.test_analysis import SIGNED, graph_of


def test_plots_are_png_and_svg_and_identical_between_runs(tmp_path):
    first = write_plots(SIGNED, tmp_path / "one")
    second = write_plots(SIGNED, tmp_path / "two")
    assert sorted(p.name for p in first) == sorted(f"{c}.{s}" for c in CHARTS for s in ("png", "svg"))
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes(), a.name
    for path in first:
        data = path.read_bytes()
        if path.suffix == ".png":
            assert data.startswith(b"\x89PNG")
        else:
            assert b"<svg" in data and b"<dc:date>" not in data


def test_plots_of_a_graph_without_dates_or_signs_still_draw(tmp_path):
    written = write_plots(graph_of((None, [("person/a", "metWith", "person/b")])), tmp_path)
    assert all(p.stat().st_size > 1000 for p in written)


def test_the_build_writes_the_plots_and_kg_analyze_can_too(seeds_build, tmp_path):
    built = next(p for p in seeds_build.written if p.name == "plots")
    assert {p.name for p in built.iterdir()} == {f"{c}.{s}" for c in CHARTS for s in ("png", "svg")}
    ttl = next(p for p in seeds_build.written if p.suffix == ".ttl")
    done = run_kg("analyze", str(ttl), "--plots", str(tmp_path / "charts"))
    assert done.returncode == 0, done.stderr
    for chart in built.iterdir():  # the same graph read back from Turtle: the same pictures
        assert (tmp_path / "charts" / chart.name).read_bytes() == chart.read_bytes(), chart.name
