"""The initiatives' figures as the documents give them, with their computed sentences.

Nothing is added to a source: where a document gives a total and only some of its
parts (Rum til os: 32 participants, 24 of them by status), the rest is shown as
the part the document does not itemise, computed as total minus parts and named so.
Figures of different sub-projects are never summed (the document says some women
took part in more than one sub-project).
"""

from __future__ import annotations

import pandas as pd

from hedensted.core.catalog import Catalog
from hedensted.core.periods import period_label
from hedensted.present.formatting import format_kroner, format_number
from hedensted.present.kpi import Kpi, kpi_without_reference

RUM_TIL_OS = "rum_til_os_status"
RUM_TIL_OS_TOTAL = "Deltagere i alt"
NOT_ITEMISED = "Ikke fordelt i kilden"
NOT_ITEMISED_MEANING = (
    "»for syge til at deltage i virksomhedsrettet aktivitet eller afventer "
    "rehabiliteringsteamets behandling« (kilden giver ikke antallet pr. status)"
)
WOMEN_IN_JOBS = "kvinder_i_job_delprojekter"
ENDED = "Afsluttede forløb"
ACTIVE = "Aktive forløb"
OUTCOMES: tuple[str, ...] = (
    "Ordinært arbejde",
    "SU under ordinær uddannelse",
    "Forsørget af ægtefælle",
    "S&H-ydelse",
    "Udvandret",
)
COMPENSATION = "kompensationskort_maal"
OTHER_FIGURES = "oevrige_tal_2019"


# --- Rum til os -----------------------------------------------------------------------


def rum_til_os_by_status(catalog: Catalog) -> pd.DataFrame:
    """Participants by status (largest first), and the part the source doesn't itemise.

    Columns ``status``, ``value``, ``itemised`` (False for the computed rest).
    Raises ``ValueError`` when the parts exceed the published total.
    """
    frame = catalog.get(RUM_TIL_OS).frame
    total = float(frame.loc[frame["status"] == RUM_TIL_OS_TOTAL, "value"].iloc[0])
    parts = frame.loc[frame["status"] != RUM_TIL_OS_TOTAL, ["status", "value"]].copy()
    parts = parts.sort_values("value", ascending=False, kind="stable")
    rest = total - float(parts["value"].sum())
    if rest < 0:
        raise ValueError("Rum til os: statusserne summer til mere end antallet af deltagere.")
    parts["itemised"] = True
    if rest > 0:
        parts = pd.concat(
            [parts, pd.DataFrame([{"status": NOT_ITEMISED, "value": rest, "itemised": False}])],
            ignore_index=True,
        )
    return parts.reset_index(drop=True)


def rum_til_os_total(catalog: Catalog) -> float:
    frame = catalog.get(RUM_TIL_OS).frame
    return float(frame.loc[frame["status"] == RUM_TIL_OS_TOTAL, "value"].iloc[0])


def rum_til_os_sentence(catalog: Catalog) -> str:
    """``Af 32 deltagere er 8 i fleksjob, 7 er i virksomhedspraktik …`` in the source's words."""
    frame = catalog.get(RUM_TIL_OS).frame
    total = rum_til_os_total(catalog)
    parts = frame[frame["status"] != RUM_TIL_OS_TOTAL].sort_values(
        "value", ascending=False, kind="stable"
    )
    listed = _and_join([str(text) for text in parts["source_text"].head(3)])
    by_status = rum_til_os_by_status(catalog)
    rest = by_status.loc[~by_status["itemised"], "value"]
    sentence = f"Af {format_number(total)} deltagere: {listed}"
    if not rest.empty:
        sentence += f"; {format_number(float(rest.iloc[0]))} er ikke fordelt på status i kilden"
    return sentence + "."


def _and_join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} og {items[-1]}"


# --- Kvinder i job ----------------------------------------------------------------------


def women_ended_by_outcome(catalog: Catalog) -> pd.DataFrame:
    """Each sub-project's ended courses by outcome (``project``, ``outcome``, ``value``).

    Only sub-projects with ended courses; projects in the document's order, outcomes
    in :data:`OUTCOMES` order.
    """
    frame = catalog.get(WOMEN_IN_JOBS).frame
    ended_projects = list(dict.fromkeys(frame.loc[frame["measure"] == ENDED, "project"]))
    rows = frame[frame["project"].isin(ended_projects) & frame["measure"].isin(OUTCOMES)]
    result = rows.rename(columns={"measure": "outcome"})[["project", "outcome", "value"]]
    result = result.assign(
        project=pd.Categorical(result["project"], ended_projects, ordered=True),
        outcome=pd.Categorical(result["outcome"], OUTCOMES, ordered=True),
    ).sort_values(["project", "outcome"])
    return result.astype({"project": str, "outcome": str}).reset_index(drop=True)


def women_courses(catalog: Catalog) -> pd.DataFrame:
    """Active and ended courses per sub-project (``project``, ``active``, ``ended``);
    a missing count stays missing (the document names none)."""
    frame = catalog.get(WOMEN_IN_JOBS).frame
    counts = frame[frame["measure"].isin([ACTIVE, ENDED])]
    wide = counts.pivot_table(index="project", columns="measure", values="value", sort=False)
    wide = wide.reindex(columns=[ACTIVE, ENDED]).rename(columns={ACTIVE: "active", ENDED: "ended"})
    return wide.reset_index()


