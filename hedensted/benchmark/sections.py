"""What the Benchmark page shows: frames per section and their computed sentences.

Pure functions on the catalog's tidy frames. Every sentence that states a
comparison is computed here from the data and follows the reference area the
viewer picks; the page only lays the results out.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from hedensted.benchmark.expenses import expense_gap_worth
from hedensted.benchmark.ministry import benchmark_table, ranked_count
from hedensted.benchmark.outcomes import EDUCATION, FLEXJOB, JOB, JOB_AND_EDUCATION, share_ended_to
from hedensted.benchmark.unemployment import has_lowest_rate, municipality_rates, rank_in_rar
from hedensted.core.catalog import Catalog, DatasetError
from hedensted.core.compare import compare_to_reference
from hedensted.core.constants import TOTAL_GROUP
from hedensted.core.periods import parse_period, period_label
from hedensted.core.view_state import HEDENSTED, ComparisonOptions, SortOrder
from hedensted.front_page.kpis import expenses_kpi
from hedensted.present.formatting import (
    format_kroner,
    format_million_kroner,
    format_number,
    format_percent,
    format_points,
)
from hedensted.present.kpi import Kpi, kpi_against_reference

PAGE_AREAS: tuple[str, ...] = (
    "Hele landet",
    "RAR Østjylland",
    HEDENSTED,
    "Skanderborg",
    "Ringkøbing-Skjern",
)
GROUPS_DATASET = "fuldtidspersoner_pct_arbejdsstyrke"
REMAINDER = "Ikke vist i kilden"
NONE_CATEGORY = "Ingen"
OTHER_AREAS = "Øvrige områder"
UNEMPLOYMENT_GOAL_PHRASE = "laveste ledighedsprocent"


class NothingToShow(ValueError):
    """The viewer's choice leaves nothing to show (e.g. no groups chosen)."""


# --- Controls -----------------------------------------------------------------


def benefit_groups(frame: pd.DataFrame) -> tuple[str, ...]:
    """The benefit groups of a table, as in the source, without the published total."""
    return tuple(g for g in dict.fromkeys(frame["group"]) if g != TOTAL_GROUP)


def comparison_options(catalog: Catalog) -> ComparisonOptions:
    """Areas, reference and benefit groups the page offers.

    The groups are those of the full-time persons table (the expenses table has
    the same groups except Fleksjob). A broken table gives no group choice.
    """
    try:
        groups = benefit_groups(catalog.get(GROUPS_DATASET).frame)
    except DatasetError:
        groups = ()
    return ComparisonOptions(areas=PAGE_AREAS, groups=groups)


def areas_in_table(frame: pd.DataFrame, areas: Sequence[str]) -> tuple[list[str], list[str]]:
    """``(present, missing)``: the chosen areas a table has, and those it lacks, in order."""
    known = set(frame["area"])
    return [a for a in areas if a in known], [a for a in areas if a not in known]


