"""Write a PNG of a built graph.html as Chromium shows it (for the README).

    python scripts/screenshot.py exports/graph.html exports/graph.png
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.browser import open_view  # noqa: E402


def main(html: str, png: str) -> None:
    with open_view(Path(html), width=1600, height=1000) as visit:
        page = visit.page
        page.evaluate("kgView.network.fit({animation: false})")
        page.wait_for_timeout(500)
        page.screenshot(path=png)
        print(f"{png}: {len(visit.requests)} network requests, {len(visit.errors)} console errors")


if __name__ == "__main__":
    main(*sys.argv[1:3])
