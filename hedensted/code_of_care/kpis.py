"""Headline figures (KPI tiles) of the Code of Care page, with their computed sentences."""

from __future__ import annotations

import pandas as pd

from hedensted.code_of_care.formatting import format_times, month_text
from hedensted.code_of_care.paid_hours import (
    CASH_BENEFIT,
    COUNTRY,
    PAID_HOURS_DATASET,
    RAR,
    RESOURCE_COURSE,
    paid_hours_comparison,
    paid_hours_share,
)
from hedensted.code_of_care.timeline import PARTNERS, latest_network_count, network_timeline
from hedensted.core.catalog import Catalog, Dataset
from hedensted.present.formatting import format_percent
from hedensted.present.kpi import Kpi, kpi_against_reference, kpi_without_reference


def _count_kpi(
    label: str, row: pd.Series, dataset: Dataset, sentence: str, notes: tuple[str, ...] = ()
) -> Kpi:
    """A tile of one count of the timeline (its value with the qualifier, e.g. ``næsten 70``)."""
    return kpi_without_reference(
        label=label,
        value=float(row["value"]),
        value_text=str(row["value_text"]),
        period_label=month_text(str(row["period"])),
        dataset_ids=(dataset.id,),
        sentence=sentence,
        notes=notes,
    )


def network_kpi(catalog: Catalog) -> Kpi:
    """Companies in the network now (approximate: "næsten 70").

    The founding count is left to the growth chart, where both documents'
    (disagreeing) counts are shown with their sources.
    """
    dataset = catalog.get("code_of_care_2024")
    latest = latest_network_count(network_timeline([dataset]))
    sentence = (
        f"Code of Care Hedensted har {latest['value_text']} virksomheder i netværket "
        f"({month_text(str(latest['period']))})"
    )
    return _count_kpi(
        "Virksomheder i netværket",
        latest,
        dataset,
        sentence + ".",
        notes=(
            (f"Kilden skriver »{latest['qualifier']}«; tallet er ikke et præcist antal.",)
            if latest["approximate"]
            else ()
        ),
    )


def partners_kpi(catalog: Catalog) -> Kpi:
    """Partnership companies (young people – jobs and apprenticeships), beyond the network."""
    dataset = catalog.get("code_of_care_2024")
    timeline = network_timeline([dataset])
    partners = timeline[timeline["series"] == PARTNERS]
    if partners.empty:
        raise ValueError("Kilden har intet antal partnerskabsvirksomheder.")
    row = partners.iloc[0]
    detail = str(row["measure"]).partition("(")[2].rstrip(")")
    sentence = (
        f"Ud over netværket er der {row['value_text']} partnerskabsvirksomheder"
        + (f" ({detail})" if detail else "")
        + f", {month_text(str(row['period']))}."
    )
    return _count_kpi("Partnerskabsvirksomheder", row, dataset, sentence)


def paid_hours_kpi(catalog: Catalog, reference_area: str) -> Kpi:
    """Share of cash-benefit recipients with paid hours, Hedensted vs RAR and the country."""
    dataset = catalog.get(PAID_HOURS_DATASET)
    comparison = paid_hours_comparison(dataset.frame, CASH_BENEFIT)
    when = month_text(comparison.period)
    sentence = (
        f"{format_percent(comparison.hedensted)} af kontanthjælpsmodtagerne i Hedensted havde "
        f"lønnede timer i {when} – mod {format_percent(comparison.rar)} i {RAR} og "
        f"{format_percent(comparison.country)} i {COUNTRY}."
    )
    areas = set(dataset.frame.loc[dataset.frame["benefit"] == CASH_BENEFIT, "area"])
    has_reference = reference_area in areas
    return kpi_against_reference(
        label="Kontanthjælp med lønnede timer",
        value=comparison.hedensted,
        value_text=format_percent(comparison.hedensted),
        reference_area=reference_area,
        reference_value=(
            paid_hours_share(dataset.frame, CASH_BENEFIT, reference_area) if has_reference else None
        ),
        lower_is_better=False,
        period_label=comparison.period_text,
        dataset_ids=(dataset.id,),
        sentence=sentence,
        notes=() if has_reference else (f"Kildematerialet har ikke andelen for {reference_area}.",),
    )


def paid_hours_ratio_kpi(catalog: Catalog) -> Kpi:
    """How many times the national share Hedensted's share with paid hours is."""
    dataset = catalog.get(PAID_HOURS_DATASET)
    cash = paid_hours_comparison(dataset.frame, CASH_BENEFIT)
    sentence = (
        f"Hedensteds andel er {format_times(cash.ratio_to_country)} landsniveauet "
        f"({format_percent(cash.hedensted)} mod {format_percent(cash.country)}) og "
        f"{format_times(cash.ratio_to_rar)} niveauet i {RAR} ({format_percent(cash.rar)})."
    )
    notes: tuple[str, ...] = ()
    if RESOURCE_COURSE in set(dataset.frame["benefit"]):
        course = paid_hours_comparison(dataset.frame, RESOURCE_COURSE)
        notes = (
            f"Ressourceforløb: {format_times(course.ratio_to_country)} landsniveauet "
            f"({format_percent(course.hedensted)} mod {format_percent(course.country)}).",
        )
    return Kpi(
        label="Kontanthjælp med lønnede timer ift. landet",
        value=cash.ratio_to_country,
        value_text=format_times(cash.ratio_to_country),
        reference_area=COUNTRY,
        reference_value=cash.country,
        delta=None,
        delta_text=None,
        lower_is_better=False,
        period_label=cash.period_text,
        dataset_ids=(dataset.id,),
        sentence=sentence,
        notes=notes,
    )
