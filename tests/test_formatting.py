"""Danish number, percent, kroner, period and date formats."""

from __future__ import annotations

from datetime import date

import pytest

from hedensted.core.numbers import parse_number
from hedensted.core.periods import parse_period, period_label
from hedensted.monthly.validation import parse_danish_number
from hedensted.present.formatting import (
    format_compact,
    format_kroner,
    format_million_kroner,
    format_month,
    format_number,
    format_percent,
    format_points,
)


def test_numbers() -> None:
    assert format_number(2993871) == "2.993.871"
    assert format_number(22.7, 1) == "22,7"
    assert format_number(-411, signed=True) == "−411"
    assert format_number(8, signed=True) == "+8"
    assert format_number(-0.04, 1) == "0,0"
    assert format_number(float("nan")) == "–"
    assert format_compact(4.0) == "4"
    assert format_compact(87.9) == "87,9"
    with pytest.raises(ValueError):
        format_number(1.0, -1)


def test_negative_numbers_carry_the_minus_sign_and_read_back() -> None:
    # The typographic minus (U+2212), never a hyphen, in every formatter ...
    assert format_compact(-1234.5) == "\N{MINUS SIGN}1.234,5"
    assert format_compact(-0.001) == "0"  # no "−0"
    assert format_kroner(-667) == "\N{MINUS SIGN}667 kr."
    assert "-" not in format_number(-2993871.5, 1)
    # ... and the one number reader takes both signs back.
    for text in (format_number(-1234.5, 1), "-1.234,5"):
        assert parse_number(text, "danish") == -1234.5
    assert parse_danish_number(format_number(-3)) == -3.0
    assert parse_danish_number("-3") == -3.0


def test_units() -> None:
    assert format_percent(19.3) == "19,3\u00a0%"
    assert format_kroner(2674) == "2.674 kr."
    assert format_million_kroner(-16_483_571) == "−16,5 mio. kr."
    assert format_points(-1.5) == "−1,5 pct.-point"


def test_months_and_periods() -> None:
    assert format_month(date(2024, 1, 1)) == "jan. 2024"
    assert period_label("2023-12") == "dec. 2023"
    assert period_label("2022-Q4/2023-Q3") == "4. kvt. 2022 – 3. kvt. 2023"
    assert period_label("2019-H2/2020-H1") == "2. halvår 2019 – 1. halvår 2020"
    period = parse_period("2022-Q4/2023-Q3")
    assert (period.start, period.end) == (date(2022, 10, 1), date(2023, 9, 30))


@pytest.mark.parametrize("code", ["", "2023-13", "2023-Q5", "december", "2024/2023", "2023-02-30"])
def test_bad_period_codes(code: str) -> None:
    with pytest.raises(ValueError):
        parse_period(code)


def test_chart_labels_and_value_texts_use_the_minus_sign_too() -> None:
    """Vega formats axis ticks, tooltips and ``format()`` labels with the Danish locale,
    whose minus is U+2212: a drawn −1,5 never shows a hyphen."""
    from hedensted.exports.images import chart_svg
    from hedensted.present.charts import theme_config, with_value_labels

    spec = {
        **theme_config(),
        "data": {"values": [{"a": "Hedensted", "v": -1.5}, {"a": "Hele landet", "v": 2.0}]},
        "mark": "bar",
        "encoding": {
            "y": {"field": "a", "type": "nominal"},
            "x": {"field": "v", "type": "quantitative", "axis": {"format": ",~f"}},
            "tooltip": [{"field": "v", "type": "quantitative", "format": ",.1f"}],
        },
    }
    svg = chart_svg(with_value_labels(spec))
    assert ">\N{MINUS SIGN}1,5<" in svg  # the value printed on the bar
    assert ">\N{MINUS SIGN}0,8<" in svg  # an axis tick
    assert ">-1" not in svg
