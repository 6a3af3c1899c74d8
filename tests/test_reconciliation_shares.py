"""The computed-against-published checks (audit material) are on Om data's
reconciliation: the expenses' »Forskel« column and the shares in job and education.
Benchmark keeps a footnote at each, and neither its slides nor its workbook hold the
check chart or the check tables."""

from __future__ import annotations

import io

from openpyxl import load_workbook
from pptx import Presentation

from tests.apptest_support import open_page, shown_text

NBSP = "\u00a0"
CHECK = "beregnet og i dokumentet"


def test_om_data_holds_the_computed_and_published_shares() -> None:
    app = open_page("app_pages/om_data.py")
    assert "Beregnet og i dokumentet" in [s.value for s in app.subheader]
    shown = shown_text(app)
    # The expenses' check, moved from Benchmark with its assertion.
    assert "samme forskel i 13 af 13 rækker" in shown
    assert "job eller uddannelse for jobparate kontanthjælpsmodtagere" in shown
    assert "job, fleksjob eller uddannelse for sygedagpenge og jobafklaring" in shown
    table = next(
        f.value for f in app.dataframe if "Tal i dokumentets udsagn (pct.)" in f.value.columns
    )
    rows = table.set_index(["Målgruppe", "Område"])
    jobparate = rows.loc[("Jobparate kontanthjælpsmodtagere", "Hedensted")]
    assert jobparate["Beregnet ud fra tabellen (pct.)"] == f"69,6{NBSP}%"
    assert jobparate["Tal i dokumentets udsagn (pct.)"] == f"69,5{NBSP}%"
    assert jobparate["Forskel (pct.-point)"] == "+0,1 pct.-point"
    # Every area of the status table, RAR Østjylland's computed share too (no statement).
    rar = rows.loc[("Jobafklaring", "RAR Østjylland")]
    assert rar["Beregnet ud fra tabellen (pct.)"] == f"47,8{NBSP}%"
    assert len(app.get("vega_lite_chart")) == 1


def test_benchmark_keeps_a_footnote_and_exports_no_check(downloads: dict) -> None:
    app = open_page("app_pages/benchmark.py")
    captions = [c.value for c in app.caption]
    assert any(c.startswith("¹ Dokumentets egen kolonne »Forskel«") for c in captions)
    assert any(c.startswith("² Dokumentets egne andele i job og uddannelse") for c in captions)
    assert "samme forskel i 13 af 13 rækker" not in shown_text(app)
    assert not any(CHECK in s.value.lower() for s in app.subheader)
    deck = Presentation(io.BytesIO(downloads["benchmark_hedensted.pptx"]()))
    titles = [slide.shapes.title.text for slide in deck.slides if slide.shapes.title]
    assert titles and not any(CHECK in t.lower() for t in titles)
    book = load_workbook(io.BytesIO(downloads["benchmark_hedensted.xlsx"]()))
    cells = [
        str(v)
        for sheet in book.worksheets
        for row in sheet.iter_rows(values_only=True)
        for v in row
    ]
    assert not any("Tal i dokumentets udsagn" in c for c in cells)
    assert not any("Forskel i dokumentet" in c for c in cells)
    assert any("Lønmodtagerbeskæftigelse" in c for c in cells)  # the status tables stay
