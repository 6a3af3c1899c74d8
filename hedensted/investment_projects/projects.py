"""The investment projects 2024–2025: project cards and the target numbers (måltal).

Texts come from ``investeringsprojekter`` (purpose, target group),
``investeringsprojekter_maal`` (goals for August 2024 and long term) and
``investeringsprojekter_status_marts_2024`` (status bullets, March 2024). The
måltal summary adds each block's lines by type next to the published total
(``hedensted.investment_projects.targets.target_totals``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from hedensted.core.catalog import Catalog, DatasetError
from hedensted.investment_projects.targets import target_totals
from hedensted.present.formatting import format_number
from hedensted.present.tables import display_table

AUGUST_2024 = "Mål pr. august 2024"
LONG_TERM = "Langsigtede mål"
PROJECTS_DATASET = "investeringsprojekter"
LINE_TYPES = ("grundlag", "investering", "budgetforlig", "løntilskud")


@dataclass(frozen=True)
class ProjectCard:
    """Everything the overview shows about one project, as in the sources."""

    project_id: str
    name: str
    target_group: str
    purpose: str
    goals_august_2024: tuple[str, ...]
    goals_long_term: tuple[str, ...]
    status_march_2024: tuple[str, ...]
    status_name: str  # the name in the March 2024 status (e.g. the new name »Jobperronen«)


def _unique(texts: pd.Series) -> tuple[str, ...]:
    # A goal with two numbers is stored once per number; show the sentence once.
    return tuple(dict.fromkeys(str(t) for t in texts if str(t).strip()))


def project_cards(
    projects: pd.DataFrame, goals: pd.DataFrame, status: pd.DataFrame
) -> list[ProjectCard]:
    """One card per project, in the order of ``investeringsprojekter``."""
    cards = []
    for row in projects.to_dict("records"):
        project_id = row["project_id"]
        own_goals = goals[goals["project_id"] == project_id]
        own_status = status[status["project_id"] == project_id]
        description = str(own_status["project_description"].iloc[0]) if not own_status.empty else ""
        cards.append(
            ProjectCard(
                project_id=project_id,
                name=row["project"],
                target_group=row["target_group"],
                purpose=row["purpose"],
                goals_august_2024=_unique(
                    own_goals.loc[own_goals["horizon"] == AUGUST_2024, "goal"]
                ),
                goals_long_term=_unique(own_goals.loc[own_goals["horizon"] == LONG_TERM, "goal"]),
                status_march_2024=_unique(own_status["text"]),
                status_name=description.split(".")[0] if description else "",
            )
        )
    return cards


def maaltal_summary(maaltal: pd.DataFrame) -> pd.DataFrame:
    """Per block: the sum of each line type, the computed and the published total.

    Columns: ``section``, ``grundlag``, ``investering``, ``budgetforlig``,
    ``løntilskud``, ``computed_total``, ``published_total``, ``difference``,
    ``total_line``. Raises ``ValueError`` (Danish) for an unknown line type.
    """
    known = {*LINE_TYPES, "total"}
    unknown = sorted(set(maaltal["line_type"]) - known)
    if unknown:
        raise ValueError(f"Måltallene har ukendte linjetyper: {', '.join(unknown)}.")
    totals = target_totals(maaltal)
    sums = (
        maaltal[maaltal["line_type"] != "total"]
        .pivot_table(
            index="section", columns="line_type", values="value", aggfunc="sum", sort=False
        )
        .reindex(columns=list(LINE_TYPES))
        .fillna(0.0)
        .reset_index()
    )
    summary = sums.merge(totals, on="section", how="left")
    order = list(dict.fromkeys(maaltal["section"]))
    summary["order"] = [order.index(s) for s in summary["section"]]
    return (
        summary.sort_values("order")
        .drop(columns=["order", "investment_effect"])
        .reset_index(drop=True)
    )


def maaltal_chart_frame(summary: pd.DataFrame) -> pd.DataFrame:
    """Long frame for the chart: per block the base and the computed total."""
    rows = []
    for record in summary.to_dict("records"):
        rows.append(
            {"section": record["section"], "series": "Grundlag", "value": record["grundlag"]}
        )
        rows.append(
            {
                "section": record["section"],
                "series": "Måltal efter investeringer m.m. (beregnet)",
                "value": record["computed_total"],
            }
        )
    return pd.DataFrame(rows)


MAALTAL_LINE_HEADINGS = {
    "section": "Ydelse",
    "line": "Linje",
    "line_type": "Linjetype",
    "value": "Antal fuldtidspersoner",
}


def maaltal_lines_export(maaltal: pd.DataFrame) -> pd.DataFrame:
    """Every måltal line as published, with Danish headings (numbers stay numbers)."""
    return (
        maaltal[list(MAALTAL_LINE_HEADINGS)]
        .rename(columns=MAALTAL_LINE_HEADINGS)
        .reset_index(drop=True)
    )


MAALTAL_SUMMARY_HEADINGS = {
    "section": "Ydelse",
    "grundlag": "Grundlag",
    "investering": "Investeringer",
    "budgetforlig": "Budgetforlig",
    "løntilskud": "Løntilskud",
    "computed_total": "Måltal (beregnet)",
    "published_total": "Måltal (offentliggjort)",
    "difference": "Forskel",
}


def _signed(value: float) -> str:
    return format_number(value, signed=True)


def maaltal_summary_table(summary: pd.DataFrame) -> pd.DataFrame:
    """:func:`maaltal_summary` as a Danish text table (the adjustments with their sign)."""
    return display_table(
        summary,
        MAALTAL_SUMMARY_HEADINGS,
        {
            "grundlag": format_number,
            "investering": _signed,
            "budgetforlig": _signed,
            "løntilskud": _signed,
            "computed_total": format_number,
            "published_total": format_number,
            "difference": _signed,
        },
    )


def maaltal_lines_table(maaltal: pd.DataFrame) -> pd.DataFrame:
    """Every måltal line as published, as a Danish text table."""
    return display_table(maaltal, MAALTAL_LINE_HEADINGS, {"value": format_number})


def project_names(catalog: Catalog) -> list[tuple[str, str]]:
    """``(project id, name)`` of every investment project, in the document's order.

    Empty when the project table cannot be read (the page then shows its error).
    """
    try:
        projects = catalog.get(PROJECTS_DATASET).frame
    except DatasetError:
        return []
    return [(str(row["project_id"]), str(row["project"])) for row in projects.to_dict("records")]


def maaltal_headline(summary: pd.DataFrame) -> str:
    """The Måltal slide's message, from :func:`maaltal_summary`: the investments' net
    effect summed over the benefits (an investment may move people between benefits:
    Socialt Frikort adds 10 on uddannelseshjælp and takes 10 off fleksjob).

    »Investeringernes forventede effekt: netto 26 færre fuldtidspersoner på de 5 ydelser.«
    Raises ``ValueError`` for no benefits.
    """
    if summary.empty:
        raise ValueError("Måltallene har ingen ydelser.")
    effect = float(summary["investering"].sum())
    count = len(summary)
    benefits = "den ene ydelse" if count == 1 else f"de {count} ydelser"
    if effect == 0:
        return f"Investeringerne ændrer ikke måltallene for {benefits}."
    word = "færre" if effect < 0 else "flere"
    return (
        f"Investeringernes forventede effekt: netto {format_number(abs(effect))} {word} "
        f"fuldtidspersoner på {benefits}."
    )
