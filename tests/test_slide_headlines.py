"""Slide headlines that say the message: computed from the shipped figures, each figure
checked against its source document."""

from __future__ import annotations

import re

import pytest

from hedensted.benchmark.choices import NothingToShow
from hedensted.benchmark.expenses import gap_worth, worth_headline
from hedensted.benchmark.groups import category_comparison, group_view, total_comparison
from hedensted.benchmark.ministry import benchmark_view, placement_headline
from hedensted.code_of_care.timeline import TIMELINE_DATASETS, growth_headline, network_timeline
from hedensted.core.catalog import Catalog
from hedensted.core.constants import TOTAL_GROUP
from hedensted.core.view_state import SortOrder
from hedensted.goals.register import goal_register
from hedensted.goals.text import deadline_headline
from hedensted.investment_projects.projects import maaltal_headline, maaltal_summary
from hedensted.present.formatting import format_kroner, format_percent
from hedensted.youth.totals import largest_parts_headline
from tests.seed_support import seeds_folder

AREAS = ("Hedensted", "Hele landet", "RAR Østjylland", "Skanderborg", "Ringkøbing-Skjern")
RAR = "RAR Østjylland"
NBSP = "\u00a0"


def _seed(name: str) -> str:
    """A source document without its bold marks and with its whitespace flattened."""
    text = (seeds_folder() / name).read_text("utf-8").replace("<b>", "").replace("</b>", "")
    return re.sub(r"\s+", " ", text)


def _view(catalog: Catalog, dataset_id: str, category: str = "group", total=TOTAL_GROUP):
    frame = catalog.get(dataset_id).frame
    return group_view(frame, category, AREAS, RAR, SortOrder.SOURCE, None, total)


def test_fulltime_total_against_every_shown_area(catalog: Catalog) -> None:
    view = _view(catalog, "fuldtidspersoner_pct_arbejdsstyrke")
    sentence = total_comparison(
        view,
        "I alt er {value} af Hedensteds arbejdsstyrke på offentlig forsørgelse",
        "en lavere andel end",
        "en højere end",
        format_percent,
    )
    assert sentence == (
        f"I alt er 22,7{NBSP}% af Hedensteds arbejdsstyrke på offentlig forsørgelse – en lavere "
        f"andel end Hele landet (23,4{NBSP}%), RAR Østjylland (24,2{NBSP}%) og Ringkøbing-Skjern "
        f"(25,4{NBSP}%); en højere end Skanderborg (19,1{NBSP}%)."
    )
    # The temadrøftelse's table row »Ydelsesgrupper i alt«, in its column order.
    assert "Ydelsesgrupper i alt 23,4 24,2 22,7 19,1 25,4" in _seed("002_46aad5eee344e12c.txt")


def test_expenses_total_and_what_the_gap_is_worth(catalog: Catalog) -> None:
    view = _view(catalog, "udgifter_pr_person_arbejdsstyrke")
    sentence = total_comparison(
        view,
        "I alt bruger Hedensted {value} pr. person i arbejdsstyrken",
        "mindre end",
        "mere end",
        format_kroner,
    )
    assert sentence == (
        "I alt bruger Hedensted 2.674 kr. pr. person i arbejdsstyrken – mindre end "
        "Hele landet (3.053 kr.), RAR Østjylland (3.341 kr.) og Ringkøbing-Skjern "
        "(3.085 kr.)."
    )
    seed = _seed("002_46aad5eee344e12c.txt")
    assert "Ydelsesgrupper i alt 3.053 3.341 2.674 3.085" in seed
    labour = catalog.get("arbejdsstyrke_antal").frame
    expenses = catalog.get("udgifter_pr_person_arbejdsstyrke").frame
    worth = gap_worth(expenses, labour, RAR, view.order)
    # 24.713 persons × (2.674 − 3.341) kr. = −16.483.571 kr.; Førtidspension: 24.713 ×
    # (1.097 − 1.577) kr. = −11.862.240 kr. (against RAR Østjylland's column, not the
    # document's own »Forskel«).
    assert worth_headline(worth, RAR) == (
        "Sammenlignet med RAR Østjylland bruger Hedensted 16,5 mio. kr. mindre i alt; "
        "mest vejer Førtidspension: 11,9 mio. kr. mindre."
    )
    assert "Antal personer i arbejdsstyrken november 22 2.993.871 474.738 24.713" in seed
    assert "Førtidspension 1.416 1.577 1.097 1.562" in seed
    with pytest.raises(ValueError, match="Ydelsesgrupper i alt"):
        worth_headline(worth[worth["group"] != TOTAL_GROUP], RAR)


