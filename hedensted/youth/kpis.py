"""Headline figures (KPI tiles) of the "Unge" page, with their computed sentences."""

from __future__ import annotations

from hedensted.benchmark.outcomes import JOB_AND_EDUCATION, share_ended_to
from hedensted.core.catalog import Catalog, Dataset
from hedensted.core.quality import TotalDifference
from hedensted.present.formatting import format_compact, format_percent, format_points
from hedensted.present.kpi import Kpi, comparison_word, kpi_against_reference, kpi_without_reference
from hedensted.youth.comparison import (
    EDUCATION_BENEFIT,
    HEDENSTED,
    education_benefit_status,
    value_of,
)
from hedensted.youth.totals import total_and_parts


def _published_total_kpi(dataset: Dataset, item: TotalDifference, label: str, sentence: str) -> Kpi:
    return kpi_without_reference(
        label=label,
        value=item.published_total,
        value_text=format_compact(item.published_total),
        period_label=dataset.metadata.period_label,
        dataset_ids=(dataset.id,),
        sentence=sentence,
    )


def _sentence_against(subject: str, value: float, reference: float, reference_area: str) -> str:
    """``<subject> – 0,1 pct.-point lavere end <reference_area> (1,1 %).``"""
    delta = round(value - reference, 6)
    word = comparison_word(delta, "lavere end", "højere end")
    return (
        f"{subject} – {format_points(abs(delta), signed=False)} {word} {reference_area} "
        f"({format_percent(reference)})."
    )


def apprentices_kpi(catalog: Catalog) -> Kpi:
    """Adult apprentices now (published total) with the sum of the age groups."""
    dataset = catalog.get("voksenlaerlinge_alder")
    item = total_and_parts(dataset)
    sentence = (
        f"{format_compact(item.published_total)} i voksenlære i alt ved temadrøftelsen "
        f"({dataset.metadata.period_label}); aldersgrupperne summer til "
        f"{format_compact(item.sum_of_parts)}."
    )
    return _published_total_kpi(dataset, item, "Voksenlærlinge", sentence)


def under_18_kpi(catalog: Catalog) -> Kpi:
    """Offers in the ended courses for young people under 18 in 2023 (published total)."""
    dataset = catalog.get("unge_under_18_afsluttede_tilbud")
    item = total_and_parts(dataset)
    sentence = (
        f"»{item.total_label}« {format_compact(item.published_total)} i de afsluttede forløb "
        f"for unge under 18 i {dataset.metadata.period_label}; tilbudstyperne summer til "
        f"{format_compact(item.sum_of_parts)}."
    )
    return _published_total_kpi(dataset, item, "Unge under 18: tilbud", sentence)


def education_benefit_outcome_kpi(catalog: Catalog, reference_area: str) -> Kpi:
    """Share of ended uddannelseshjælp courses that went to job or education."""
    status = catalog.get("status_efter_afsluttet_forloeb")
    published = catalog.get("status_andel_job_uddannelse_publiceret")
    shares = share_ended_to(education_benefit_status(status.frame), JOB_AND_EDUCATION)
    by_area = shares.set_index("area")["share"]
    value = float(by_area[HEDENSTED])
    statement = published.frame[
        (published.frame["target_group"] == EDUCATION_BENEFIT)
        & (published.frame["area"] == HEDENSTED)
    ]
    notes = []
    if not statement.empty:
        notes.append(f"Kilden skriver selv: »{statement['statement'].iloc[0]}«")
    subject = (
        f"{format_percent(value)} af de afsluttede forløb på uddannelseshjælp i Hedensted "
        "var i lønmodtagerbeskæftigelse eller uddannelse 1 måned efter"
    )
    reference = float(by_area[reference_area]) if reference_area in by_area.index else None
    if reference is None:
        notes.append(f"Kildematerialet har ikke tallet for {reference_area}.")
        sentence = subject + "."
    else:
        sentence = _sentence_against(subject, value, reference, reference_area)
    return kpi_against_reference(
        label="Uddannelseshjælp: job eller uddannelse",
        value=value,
        value_text=format_percent(value),
        reference_area=reference_area,
        reference_value=reference,
        lower_is_better=False,
        period_label=status.metadata.period_label,
        dataset_ids=(status.id, published.id),
        sentence=sentence,
        notes=tuple(notes),
    )


def education_benefit_fulltime_kpi(catalog: Catalog, reference_area: str) -> Kpi:
    """Uddannelseshjælp full-time persons as % of the labour force, vs the reference."""
    dataset = catalog.get("fuldtidspersoner_pct_arbejdsstyrke")
    frame = dataset.frame
    value = value_of(frame, HEDENSTED, group=EDUCATION_BENEFIT)
    if value is None:
        raise ValueError("Tabellen har ikke uddannelseshjælp for Hedensted.")
    reference = value_of(frame, reference_area, group=EDUCATION_BENEFIT)
    subject = (
        f"Fuldtidspersoner på uddannelseshjælp svarer til {format_percent(value)} af "
        "arbejdsstyrken i Hedensted"
    )
    notes: tuple[str, ...] = ()
    if reference is None:
        sentence, notes = subject + ".", (f"Kildematerialet har ikke tallet for {reference_area}.",)
    elif round(value - reference, 6) == 0:
        sentence = f"{subject} – det samme som {reference_area}."
    else:
        sentence = _sentence_against(subject, value, reference, reference_area)
    return kpi_against_reference(
        label="Uddannelseshjælp i pct. af arbejdsstyrken",
        value=value,
        value_text=format_percent(value),
        reference_area=reference_area,
        reference_value=reference,
        lower_is_better=True,
        period_label=dataset.metadata.period_label,
        dataset_ids=(dataset.id,),
        sentence=sentence,
        notes=notes,
    )