def women_sentence(catalog: Catalog) -> str:
    """The largest sub-project by ended courses and where those women went."""
    outcomes = women_ended_by_outcome(catalog)
    courses = women_courses(catalog).dropna(subset=["ended"])
    largest = courses.sort_values("ended", ascending=False, kind="stable").iloc[0]
    its = outcomes[outcomes["project"] == largest["project"]].sort_values(
        "value", ascending=False, kind="stable"
    )
    top = its.iloc[0]
    in_job = outcomes[outcomes["outcome"] == "Ordinært arbejde"]
    job_text = (
        "ingen af de afsluttede forløb endte i ordinært arbejde"
        if in_job.empty
        else "i ordinært arbejde: "
        + _and_join(
            # A number column: pandas types a cell as any scalar:
            [f"{format_number(row.value)} fra {row.project}" for row in in_job.itertuples()]  # type: ignore[arg-type]
        )
    )
    return (
        f"Flest afsluttede forløb i {largest['project']} ({format_number(largest['ended'])}), "
        f"hvoraf {format_number(top['value'])} modtager {top['outcome']}; {job_text}."
    )


def women_other_counts(catalog: Catalog) -> list[str]:
    """The counts outside the sub-projects with ended courses (KIRA, LønMotiverende Indsats)."""
    frame = catalog.get(WOMEN_IN_JOBS).frame
    notes = []
    kira = frame[(frame["project"] == "KIRA") & (frame["measure"] == "Indskrevet")]
    if not kira.empty:
        notes.append(
            f"KIRA (kvinder ude af integrationsperioden): {format_number(kira['value'].iloc[0])} "
            "kvinder indskrevet."
        )
    lmi = frame[(frame["project"] == "LønMotiverende Indsats") & (frame["measure"] == "Deltagere")]
    if not lmi.empty:
        notes.append(
            f"LønMotiverende Indsats (Mærsk): {format_number(lmi['value'].iloc[0])} ung kvinde, "
            "som har fået ordinært arbejde."
        )
    return notes


# --- Kompensationskort ----------------------------------------------------------------


def _compensation_row(catalog: Catalog, unit: str, what: str) -> pd.Series:
    frame = catalog.get(COMPENSATION).frame
    rows = frame[frame["target_unit"] == unit]
    if rows.empty:
        raise ValueError(f"Kompensationskort: {what} står ikke i datasættet.")
    return rows.iloc[0]


def _compensation_kpi(
    label: str, value: float, value_text: str, sentence: str, catalog: Catalog
) -> Kpi:
    return kpi_without_reference(
        label=label,
        value=value,
        value_text=value_text,
        period_label=catalog.get(COMPENSATION).metadata.period_label,
        dataset_ids=(COMPENSATION,),
        sentence=sentence,
    )


def compensation_grant_kpi(catalog: Catalog) -> Kpi:
    """The grant (500.000 kr. until 31.10.2022) as a tile."""
    row = _compensation_row(catalog, "kr.", "bevillingen")
    value = float(row["target_value"])
    return _compensation_kpi(
        "Bevilling",
        value,
        format_kroner(value),
        f"Bevilget til projektet frem til {row['deadline']}.",
        catalog,
    )


def compensation_target_kpi(catalog: Catalog) -> Kpi:
    """The target of 250 citizens with a compensation card as a tile."""
    value = float(_compensation_row(catalog, "borgere", "målet for antal borgere")["target_value"])
    return _compensation_kpi(
        "Mål: borgere med kompensationskort",
        value,
        format_number(value),
        "Mindst så mange borgere skal i projektperioden have et kompensationskort.",
        catalog,
    )


# --- Figures from oevrige_tal_2019 ------------------------------------------------------


def other_figure(catalog: Catalog, measure: str, label: str, sentence: str = "") -> Kpi:
    """A figure of ``oevrige_tal_2019`` as a tile labelled ``label`` (its qualifier, e.g.
    »omkring«, kept), with ``sentence`` under it."""
    dataset = catalog.get(OTHER_FIGURES)
    frame = dataset.frame
    rows = frame[frame["measure"] == measure]
    if rows.empty:
        raise ValueError(f"»{measure}« står ikke i {OTHER_FIGURES}.")
    row = rows.iloc[0]
    value = float(row["value"])
    unit = str(row["unit_label"])
    qualifier = row["qualifier"] if isinstance(row["qualifier"], str) else ""
    number = format_kroner(value) if unit.startswith("kr.") else format_number(value)
    text = f"{qualifier} {number}".strip()
    return kpi_without_reference(
        label=label,
        value=value,
        value_text=text,
        period_label=period_label(str(row["period"])),
        dataset_ids=(OTHER_FIGURES,),
        sentence=sentence,
    )


def senior_pension_frame(catalog: Catalog) -> pd.DataFrame:
    """Seniorførtidspensioner granted per year (``year``, ``value``)."""
    frame = catalog.get(OTHER_FIGURES).frame
    rows = frame[frame["measure"] == "Seniorførtidspensioner tilkendt af Hedensted Kommune"]
    return (
        rows.assign(year=rows["period"].astype(str))[["year", "value"]]
        .sort_values("year")
        .reset_index(drop=True)
    )


def senior_pension_sentence(catalog: Catalog) -> str:
    years = senior_pension_frame(catalog)
    first, last = years.iloc[0], years.iloc[-1]
    direction = "færre" if last["value"] < first["value"] else "flere"
    return (
        f"Hedensted tilkendte {format_number(last['value'])} seniorførtidspensioner i "
        f"{last['year']} – {direction} end de {format_number(first['value'])} i {first['year']}."
    )