def test_without_hedensteds_total_there_is_no_sentence(catalog: Catalog) -> None:
    frame = catalog.get("fuldtidspersoner_pct_arbejdsstyrke").frame
    no_total = group_view(frame, "group", AREAS, RAR, SortOrder.SOURCE, None, None)
    with pytest.raises(NothingToShow):
        total_comparison(no_total, "{value}", "under", "over", format_percent)


def test_duration_categories_against_each_area(catalog: Catalog) -> None:
    view = _view(catalog, "varighed_afsluttede_forloeb", "target_group", None)
    assert category_comparison(view, "kortere forløb", "målgrupper") == (
        "Hedensted har kortere forløb end Hele landet i 6 af 8 målgrupper, end RAR Østjylland "
        "i 6 af 8 og end Ringkøbing-Skjern i 4 af 8."
    )
    wide = view.values.pivot(index="target_group", columns="area", values="value")
    assert int((wide["Hedensted"] < wide["Hele landet"]).sum()) == 6
    assert "Skanderborg" not in wide.columns  # not in the source's table: left out


def test_ministry_placement(catalog: Catalog) -> None:
    table = benchmark_view(catalog.get("beskaeftigelsesministeriets_benchmark").frame)
    assert placement_headline(table) == (
        "Hedensted er nr. 12 af 98 for alle ydelser – bedst på sygedagpengeområdet (nr. 8) og "
        "svagest på kontanthjælpsområdet (nr. 31)."
    )
    seed = _seed("003_8cc81be4461d01c4.txt")
    for rank in ("Alle ydelser 12 ", "mrådet 31 ", "mrådet 8 "):
        assert rank in seed  # the rank column of Hedensted's table in the 2020 meeting
    with pytest.raises(ValueError, match="ingen placeringer"):
        placement_headline(table.assign(rank=float("nan")))


def test_code_of_care_growth_leaves_out_the_disputed_founding_count(catalog: Catalog) -> None:
    timeline = network_timeline([catalog.get(i) for i in TIMELINE_DATASETS])
    assert growth_headline(timeline) == (
        "Netværket er vokset fra 41 virksomheder (juni 2019) til næsten 70 (marts 2024)."
    )
    assert "næsten 70" in _seed("002_46aad5eee344e12c.txt")
    assert "41" in _seed("000_465c86e5ea9b9482.txt")


def test_largest_parts(catalog: Catalog) -> None:
    ages = catalog.get("voksenlaerlinge_alder")
    assert largest_parts_headline(ages, "age_group", "Flest voksenlærlinge er") == (
        "Flest voksenlærlinge er 30-39 år (36), dernæst 25-29 år (23)."
    )
    under_18 = catalog.get("unge_under_18_afsluttede_tilbud")
    assert largest_parts_headline(under_18, "offer_type", "Flest:") == (
        "Flest: Øvrige forløb (78), dernæst Virksomhedspraktik (36)."
    )  # the published total (141) is not a part


def test_deadline_headline(catalog: Catalog) -> None:
    register = goal_register(catalog)
    dated = register[register["deadline_end"].notna()]
    in_2024 = int(dated["deadline_end"].map(lambda day: day.year == 2024).sum())
    assert (len(dated), len(register), in_2024) == (138, 173, 54)
    assert deadline_headline(register) == "138 af 173 mål har en frist – flest i 2024 (54)."
    assert deadline_headline(dated).startswith("Alle 138 mål har en frist")
    with pytest.raises(ValueError, match="Ingen af målene"):
        deadline_headline(register[register["deadline_end"].isna()])


def test_maaltal_net_effect_of_the_investments(catalog: Catalog) -> None:
    summary = maaltal_summary(catalog.get("maaltal_investeringer").frame)
    assert maaltal_headline(summary) == (
        "Investeringernes forventede effekt: netto 26 færre fuldtidspersoner på de 5 ydelser."
    )
    # The document's investment lines: −1; −2, −1, −15, −2, +10; −3; −10; −2.
    raw = (seeds_folder() / "004_2305933e555c0ab1.txt").read_text("utf-8")
    lines = re.findall(r"Investering[^\t\n]*\t(-?\d+)", raw)
    assert sorted(int(n) for n in lines) == [-15, -10, -3, -2, -2, -2, -1, -1, 10]
    assert sum(int(n) for n in lines) == -26
    assert maaltal_headline(summary.assign(investering=0.0)).startswith(
        "Investeringerne ændrer ikke måltallene"
    )
