"""One URL codec for every page: the pure codec (hedensted.core.url_codec) and its one
Streamlit binding (ui/state/url.py), the only module that touches st.query_params."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hedensted.core.url_codec import is_default, join_list, split_list
from hedensted.goals.filters import GoalFilterOptions, filter_from_params, filter_to_params
from hedensted.goals.register import GoalFilter

ROOT = Path(__file__).resolve().parent.parent
BINDING = "ui/state/url.py"


def _streamlit_sources() -> list[Path]:
    pages = sorted((ROOT / "app_pages").glob("*.py"))
    return [ROOT / "app.py", *pages, *sorted((ROOT / "ui").rglob("*.py"))]


def test_only_the_binding_touches_the_query_parameters() -> None:
    touching = [
        str(path.relative_to(ROOT))
        for path in _streamlit_sources()
        if re.search(r"\bquery_params\b", path.read_text(encoding="utf-8"))
    ]
    assert touching == [BINDING]


def test_lists_are_split_and_joined_by_semicolons() -> None:
    assert join_list(["Kontanthjælp, jobparat", "A-dagpenge"]) == (
        "Kontanthjælp, jobparat;A-dagpenge"
    )
    assert split_list("Kontanthjælp, jobparat; A-dagpenge;") == [
        "Kontanthjælp, jobparat",
        "A-dagpenge",
    ]
    assert split_list(["a;b", "c"]) == ["a", "b", "c"]
    assert split_list(None) == []


@pytest.mark.parametrize(
    ("value", "default", "expected"),
    [
        ((2017, 2024), (2017, 2024), True),
        ([2017, 2024], (2017, 2024), True),  # a slider gives a list for a range
        ((2018, 2024), (2017, 2024), False),
        ("RAR Østjylland", "RAR Østjylland", True),
        (False, True, False),
        ([], [], True),
    ],
)
def test_a_default_is_recognised(value, default, expected) -> None:
    assert is_default(value, default) is expected


OPTIONS = GoalFilterOptions(
    themes=("Benchmark", "Unge"), documents=("a", "b"), first_year=2020, last_year=2026
)


def test_goal_filter_links_keep_their_form() -> None:
    """The Mål page's lists and yes/no go through the codec and read as before
    (the round trip itself is tests/test_goals.py::test_filter_url_round_trip)."""
    assert filter_to_params(
        GoalFilter(themes=("Benchmark", "Unge"), years=(2020, 2026)), OPTIONS
    ) == {"tema": "Benchmark;Unge"}
    assert filter_from_params({"tema": " Unge ; Benchmark"}, OPTIONS).themes == (
        "Benchmark",
        "Unge",
    )
    assert filter_from_params({"uden_frist": "nej"}, OPTIONS).undated is False
    assert filter_from_params({"uden_frist": "ja"}, OPTIONS).undated is True
    assert filter_from_params({"uden_frist": "noget"}, OPTIONS).undated is True
