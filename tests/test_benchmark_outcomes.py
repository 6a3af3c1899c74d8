"""Status one month after an ended course, Benchmark section 4
(hedensted/benchmark/outcomes.py)."""

from __future__ import annotations

import pandas as pd
import pytest

from hedensted.benchmark.outcomes import (
    REMAINDER,
    share_method_note,
    status_sentences,
    status_shares,
    status_stack,
)
from tests.benchmark_support import AREAS, frame


def test_status_stack_fills_each_bar_to_100(catalog) -> None:
    status = frame(catalog, "status_efter_afsluttet_forloeb")
    stack = status_stack(status, "Jobparate kontanthjælpsmodtagere", AREAS)
    assert set(stack["area"]) == {"Hedensted", "Hele landet", "RAR Østjylland", "Ringkøbing-Skjern"}
    sums = stack.groupby("area")["value"].sum()
    assert sums.round(6).eq(100).all()
    hedensted = stack[stack["area"] == "Hedensted"].set_index("category")["value"]
    assert hedensted[REMAINDER] == pytest.approx(3.8)  # 100 − 96,2
    assert "Ledighedsydelse" not in hedensted.index  # ».« in the source is left out
    with pytest.raises(ValueError, match="findes ikke"):
        status_stack(status, "Ukendt", AREAS)


def test_status_shares_beside_the_published_statements(catalog) -> None:
    shares = status_shares(
        frame(catalog, "status_efter_afsluttet_forloeb"),
        frame(catalog, "status_andel_job_uddannelse_publiceret"),
        AREAS,
    ).set_index(["target_group", "area"])
    jobparate = shares.loc[("Jobparate kontanthjælpsmodtagere", "Hedensted")]
    assert jobparate["share"] == pytest.approx(69.6)
    assert jobparate["published"] == 69.5
    assert jobparate["difference"] == pytest.approx(0.1)
    assert jobparate["categories"] == "job eller uddannelse"
    sygedagpenge = shares.loc[("Sygedagpenge", "Hedensted")]
    assert sygedagpenge["share"] == pytest.approx(78.2)
    assert sygedagpenge["categories"] == "job, fleksjob eller uddannelse"
    rar = shares.loc[("Jobafklaring", "RAR Østjylland")]
    assert rar["share"] == pytest.approx(47.8)  # 34,2 + 11,2 + 2,4
    assert pd.isna(rar["published"])


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        ("RAR Østjylland", "mod 76,7\u00a0% i RAR Østjylland (−7,1 pct.-point)"),
        ("Ringkøbing-Skjern", "mod 82,5\u00a0% i Ringkøbing-Skjern (−12,9 pct.-point)"),
    ],
)
def test_status_sentences_follow_the_reference(catalog, reference, expected) -> None:
    shares = status_shares(
        frame(catalog, "status_efter_afsluttet_forloeb"),
        frame(catalog, "status_andel_job_uddannelse_publiceret"),
        AREAS,
    )
    first = status_sentences(shares, reference)[0]
    assert first.startswith("**Jobparate kontanthjælpsmodtagere**: 69,6\u00a0% af Hedensteds")
    assert expected in first
    assert "Dokumentet skriver »Hedensted 69,5 pct.«" in first


def test_share_method_note_names_the_documents_categories(catalog) -> None:
    shares = status_shares(
        frame(catalog, "status_efter_afsluttet_forloeb"),
        frame(catalog, "status_andel_job_uddannelse_publiceret"),
        AREAS,
    )
    note = share_method_note(shares)
    assert "job eller uddannelse for jobparate kontanthjælpsmodtagere" in note
    assert "job, fleksjob eller uddannelse for sygedagpenge og jobafklaring" in note
