"""The headline figures (KPI tiles) of the Forside and the Benchmark page."""

from __future__ import annotations

import math
from collections.abc import Callable

from hedensted.benchmark.expenses import expense_gap_worth
from hedensted.benchmark.ministry import MUNICIPALITIES_RANKED, benchmark_table, ranked_count
from hedensted.benchmark.unemployment import period_span, rank_in_rar, unemployment_change
from hedensted.core.catalog import Catalog, Dataset, DatasetError
from hedensted.core.constants import HEDENSTED, TOTAL_GROUP
from hedensted.core.periods import period_label
from hedensted.present.formatting import (
    format_kroner,
    format_million_kroner,
    format_number,
    format_percent,
    format_points,
)
from hedensted.present.kpi import (
    VERSUS,
    Kpi,
    _has,
    _value,
    comparison_word,
    kpi_against_reference,
    kpi_without_reference,
)


def fulltime_share_kpi(catalog: Catalog, reference_area: str) -> Kpi:
    """Full-time persons on public benefits as % of the labour force (all groups)."""
    dataset = catalog.get("fuldtidspersoner_pct_arbejdsstyrke")
    frame = dataset.frame
    value = _value(frame, area=HEDENSTED, group=TOTAL_GROUP)
    reference = _value(frame, area=reference_area, group=TOTAL_GROUP)
    delta = round(value - reference, 6)
    word = comparison_word(delta, "lavere end", "højere end")
    sentence = (
        f"Hedensted har {format_percent(value)} af arbejdsstyrken på offentlig forsørgelse "
        f"(fuldtidspersoner) – {format_points(abs(delta), signed=False)} {word} "
        f"{reference_area} ({format_percent(reference)})."
    )
    if delta == 0:
        sentence = f"Hedensted og {reference_area} har begge {format_percent(value)}."
    return kpi_against_reference(
        label="Offentligt forsørgede",
        value=value,
        value_text=format_percent(value),
        reference_area=reference_area,
        reference_value=reference,
        lower_is_better=True,
        period_label=dataset.metadata.period_label,
        dataset_ids=(dataset.id,),
        sentence=sentence,
    )


def expenses_kpi(catalog: Catalog, reference_area: str) -> Kpi:
    """Public expenses per person in the labour force, and what the gap is worth.

    Where the source has no expenses for ``reference_area`` (e.g. Skanderborg), the
    tile shows Hedensted's own figure without a comparison and says why.
    """
    expenses = catalog.get("udgifter_pr_person_arbejdsstyrke")
    if not _has(expenses.frame, "area", reference_area):
        return _expenses_without_reference(expenses, reference_area)
    labour = catalog.get("arbejdsstyrke_antal")
    worth = expense_gap_worth(expenses.frame, labour.frame, HEDENSTED, reference_area)
    total = worth[worth["group"] == TOTAL_GROUP].iloc[0]
    delta = float(total["difference"])
    word = comparison_word(delta, "mindre", "mere")
    sentence = (
        f"Hedensted bruger {format_kroner(abs(delta))} {word} pr. person i arbejdsstyrken "
        f"end {reference_area}. Med {format_number(total['labour_force'])} personer i "
        f"arbejdsstyrken svarer det til {format_million_kroner(abs(total['total_kr']))} "
        f"{word} i alt."
    )
    return Kpi(
        label="Udgifter pr. person",
        value=float(total["value"]),
        value_text=format_kroner(total["value"]),
        reference_area=reference_area,
        reference_value=float(total["reference_value"]),
        delta=delta,
        delta_text=f"{format_kroner(delta, signed=True)} {VERSUS} {reference_area}",
        lower_is_better=True,
        period_label=expenses.metadata.period_label,
        dataset_ids=(expenses.id, labour.id),
        sentence=sentence,
        notes=(
            f"Arbejdsstyrken er opgjort {labour.metadata.period_label}, "
            f"udgifterne {expenses.metadata.period_label} – som i kildedokumentet.",
        ),
    )


def _expenses_without_reference(expenses: Dataset, reference_area: str) -> Kpi:
    value = _value(expenses.frame, area=HEDENSTED, group=TOTAL_GROUP)
    return kpi_against_reference(
        label="Udgifter pr. person",
        value=value,
        value_text=format_kroner(value),
        reference_area=reference_area,
        reference_value=None,
        lower_is_better=True,
        period_label=expenses.metadata.period_label,
        dataset_ids=(expenses.id,),
        sentence=(
            f"Hedensted bruger {format_kroner(value)} pr. person i arbejdsstyrken "
            "på offentlig forsørgelse."
        ),
        notes=(f"Kildematerialet har ikke udgifterne for {reference_area}.",),
    )


GROSS_UNEMPLOYED = "bruttoledige_rar_kommuner"