def _and_join(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " og " + items[-1]


def _or_join(items: Sequence[str]) -> str:
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " eller " + items[-1]


def _sentence(text: str) -> str:
    """End a sentence with one full stop (values such as "8,4 mio. kr." end with one)."""
    return text if text.endswith(".") else text + "."


def missing_areas_note(missing: Sequence[str], table_title: str) -> str | None:
    """A caption saying which chosen areas a table does not have (None if all are there)."""
    if not missing:
        return None
    return (
        f"{_and_join(missing)} findes ikke i kildens tabel »{table_title}« "
        "og vises derfor ikke her."
    )


def reference_note(frame: pd.DataFrame, reference: str, what: str) -> str | None:
    """:func:`missing_reference_note` if the table lacks the reference, else None."""
    return None if reference in set(frame["area"]) else missing_reference_note(reference, what)


def missing_reference_note(reference: str, what: str) -> str:
    """Why a comparison cannot be made: the source has no figure for the reference."""
    return (
        f"Kildematerialet har ikke {what} for {reference}, så Hedensted kan ikke "
        f"sammenlignes med {reference} her. Vælg et andet sammenligningsområde."
    )


# --- Sorting ------------------------------------------------------------------


def sort_categories(
    frame: pd.DataFrame,
    category: str,
    sort: SortOrder,
    reference: str,
    area: str = HEDENSTED,
) -> list[str]:
    """The categories of ``frame`` in the chosen order.

    ``SOURCE`` keeps the source order; ``VALUE`` puts the area's largest value
    first; ``DIFFERENCE`` puts the largest difference between the area and the
    reference first (by size, whichever way it goes). If the reference is not in
    the table, ``DIFFERENCE`` falls back to ``VALUE``. Ties keep the source order;
    missing values go last.
    """
    source = list(dict.fromkeys(frame[category]))
    if sort is SortOrder.SOURCE:
        return source
    own = frame[frame["area"] == area].set_index(category)["value"]
    key = own
    if sort is SortOrder.DIFFERENCE and reference in set(frame["area"]):
        ref = frame[frame["area"] == reference].set_index(category)["value"]
        key = (own - ref.reindex(own.index)).abs()
    elif sort not in (SortOrder.VALUE, SortOrder.DIFFERENCE):
        raise ValueError(f"Ukendt sortering: {sort}.")

    def order(name: str) -> tuple[float, int]:
        value = key.get(name, math.nan)
        return (math.inf if pd.isna(value) else -float(value), source.index(name))

    return sorted(source, key=order)


# --- Sections 1, 2 and 5: values per group and area, difference to the reference ----


@dataclass(frozen=True)
class GroupView:
    """Values per category (benefit or target group) and area, as chosen.

    ``values`` has ``area``, the category column and ``value`` for the chosen
    areas and categories; ``order`` is the category order to draw;
    ``differences`` has one row per category with Hedensted's ``value``, the
    ``reference_value`` and the ``difference`` (Hedensted − reference), or is
    ``None`` when the table has no figures for the reference.
    """

    category: str
    areas: tuple[str, ...]
    missing_areas: tuple[str, ...]
    order: tuple[str, ...]
    values: pd.DataFrame
    reference: str
    differences: pd.DataFrame | None
    total: pd.DataFrame | None


def group_view(
    frame: pd.DataFrame,
    category: str,
    areas: Sequence[str],
    reference: str,
    sort: SortOrder,
    groups: Sequence[str] | None = None,
    total_label: str | None = None,
) -> GroupView:
    """Prepare a grouped comparison (sections 1, 2 and 5).

    ``groups`` limits the categories (None: all); the published total
    ``total_label`` is kept apart in ``total`` (its values for the shown areas).
    Raises :class:`NothingToShow` when no chosen category is in the table.
    """
    parts = frame[frame[category] != total_label] if total_label else frame
    if groups is not None:
        chosen = set(groups)
        parts = parts[parts[category].isin(chosen)]
    if parts.empty:
        raise NothingToShow("Vælg mindst én ydelsesgruppe for at se tallene.")
    present, missing = areas_in_table(frame, areas)
    order = sort_categories(parts, category, sort, reference)
    values = parts[parts["area"].isin(present)].copy()
    values["_area"] = values["area"].map({a: i for i, a in enumerate(present)})
    values["_cat"] = values[category].map({c: i for i, c in enumerate(order)})
    values = (
        values.sort_values(["_cat", "_area"])
        .drop(columns=["_area", "_cat"])
        .reset_index(drop=True)[["area", category, "value"]]
    )
    differences = None
    if reference in set(frame["area"]):
        compared = compare_to_reference(parts, reference, by=[category])
        own = compared[compared["area"] == HEDENSTED].set_index(category)
        differences = (
            own.reindex(order)[["value", "reference_value", "difference"]]
            .reset_index()
            .rename(columns={"index": category})
        )
        differences["difference"] = differences["difference"].round(6)
    total = None
    if total_label:
        total_rows = frame[(frame[category] == total_label) & frame["area"].isin(present)]
        total = total_rows[["area", category, "value"]].reset_index(drop=True)
    return GroupView(
        category=category,
        areas=tuple(present),
        missing_areas=tuple(missing),
        order=tuple(order),
        values=values,
        reference=reference,
        differences=differences,
        total=total,
    )


def wide_values(view: GroupView) -> pd.DataFrame:
    """One row per category, one column per area (for the "Vis tal" table)."""
    wide = view.values.pivot(index=view.category, columns="area", values="value")
    wide = wide.reindex(index=list(view.order), columns=list(view.areas))
    if view.total is not None and not view.total.empty:
        totals = view.total.pivot(index=view.category, columns="area", values="value")
        wide = pd.concat([wide, totals.reindex(columns=list(view.areas))])
    wide.columns.name = None
    return wide.reset_index().rename(columns={"index": view.category})


def difference_summary(
    view: GroupView,
    noun: str,
    lower: str,
    higher: str,
    fmt_value,
    fmt_difference,
) -> str:
    """One sentence: in how many categories Hedensted is below/above the reference.

    ``noun`` names the categories (``ydelsesgrupper``), ``lower``/``higher`` say
    what below/above means (``bruger mindre``/``bruger mere``), ``fmt_value`` and
    ``fmt_difference`` format a value and a signed difference.
    """
    if view.differences is None:
        raise NothingToShow("Sammenligningsområdet findes ikke i tabellen.")
    diff = view.differences.dropna(subset=["difference"])
    below = int((diff["difference"] < 0).sum())
    above = int((diff["difference"] > 0).sum())
    same = int((diff["difference"] == 0).sum())
    counted = len(diff)
    parts = [f"{lower} i {below} af {counted} viste {noun}", f"{higher} i {above}"]
    if same:
        parts.append(f"det samme i {same}")
    sentence = f"Sammenlignet med {view.reference}: Hedensted {_and_join(parts)}."
    if counted:
        # idxmax gives a label of the index:
        largest = diff.loc[diff["difference"].abs().idxmax()]  # type: ignore[call-overload]
        if largest["difference"] != 0:
            sentence += (
                f" Størst er forskellen for {largest[view.category]}: "
                f"{fmt_value(largest['value'])} mod {fmt_value(largest['reference_value'])} "
                f"({fmt_difference(largest['difference'])})."
            )
    return sentence


def fulltime_summary(view: GroupView) -> str:
    """Section 1 sentence, in full-time persons as % of the labour force."""
    return difference_summary(
        view,
        "ydelsesgrupper",
        "har en lavere andel",
        "en højere",
        format_percent,
        format_points,
    )


def expenses_summary(view: GroupView) -> str:
    """Section 2 sentence, in kr. per person in the labour force."""
    return difference_summary(
        view,
        "ydelsesgrupper",
        "bruger mindre",
        "mere",
        format_kroner,
        lambda v: format_kroner(v, signed=True),
    )


def duration_summary(view: GroupView) -> str:
    """Section 5 sentence, in weeks."""
    return difference_summary(
        view,
        "målgrupper",
        "har kortere forløb",
        "længere",
        lambda v: f"{format_number(v, 1)} uger",
        lambda v: f"{format_number(v, 1, signed=True)} uger",
    )


# --- Section 2: expenses and what the gap is worth ---------------------------------


def expenses_kpi_for(catalog: Catalog, reference: str) -> Kpi:
    """The expenses tile; without a comparison where the source lacks the reference."""
    expenses = catalog.get("udgifter_pr_person_arbejdsstyrke")
    if reference in set(expenses.frame["area"]):
        return expenses_kpi(catalog, reference)
    total = expenses.frame[
        (expenses.frame["area"] == HEDENSTED) & (expenses.frame["group"] == TOTAL_GROUP)
    ]
    value = float(total["value"].iloc[0])
    return kpi_against_reference(
        label="Udgifter pr. person",
        value=value,
        value_text=format_kroner(value),
        reference_area=reference,
        reference_value=None,
        lower_is_better=True,
        period_label=expenses.metadata.period_label,
        dataset_ids=(expenses.id,),
        sentence=(
            f"Hedensted bruger {format_kroner(value)} pr. person i arbejdsstyrken "
            "på offentlig forsørgelse."
        ),
        notes=(f"Kildematerialet har ikke udgifterne for {reference}.",),
    )


def gap_worth(
    expenses: pd.DataFrame,
    labour_force: pd.DataFrame,
    reference: str,
    order: Sequence[str],
) -> pd.DataFrame:
    """Per shown group and in all: the gap in kr. per person × Hedensted's labour force.

    Rows follow ``order`` and end with the published total ("Ydelsesgrupper i alt").
    Raises ``ValueError`` if the reference is not in the expenses table.
    """
    worth = expense_gap_worth(expenses, labour_force, HEDENSTED, reference)
    groups = worth[worth["group"] != TOTAL_GROUP].set_index("group").reindex(list(order))
    groups = groups.dropna(subset=["value"]).reset_index()
    total = worth[worth["group"] == TOTAL_GROUP]
    result = pd.concat([groups, total], ignore_index=True)
    result["total_mio"] = result["total_kr"] / 1_000_000
    return result


def worth_sum_note(worth: pd.DataFrame, all_groups: int) -> str | None:
    """Say how the sum over the groups relates to the total (they differ in the source)."""
    parts = worth[worth["group"] != TOTAL_GROUP]
    total = worth[worth["group"] == TOTAL_GROUP]
    if parts.empty or total.empty:
        return None
    part_sum = float(parts["total_kr"].sum())
    total_kr = float(total["total_kr"].iloc[0])
    shown = (
        f"de {len(parts)} viste ydelsesgrupper"
        if len(parts) < all_groups
        else f"alle {len(parts)} ydelsesgrupper"
    )
    return (
        f"Summen for {shown} er {format_million_kroner(part_sum, signed=True)}; "
        f"totalen (»{TOTAL_GROUP}«) giver {format_million_kroner(total_kr, signed=True)} "
        "i alt. "
        "Kildens ydelsesgrupper summer ikke helt til totalen, og tabellen har ingen "
        "række for fleksjob."
    )


def published_difference_check(expenses: pd.DataFrame, published: pd.DataFrame) -> pd.DataFrame:
    """The document's own »Forskel« column next to the difference computed from the table.

    ``published`` has ``group``, ``value`` and ``reference_area``. Returns
    ``group``, ``reference_area``, ``published``, ``computed`` and ``agrees``.
    """
    rows = []
    for _, row in published.iterrows():
        reference = row["reference_area"]
        compared = compare_to_reference(expenses, reference, by=["group"])
        own = compared[(compared["area"] == HEDENSTED) & (compared["group"] == row["group"])]
        computed = float(own["difference"].iloc[0]) if not own.empty else math.nan
        rows.append(
            {
                "group": row["group"],
                "reference_area": reference,
                "published": float(row["value"]),
                "computed": computed,
                "agrees": math.isclose(computed, float(row["value"]), abs_tol=1e-9),
            }
        )
    return pd.DataFrame(rows)


def published_difference_sentence(check: pd.DataFrame) -> str:
    """How many of the document's published differences the calculation reproduces."""
    reference = _and_join(list(dict.fromkeys(check["reference_area"])))
    agrees = int(check["agrees"].sum())
    total = check[check["group"] == TOTAL_GROUP]
    start = ""
    if not total.empty:
        value = float(total["published"].iloc[0])
        word = "lavere" if value < 0 else "højere"
        start = (
            f"Dokumentet selv sammenligner med {reference}: Hedensteds udgift pr. person "
            f"er {format_kroner(abs(value))} {word}. "
        )
    return (
        f"{start}Beregningen ud fra tabellen giver samme forskel i {agrees} af "
        f"{len(check)} rækker i dokumentets kolonne »Forskel«."
    )


# --- Section 3: the ministry's benchmark --------------------------------------------


def benchmark_view(frame: pd.DataFrame) -> pd.DataFrame:
    """The benchmark per benefit area with the rank as text (``nr. 12 af 98``)."""
    table = benchmark_table(frame)
    ranked = ranked_count(frame)
    table["rank_text"] = [
        "ingen placering" if pd.isna(r) else f"nr. {int(r)} af {ranked}" for r in table["rank"]
    ]
    table["rank_of"] = ranked
    return table


def benchmark_long(table: pd.DataFrame) -> pd.DataFrame:
    """Actual and expected full-time persons in long form, for a grouped bar chart."""
    rows = []
    for _, row in table.iterrows():
        for series, column in (("Faktisk", "actual"), ("Forventet", "expected")):
            rows.append(
                {
                    "benefit_area": row["benefit_area"],
                    "series": series,
                    "value": row[column],
                    "rank_text": row["rank_text"],
                    "actual_minus_expected": row["actual_minus_expected"],
                }
            )
    return pd.DataFrame(rows)


def _fewer_more(difference: float) -> str:
    if difference < 0:
        return f"{format_number(abs(difference))} færre end forventet"
    if difference > 0:
        return f"{format_number(difference)} flere end forventet"
    return "som forventet"


def benchmark_sentences(table: pd.DataFrame) -> list[str]:
    """One sentence per benefit area: rank, actual vs expected, savings as published."""
    return [
        _sentence(
            f"**{row['benefit_area']}**: {row['rank_text']}. "
            f"{format_number(row['actual'])} fuldtidspersoner på offentlig forsørgelse mod "
            f"forventet {format_number(row['expected'])} – "
            f"{_fewer_more(row['actual_minus_expected'])}"
            + (
                ""
                if pd.isna(row["savings_kr"])
                else ". Ændring i kommunale besparelser som opgjort af ministeriet: "
                f"{format_million_kroner(row['savings_kr'])}"
            )
        )
        for _, row in table.iterrows()
    ]


def expected_example(table: pd.DataFrame, benefit_area: str = "Alle ydelser") -> str:
    """Hedensted's own figures as an example of "forventet ud fra rammevilkår"."""
    rows = table[table["benefit_area"] == benefit_area]
    if rows.empty:
        raise ValueError(f"Benchmarket har ikke området '{benefit_area}'.")
    row = rows.iloc[0]
    difference = float(row["actual_minus_expected"])
    verdict = (
        "klarer kommunen sig bedre end forventet"
        if difference < 0
        else "klarer kommunen sig dårligere end forventet"
        if difference > 0
        else "klarer kommunen sig som forventet"
    )
    return (
        f"For Hedensted ({benefit_area.lower()}) regnede ministeriet med "
        f"{format_number(row['expected'])} fuldtidspersoner på offentlig forsørgelse ud fra "
        f"kommunens rammevilkår. Det faktiske tal var {format_number(row['actual'])} – "
        f"{_fewer_more(difference)}. Derfor {verdict}, og Hedensted er "
        f"{row['rank_text']} kommuner (1 er bedst)."
    )


EXPLANATION_TOPICS = (
    "Forventet ud fra rammevilkår",
    "Forventet sammenlignet med faktisk",
    "Top og bund af listen",
)


def benchmark_explanation(forklaring: pd.DataFrame) -> tuple[list[str], pd.DataFrame]:
    """``(main, rest)``: the document's sentences on "forventet ud fra rammevilkår",
    and its other explanations (``topic``, ``text``)."""
    by_topic = forklaring.set_index("topic")["text"]
    main = [by_topic[t] for t in EXPLANATION_TOPICS if t in by_topic.index]
    rest = forklaring[~forklaring["topic"].isin(EXPLANATION_TOPICS)][["topic", "text"]]
    return main, rest.reset_index(drop=True)


# --- Section 4: status one month after an ended course -------------------------------


def status_categories(published: pd.DataFrame, target_group: str) -> tuple[str, ...]:
    """The status categories the document adds up for a target group.

    Taken from the published statements (job and education, plus flexjob where
    the document counts it); job and education where the document has none.
    """
    rows = published[published["target_group"] == target_group]
    if rows.empty:
        return JOB_AND_EDUCATION
    return tuple(part for part in str(rows["categories"].iloc[0]).split(";") if part)


def categories_label(categories: Sequence[str]) -> str:
    """Danish words for the categories added up: ``job eller uddannelse`` …"""
    words = {JOB: "job", EDUCATION: "uddannelse", FLEXJOB: "fleksjob"}
    ordered = [c for c in (JOB, FLEXJOB, EDUCATION) if c in categories]
    ordered += [c for c in categories if c not in ordered]
    return _or_join([words.get(c, c.lower()) for c in ordered])


def status_stack(status: pd.DataFrame, target_group: str, areas: Sequence[str]) -> pd.DataFrame:
    """One target group's status categories per area, filled up to 100 %.

    The source tables only show some categories, so each area's bar gets a last
    part ``REMAINDER`` = 100 − the sum shown. Suppressed values (``.``) are left
    out. Returns ``area``, ``category``, ``value`` and ``order`` (drawing order).
    """
    block = status[status["target_group"] == target_group]
    if block.empty:
        raise ValueError(f"Målgruppen '{target_group}' findes ikke i data.")
    present, _ = areas_in_table(block, areas)
    categories = list(dict.fromkeys(block["category"]))
    rows = []
    for area in present:
        own = block[block["area"] == area].set_index("category")["value"]
        for position, category in enumerate(categories):
            value = own.get(category, math.nan)
            if not pd.isna(value):
                rows.append({"area": area, "category": category, "value": value, "order": position})
        remainder = round(100 - float(own.sum(skipna=True)), 1)
        rows.append(
            {
                "area": area,
                "category": REMAINDER,
                "value": max(remainder, 0.0),
                "order": len(categories),
            }
        )
    return pd.DataFrame(rows, columns=["area", "category", "value", "order"])


def status_target_groups(status: pd.DataFrame) -> list[str]:
    """The target groups of the status tables, in source order."""
    return list(dict.fromkeys(status["target_group"]))


def status_category_order(status: pd.DataFrame) -> list[str]:
    """All status categories in the order the source tables use, then the remainder."""
    return [*dict.fromkeys(status["category"]), REMAINDER]


def status_shares(
    status: pd.DataFrame, published: pd.DataFrame, areas: Sequence[str]
) -> pd.DataFrame:
    """Per target group and area: the computed share to job and education (and
    flexjob where the document counts it) beside the document's statement.

    Returns ``target_group``, ``area``, ``categories`` (Danish words), ``share``,
    ``published``, ``statement`` and ``difference`` (computed − published).
    """
    present, _ = areas_in_table(status, areas)
    rows = []
    for target_group in dict.fromkeys(status["target_group"]):
        categories = status_categories(published, target_group)
        block = status[(status["target_group"] == target_group) & status["area"].isin(present)]
        shares = share_ended_to(block, categories).set_index("area")["share"]
        said = published[published["target_group"] == target_group].set_index("area")
        for area in present:
            if area not in shares.index:
                continue
            share = round(float(shares[area]), 6)
            has_statement = area in said.index
            published_value = float(said.loc[area, "value"]) if has_statement else math.nan
            rows.append(
                {
                    "target_group": target_group,
                    "area": area,
                    "categories": categories_label(categories),
                    "share": share,
                    "published": published_value,
                    "statement": str(said.loc[area, "statement"]) if has_statement else "",
                    "difference": round(share - published_value, 6),
                }
            )
    return pd.DataFrame(rows)


def share_method_note(shares: pd.DataFrame) -> str:
    """How the shares were added up, per target group, as the document does it."""
    by_categories: dict[str, list[str]] = {}
    for target_group, categories in shares.drop_duplicates("target_group")[
        ["target_group", "categories"]
    ].itertuples(index=False):
        by_categories.setdefault(str(categories), []).append(str(target_group).lower())
    parts = [f"{words} for {_and_join(groups)}" for words, groups in by_categories.items()]
    return (
        "Søjlerne er beregnet ud fra tabellerne ovenfor og lægger de samme statuskategorier "
        f"sammen som dokumentet: {'; '.join(parts)}. Den sorte streg er tallet i "
        "dokumentets egne udsagn."
    )


def status_sentences(shares: pd.DataFrame, reference: str) -> list[str]:
    """Per target group: Hedensted's share vs the reference's, and the document's words."""
    sentences = []
    for target_group, block in shares.groupby("target_group", sort=False):
        rows = block.set_index("area")
        if HEDENSTED not in rows.index:
            continue
        own = rows.loc[HEDENSTED]
        sentence = (
            # One row per area, so a number, not a Series:
            f"**{target_group}**: {format_percent(own['share'])} af Hedensteds afsluttede "  # type: ignore[arg-type]
            f"forløb endte i {own['categories']}"
        )
        if reference in rows.index:
            # One row per area, so a number:
            other = float(rows.loc[reference, "share"])  # type: ignore[arg-type]
            sentence += (
                f" mod {format_percent(other)} i {reference} "
                # One row per area, so a number, not a Series:
                f"({format_points(own['share'] - other)})"  # type: ignore[arg-type]
            )
        sentence += "."
        if own["statement"]:
            sentence += f" Dokumentet skriver »{own['statement']}«."
        sentences.append(sentence)
    return sentences


# --- Section 6: unemployment and full-time employment --------------------------------


def period_span(periods: Sequence[str]) -> tuple[str, str]:
    """The first and last of a dataset's period codes."""
    ordered = sorted(periods, key=lambda code: parse_period(code).start)
    if len(ordered) < 2:
        raise ValueError("Der skal være mindst to perioder for at beregne en udvikling.")
    return ordered[0], ordered[-1]


def change_table(
    counts: pd.DataFrame, published: pd.DataFrame, start: str, end: str
) -> pd.DataFrame:
    """Change per area from ``start`` to ``end``, computed and as published.

    ``counts`` is tidy (``area``, ``period``, ``value``, ``area_type``);
    ``published`` holds the document's change columns (``measure`` ending in
    ``(personer)`` or ``(pct.)``). Returns ``area``, ``area_type``,
    ``start_value``, ``end_value``, ``change``, ``change_pct``,
    ``published_change`` and ``published_pct``.
    """
    for period in (start, end):
        if period not in set(counts["period"]):
            raise ValueError(f"Perioden '{period}' findes ikke i data.")
    wide = counts.pivot(index="area", columns="period", values="value")
    order = list(dict.fromkeys(counts["area"]))
    result = pd.DataFrame(
        {
            "area": order,
            "start_value": wide.reindex(order)[start].to_numpy(),
            "end_value": wide.reindex(order)[end].to_numpy(),
        }
    )
    types = counts.drop_duplicates("area").set_index("area")["area_type"]
    result["area_type"] = result["area"].map(types)
    result["change"] = result["end_value"] - result["start_value"]
    result["change_pct"] = result["change"] / result["start_value"] * 100
    persons = published[published["measure"].str.endswith("(personer)")]
    percent = published[published["measure"].str.endswith("(pct.)")]
    result["published_change"] = result["area"].map(persons.set_index("area")["value"])
    result["published_pct"] = result["area"].map(percent.set_index("area")["value"])
    return result


def highlight_label(area: str, reference: str) -> str:
    """The colour group of an area in the area charts: Hedensted, the reference, or others."""
    return area if area in (HEDENSTED, reference) else OTHER_AREAS


def sort_areas(frame: pd.DataFrame, field: str, sort: SortOrder, reference: str) -> pd.DataFrame:
    """Rows (one per area) in the chosen order, like :func:`sort_categories`.

    ``SOURCE`` keeps the source order, ``VALUE`` puts the largest ``field`` first,
    ``DIFFERENCE`` the largest difference (by size) to the reference's value;
    without the reference in the table, ``DIFFERENCE`` falls back to ``VALUE``.
    """
    if sort is SortOrder.SOURCE:
        return frame.reset_index(drop=True)
    key = frame[field]
    if sort is SortOrder.DIFFERENCE and reference in set(frame["area"]):
        key = (frame[field] - float(frame.loc[frame["area"] == reference, field].iloc[0])).abs()
    order = key.sort_values(ascending=False, kind="stable", na_position="last").index
    return frame.loc[order].reset_index(drop=True)


def rate_view(rates: pd.DataFrame, reference: str, sort: SortOrder) -> pd.DataFrame:
    """Unemployment rates for all areas in the table, with highlight, in the chosen order."""
    view = rates[["area", "area_type", "value"]].copy()
    view["highlight"] = [highlight_label(a, reference) for a in view["area"]]
    return sort_areas(view, "value", sort, reference)


def change_view(table: pd.DataFrame, reference: str, sort: SortOrder) -> pd.DataFrame:
    """A change table with highlight, in the chosen order (by the change in pct.)."""
    view = table.copy()
    view["highlight"] = [highlight_label(a, reference) for a in view["area"]]
    return sort_areas(view, "change_pct", sort, reference)


def rate_sentence(rates: pd.DataFrame, reference: str) -> str:
    """Hedensted's rate and rank in RAR Østjylland, compared with the reference."""
    own = float(rates.loc[rates["area"] == HEDENSTED, "value"].iloc[0])
    rank, ranked = rank_in_rar(rates, HEDENSTED)
    place = "den laveste" if rank == 1 else f"den {rank}. laveste"
    sentence = (
        f"Hedensted har en bruttoledighed på {format_percent(own)} – {place} "
        f"ledighedsprocent af {ranked} kommuner i RAR Østjylland."
    )
    if reference in set(rates["area"]):
        other = float(rates.loc[rates["area"] == reference, "value"].iloc[0])
        sentence += f" {reference}: {format_percent(other)} ({format_points(own - other)})."
    else:
        sentence += " " + missing_reference_note(reference, "ledighedsprocenten")
    return sentence


def change_sentence(table: pd.DataFrame, reference: str, what: str, start: str, end: str) -> str:
    """Hedensted's change from period ``start`` to ``end`` (computed), vs the reference's."""
    span = f"{period_label(start)} til {period_label(end)}"
    rows = table.set_index("area")
    own = rows.loc[HEDENSTED]
    direction = "steg" if own["change"] > 0 else "faldt" if own["change"] < 0 else "var uændret"
    sentence = f"{what} i Hedensted {direction}"
    if own["change"] != 0:
        sentence += (
            f" med {format_number(abs(own['change']))} personer "
            # One row per area, so a number, not a Series:
            f"({format_percent(own['change_pct'], signed=True)})"  # type: ignore[arg-type]
        )
    sentence += f" fra {span}"
    if reference in rows.index:
        other = rows.loc[reference]
        # One row per area, so a number, not a Series:
        sentence += f" – mod {format_percent(other['change_pct'], signed=True)} i {reference}."  # type: ignore[arg-type]
    else:
        sentence += f". Kildens tabel har ikke {reference} med."
    return sentence


@dataclass(frozen=True)
class GoalEvaluation:
    """A goal from the investment projects, evaluated from the data."""

    goal: str
    project: str
    horizon: str
    met: bool
    status_text: str
    sentence: str


def unemployment_goal(
    goals: pd.DataFrame,
    rates: pd.DataFrame,
    rates_period: str,
    projects: pd.DataFrame | None = None,
) -> GoalEvaluation:
    """Evaluate the goal that Hedensted keeps the lowest unemployment rate in RAR Østjylland.

    The goal's wording comes from ``goals`` (investeringsprojekter_maal); it is
    met when Hedensted has the (possibly shared) lowest rate among the RAR
    Østjylland municipalities. Raises ``ValueError`` if the goal is not in the data.
    """
    rows = goals[goals["goal"].str.contains(UNEMPLOYMENT_GOAL_PHRASE, case=False, na=False)]
    if rows.empty:
        raise ValueError("Målet om den laveste ledighedsprocent findes ikke i data.")
    row = rows.iloc[0]
    project = str(row["project_id"])
    if projects is not None:
        names = projects.drop_duplicates("project_id").set_index("project_id")["project"]
        project = str(names.get(project, project))
    met = has_lowest_rate(rates, HEDENSTED)
    rank, ranked = rank_in_rar(rates, HEDENSTED)
    municipalities = municipality_rates(rates)
    lowest_value = float(municipalities["value"].min())
    lowest = list(municipalities.loc[municipalities["value"] == lowest_value, "area"])
    own = float(rates.loc[rates["area"] == HEDENSTED, "value"].iloc[0])
    if met:
        others = [a for a in lowest if a != HEDENSTED]
        shared = f" (delt med {_and_join(others)})" if others else ""
        sentence = (
            f"Målet er opfyldt i {period_label(rates_period)}: Hedensted har den laveste "
            f"ledighedsprocent{shared} af {ranked} kommuner i RAR Østjylland, "
            f"{format_percent(own)}."
        )
    else:
        sentence = (
            f"Målet er ikke opfyldt i {period_label(rates_period)}: Hedensted har "
            f"{format_percent(own)} og er nr. {rank} af {ranked} kommuner i RAR Østjylland. "
            f"Lavest er {_and_join(lowest)} med {format_percent(lowest_value)}."
        )
    return GoalEvaluation(
        goal=str(row["goal"]),
        project=project,
        horizon=str(row["horizon"]),
        met=met,
        status_text="Opfyldt" if met else "Ikke opfyldt",
        sentence=sentence,
    )


# --- Section 7: where people came from ------------------------------------------------


def migrations(frame: pd.DataFrame) -> pd.DataFrame:
    """Courses created per target group by previous target group, largest first.

    Adds ``share`` (pct. of the target group's courses, computed), ``total`` and
    ``is_none`` (the category »Ingen«).
    """
    result = frame[["target_group", "previous_target_group", "value"]].copy()
    result["total"] = result.groupby("target_group", sort=False)["value"].transform("sum")
    result["share"] = result["value"] / result["total"] * 100
    result["is_none"] = result["previous_target_group"] == NONE_CATEGORY
    groups = {g: i for i, g in enumerate(dict.fromkeys(result["target_group"]))}
    result["_group"] = result["target_group"].map(groups)
    result = result.sort_values(
        ["_group", "value", "previous_target_group"], ascending=[True, False, True]
    )
    return result.drop(columns="_group").reset_index(drop=True)


def migration_blocks(frame: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """``migrations`` split per target group, in source order."""
    return [
        (str(target_group), block.reset_index(drop=True))
        for target_group, block in frame.groupby("target_group", sort=False)
    ]


def document_quote(notes: str, starts_with: str) -> str | None:
    """A quotation »…« from a dataset's notes that starts with ``starts_with``."""
    match = re.search(r"»(" + re.escape(starts_with) + r"[^«]*)«", notes)
    return match.group(1) if match else None


def migration_sentence(block: pd.DataFrame, none_meaning: str | None) -> str:
    """For one target group: the largest previous group and the share with »Ingen«."""
    target_group = str(block["target_group"].iloc[0])
    total = float(block["total"].iloc[0])
    top = block.iloc[0]
    sentence = f"**{target_group}**: {format_number(total)} forløb oprettet."
    if bool(top["is_none"]):
        sentence += (
            f" Flest ({format_number(top['value'])}, {format_percent(top['share'])}) havde "
            f"forrige målgruppe »{NONE_CATEGORY}«."
        )
    else:
        sentence += (
            f" Flest kom fra »{top['previous_target_group']}« "
            f"({format_number(top['value'])}, {format_percent(top['share'])})."
        )
        none_rows = block[block["is_none"]]
        if not none_rows.empty:
            none_row = none_rows.iloc[0]
            sentence += (
                f" {format_number(none_row['value'])} ({format_percent(none_row['share'])}) "
                f"havde forrige målgruppe »{NONE_CATEGORY}«."
            )
    if none_meaning and block["is_none"].any():
        sentence += f" Dokumentet bemærker: »{none_meaning}«."
    return sentence
