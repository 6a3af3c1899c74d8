"""The Benchmark page's charts (hedensted/benchmark/charts.py): Danish tooltips,
Hedensted highlighted."""

from __future__ import annotations

import json

from hedensted.benchmark import charts as cb
from hedensted.benchmark.migrations import NONE_CATEGORY, migration_blocks, migrations
from hedensted.benchmark.outcomes import (
    REMAINDER,
    status_category_order,
    status_stack,
    status_target_groups,
)
from hedensted.benchmark.unemployment import OTHER_AREAS, rate_view
from hedensted.core.view_state import SortOrder
from hedensted.present.charts import HEDENSTED_COLOR
from tests.benchmark_support import AREAS, frame


def test_charts_have_danish_tooltips_and_highlight_hedensted(catalog) -> None:
    rates = frame(catalog, "ledighedsprocent")
    spec = cb.area_bars(
        rate_view(rates, "RAR Østjylland", SortOrder.SOURCE),
        "value",
        "Ledige i pct. af arbejdsstyrken",
        1,
        "RAR Østjylland",
        OTHER_AREAS,
    ).to_dict()
    bars = spec["layer"][0]["encoding"]
    assert bars["color"]["scale"]["domain"][0] == "Hedensted"
    assert bars["color"]["scale"]["range"][0] == HEDENSTED_COLOR
    tooltip = {t["field"]: t for t in bars["tooltip"]}
    assert tooltip["value"]["format"] == ",.1f"
    assert tooltip["area"]["title"] == "Område"
    stack = status_stack(frame(catalog, "status_efter_afsluttet_forloeb"), "Sygedagpenge", AREAS)
    status = cb.status_bars(
        stack,
        ["Hedensted", "Hele landet"],
        status_category_order(frame(catalog, "status_efter_afsluttet_forloeb")),
        REMAINDER,
    ).to_dict()
    assert status["encoding"]["x"]["scale"]["domain"] == [0, 100]
    assert "Hedensted" in json.dumps(status["encoding"]["y"]["axis"]["labelFontWeight"])
    migration = migration_blocks(migrations(frame(catalog, "vandringer_forrige_maalgruppe")))[1][1]
    chart = cb.migration_bars(migration, NONE_CATEGORY).to_dict()
    assert chart["encoding"]["y"]["sort"][0] == "Ingen"


def test_status_chart_has_at_most_six_colours_with_the_rest_as_oevrige(catalog) -> None:
    status = frame(catalog, "status_efter_afsluttet_forloeb")
    order = status_category_order(status)
    for target_group in status_target_groups(status):
        stack = status_stack(status, target_group, AREAS)
        grouped, categories, grouping = cb.group_statuses(stack, order, REMAINDER)
        assert len(categories) <= 6
        # Nothing is lost: every area still adds up to the same total.
        before = stack.groupby("area")["value"].sum().round(1)
        after = grouped.groupby("area")["value"].sum().round(1)
        assert (before == after).all()
        if grouping:
            assert categories[-2:] == [cb.OTHERS, REMAINDER]
            others = grouped[grouped["category"] == cb.OTHERS]
            assert grouping[cb.OTHERS][0] in " ".join(others["parts"])