def gross_unemployed_sentence(catalog: Catalog) -> str | None:
    """Hedensted's gross unemployed (Danmarks Statistik, AUF01) in the newest month against
    the same month a year before (else the first): »595 bruttoledige i jan. 2024 mod 525 i
    jan. 2023.« None when the counts are
    not available (the rate tile stands without them)."""
    try:
        counts = catalog.get(GROSS_UNEMPLOYED).frame
    except DatasetError:
        return None
    own = counts[counts["area"] == HEDENSTED].dropna(subset=["value"])
    if own.empty:
        return None
    periods = list(dict.fromkeys(own["period"]))
    if len(periods) < 2:
        (only,) = periods
        value = float(own["value"].iloc[0])
        return f"{format_number(value)} bruttoledige i {period_label(only)}."
    first, last = period_span(periods)
    # Unemployment is seasonal: compare with the same month a year before when there is one.
    year_before = f"{int(last[:4]) - 1}{last[4:]}"
    if year_before in periods:
        first = year_before
    row = unemployment_change(own, first, last).iloc[0]
    return (
        f"{format_number(row['end_value'])} bruttoledige i {period_label(last)} "
        f"mod {format_number(row['start_value'])} i {period_label(first)}."
    )


def unemployment_kpi(catalog: Catalog, reference_area: str) -> Kpi:
    """Gross unemployment rate and Hedensted's rank among the RAR Østjylland municipalities."""
    dataset = catalog.get("ledighedsprocent")
    frame = dataset.frame
    value = _value(frame, area=HEDENSTED)
    rank, ranked = rank_in_rar(frame, HEDENSTED)
    rank_sentence = (
        f"Hedensted har den {rank}. laveste ledighedsprocent af {ranked} kommuner i RAR Østjylland."
        if rank > 1
        else f"Hedensted har den laveste ledighedsprocent af {ranked} kommuner i RAR Østjylland."
    )
    counts_sentence = gross_unemployed_sentence(catalog)
    # A fetched month can lack the reference (Danmarks Statistik has no RAR rates): no arrow.
    has_reference = _has(frame, "area", reference_area) and not math.isnan(
        _value(frame, area=reference_area)
    )
    return kpi_against_reference(
        label="Bruttoledighed",
        value=value,
        value_text=format_percent(value),
        reference_area=reference_area,
        reference_value=_value(frame, area=reference_area) if has_reference else None,
        lower_is_better=True,
        period_label=dataset.metadata.period_label,
        dataset_ids=(dataset.id,) + ((GROSS_UNEMPLOYED,) if counts_sentence else ()),
        sentence=f"{rank_sentence} {counts_sentence}" if counts_sentence else rank_sentence,
        notes=()
        if has_reference
        else (f"Kildematerialet har ikke ledighedsprocenten for {reference_area}.",),
    )


def _fewer_than_expected(fewer: float) -> str:
    if math.isnan(fewer):
        return "."
    if fewer > 0:
        return f" ({format_number(fewer)} færre end forventet)."
    if fewer < 0:
        return f" ({format_number(-fewer)} flere end forventet)."
    return " (som forventet)."


def benchmark_rank_kpi(catalog: Catalog) -> Kpi:
    """The ministry's benchmark rank for all benefits (1 = best of 98)."""
    dataset = catalog.get("beskaeftigelsesministeriets_benchmark")
    table = benchmark_table(dataset.frame)
    row = table[table["benefit_area"] == "Alle ydelser"].iloc[0]
    rank = int(row["rank"])
    ranked = ranked_count(dataset.frame)
    fewer = -float(row["actual_minus_expected"])
    sentence = (
        f"Nr. {rank} af {ranked} kommuner: "
        f"{format_number(row['actual'])} fuldtidspersoner på offentlig forsørgelse mod "
        f"forventet {format_number(row['expected'])} ud fra rammevilkårene"
        + _fewer_than_expected(fewer)
    )
    return kpi_without_reference(
        label="Ministeriets benchmark",
        value=float(rank),
        value_text=f"Nr. {rank} af {ranked}",
        lower_is_better=True,
        period_label=dataset.metadata.period_label,
        dataset_ids=(dataset.id,),
        sentence=sentence,
        notes=("98 er antallet af kommuner i Danmark; tallet står ikke i selve dokumentet.",)
        if dataset.frame["area"].nunique() == 1 and ranked == MUNICIPALITIES_RANKED
        else (),
    )


def headline_kpis(catalog: Catalog, reference_area: str) -> dict[str, Callable[[], Kpi]]:
    """The four headline tiles of the Forside and the Benchmark page, by name, each
    built when called. The deltas leave out "vs. <reference>": the pages name the
    reference once above the tiles."""
    return {
        "fuldtidspersoner": lambda: fulltime_share_kpi(catalog, reference_area).with_short_delta(),
        "udgifter": lambda: expenses_kpi(catalog, reference_area).with_short_delta(),
        "ledighed": lambda: unemployment_kpi(catalog, reference_area).with_short_delta(),
        "benchmark": lambda: benchmark_rank_kpi(catalog),
    }
