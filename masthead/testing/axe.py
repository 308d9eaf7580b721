"""axe-core in a browser page: the accessibility checks of the app's, the embed's and the desk's tests.

axe-core comes from its npm package, installed once into .cache/axe by `make axe` (``AXE_CORE_JS`` points
elsewhere); the tests read the file from disk and fetch nothing while they run.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

AXE = Path(os.environ.get("AXE_CORE_JS", Path(__file__).resolve().parents[2]
                          / ".cache/axe/node_modules/axe-core/axe.min.js"))
# WCAG 2.0, 2.1 and 2.2 at levels A and AA (color-contrast is a wcag2aa rule).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def run_axe(page: Any) -> list[dict[str, Any]]:
    """The violations axe-core finds in ``page`` (a Playwright page or frame), five nodes each at most."""
    page.evaluate(AXE.read_text())
    result: list[dict[str, Any]] = page.evaluate(
        """async (tags) => {
            const out = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
            return out.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.slice(0, 5).map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}));
        }""",
        AXE_TAGS,
    )
    return result
