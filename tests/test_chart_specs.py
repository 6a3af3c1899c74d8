"""Every chart a page draws is a valid Vega-Lite spec.

The app hands Streamlit its specs without Altair's schema validation (it cost a
third of a chart-heavy rerun); this test runs every page with validation on.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import altair as alt
import pytest
from altair.vegalite.v6.schema.core import TopLevelSpec

import ui.sections
import ui.widgets.components
from tests.apptest_support import open_page
from ui.navigation import PAGE_SCRIPTS

# Charts drawn at least when the page is opened (tabs and expanders included; the
# count starts on the Forside, where app.py opens, and its one chart). Every page of
# the one page list (ui/navigation.py); a test checks the keys.
MINIMUM_CHARTS = {
    "app_pages/forside.py": 1,
    "app_pages/benchmark.py": 15,
    "app_pages/code_of_care.py": 2,
    "app_pages/unge.py": 5,
    "app_pages/investeringsprojekter.py": 2,
    "app_pages/indsatser.py": 4,
    "app_pages/maal.py": 1,
    "app_pages/opdater_data.py": 1,
    "app_pages/om_data.py": 1,
}


def test_every_page_of_the_page_list_is_checked() -> None:
    assert list(MINIMUM_CHARTS) == list(PAGE_SCRIPTS)


@pytest.mark.parametrize("page", PAGE_SCRIPTS)
def test_every_chart_spec_validates(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    minimum = MINIMUM_CHARTS[page]

    validated: list[str] = []
    draw = ui.widgets.components.chart

    def validating_chart(
        figure: alt.TopLevelMixin | dict,
        key: str,
        title: str = "",
        slide_form: alt.TopLevelMixin | dict | None = None,
    ) -> None:
        # Raises on an invalid spec (a remembered spec from ui.state.memo is a dict); a
        # chart's slide form (what presentation view and the exports show) too.
        for spec in (figure, slide_form):
            if isinstance(spec, dict):
                TopLevelSpec.validate(spec)
            elif spec is not None:
                spec.to_dict(validate=True)
        validated.append(key)
        draw(figure, key, title, slide_form)

    # Pages and their section modules import ``chart`` by name: replace it wherever it is.
    for info in pkgutil.iter_modules(ui.sections.__path__):
        importlib.import_module(f"ui.sections.{info.name}")
    for module in list(sys.modules.values()):
        if getattr(module, "chart", None) is draw:
            monkeypatch.setattr(module, "chart", validating_chart)
    open_page(page)

    assert len(validated) >= minimum, validated


def test_a_remembered_spec_is_validated_too() -> None:
    from altair.utils.schemapi import SchemaValidationError
    from jsonschema import ValidationError

    chart = alt.Chart(alt.Data(values=[{"a": 1}])).mark_bar().encode(x="a:Q")
    TopLevelSpec.validate(chart.to_dict())
    broken = {**chart.to_dict(), "mark": {"type": "nonsense"}}
    with pytest.raises((ValidationError, SchemaValidationError)):
        TopLevelSpec.validate(broken)


def _validate(spec: dict) -> None:
    from altair.utils.schemapi import validate_jsonschema
    from altair.vegalite.v6.schema.core import load_schema

    validate_jsonschema(spec, load_schema())  # raises on an invalid spec


SLIDE_PAGES = [
    "app_pages/forside.py",
    "app_pages/benchmark.py",
    "app_pages/code_of_care.py",
    "app_pages/unge.py",
    "app_pages/investeringsprojekter.py",
    "app_pages/maal.py",
]


@pytest.mark.parametrize("page", SLIDE_PAGES)
def test_slide_charts_with_values_and_wrapped_labels_validate(
    page: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a slide the charts get wrapped labels, values on the bars and larger type."""
    import ui.deck.presentation

    checked: list[dict] = []
    enlarge = ui.deck.presentation.larger_labels

    def validating(spec: dict) -> dict:
        bigger = enlarge(spec)
        _validate(bigger)
        checked.append(bigger)
        return bigger

    monkeypatch.setattr(ui.widgets.components, "larger_labels", validating)
    for slide in range(1, 4):
        open_page(page, query={"visning": "praesentation", "dias": str(slide)})
    assert checked or page.endswith("maal.py")


def test_value_labels_and_wrapping_on_a_difference_chart() -> None:
    import pandas as pd

    from hedensted.benchmark.charts import difference_bars
    from hedensted.present.charts import with_value_labels, wrapped_labels

    frame = pd.DataFrame(
        {
            "group": ["Førtids-, senior- og tidlig pension", "Kontanthjælp"],
            "value": [6.2, 1.0],
            "reference_value": [8.1, 0.8],
            "difference": [-1.9, 0.2],
        }
    )
    spec = difference_bars(frame, "group", "Ydelse", "RAR", "Forskel").to_dict(validate=False)
    spec = with_value_labels(wrapped_labels(spec))
    _validate(spec)
    bars, _, labels = spec["layer"]
    assert "split(" in bars["encoding"]["y"]["axis"]["labelExpr"]
    assert bars["encoding"]["y"]["axis"]["labelLimit"] == 0
    text = labels["transform"][-1]["calculate"]
    # The sign is carried by an arrow as well as by the colour.
    assert "▼ " in text and "▲ +" in text
    assert labels["mark"]["type"] == "text"


def test_a_category_axis_title_stands_above_its_labels(catalog) -> None:
    """Vega places a rotated title beside long unlimited labels by a width it
    under-estimates (»Tilbudstype« was printed over »Mentorordning - individuel«): the
    title stands level above the labels, right-aligned to the axis, in app and export."""
    from hedensted.exports.images import offscreen_spec
    from hedensted.present.charts import CATEGORY_TITLE_ABOVE, enable_theme, wrapped_labels
    from hedensted.youth.charts import under_18_chart

    enable_theme()
    spec = wrapped_labels(under_18_chart(catalog.get("unge_under_18_afsluttede_tilbud")).to_dict())
    _validate(spec)
    for layer in offscreen_spec(spec, 1100, 20, 300)["layer"]:
        y = layer["encoding"]["y"]
        assert y["title"] == "Tilbudstype"
        assert {k: y["axis"][k] for k in CATEGORY_TITLE_ABOVE} == {
            "titleAngle": 0,
            "titleAlign": "right",
            "titleAnchor": "start",
            "titleBaseline": "bottom",
            "titleX": 0,
            "titleY": -8,
        }
    # An axis without a title gets no title settings.
    bare = {"mark": "bar", "encoding": {"y": {"field": "a", "type": "nominal", "title": None}}}
    assert "titleAngle" not in wrapped_labels(bare)["encoding"]["y"]["axis"]
    hidden = {
        "mark": "bar",
        "encoding": {"y": {"field": "a", "type": "nominal", "axis": {"title": None}}},
    }
    assert "titleAngle" not in wrapped_labels(hidden)["encoding"]["y"]["axis"]
