"""Young people ("Unge"): the youth unit's offers, apprentices, outcomes and goals.

Pure functions behind the "Unge" page: filtering the offers catalogue by age,
place and free text; the published totals next to the sum of their parts; the
comparison of uddannelseshjælp between areas; the status of the youth goals;
and the headline figures (KPI tiles) with their computed sentences.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import pandas as pd

from hedensted.catalog import Catalog, Dataset
from hedensted.formatting import (
    MISSING_TEXT,
    format_compact,
    format_number,
    format_percent,
    format_points,
)
from hedensted.kpis import Kpi
from hedensted.outcomes import JOB_AND_EDUCATION, share_ended_to
from hedensted.periods import parse_period, period_label
from hedensted.quality import TotalDifference, total_differences
from hedensted.view_state import ComparisonChoice, SortOrder

HEDENSTED = "Hedensted"
EDUCATION_BENEFIT = "Uddannelseshjælp"
DURATION_GROUPS: tuple[str, ...] = ("Uddannelseshjælp, aktivitetsparat", "Alle uddannelsesparate")
APPRENTICE_PROJECT = "Uddannelsesambassadører"
FRIKORT_PROJECT_ID = "socialt_frikort"
FRIKORT_LINE_MARK = "Social Frikort"  # how the target-number lines spell the project
DISCUSSION_THEMES: tuple[str, ...] = ("Livslang læring", "Unge")
NO_AGE_TEXT = "alder ikke angivet"
NO_TARGET_TEXT = "intet måltal"
MIN_AGE, MAX_AGE = 0, 120
SEARCHED_COLUMNS: tuple[str, ...] = ("offer", "description", "target_group", "place")

# ---------------------------------------------------------------------------
# The offers catalogue
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class OfferSelection:
    """Offers after filtering.

    ``matching``: offers whose age range covers the chosen age (all offers that
    pass the place and text filters when no age is chosen). ``without_age``:
    offers that pass the place and text filters but whose age the source does
    not give – shown apart, never counted as a match. ``total``: all offers.
    """

    matching: pd.DataFrame
    without_age: pd.DataFrame
    total: int
    age: int | None

    @property
    def shown(self) -> int:
        return len(self.matching) + len(self.without_age)


def _check_offer_columns(offers: pd.DataFrame) -> None:
    needed = ["place", "offer", "description", "target_group", "age_min", "age_max"]
    missing = [c for c in needed if c not in offers.columns]
    if missing:
        raise ValueError(f"Tilbudslisten mangler kolonnerne {missing}.")


def _is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


def age_range_label(age_min: float | None, age_max: float | None) -> str:
    """Danish label of an offer's age range (both bounds included).

    ``15, 18`` → ``15–18 år``; ``None, 24`` → ``til og med 24 år``;
    ``18, None`` → ``fra 18 år``; no bounds → ``alder ikke angivet``.
    """
    low = None if _is_missing(age_min) else int(age_min)  # type: ignore[arg-type]
    high = None if _is_missing(age_max) else int(age_max)  # type: ignore[arg-type]
    if low is not None and high is not None:
        if low > high:
            raise ValueError(f"Aldersgrænserne er byttet om: fra {low} til {high} år.")
        return f"{low}–{high} år"
    if high is not None:
        return f"til og med {high} år"
    if low is not None:
        return f"fra {low} år"
    return NO_AGE_TEXT


def has_age(offers: pd.DataFrame) -> pd.Series:
    """True for offers with at least one age bound in the source."""
    _check_offer_columns(offers)
    return offers["age_min"].notna() | offers["age_max"].notna()


def covers_age(offers: pd.DataFrame, age: int) -> pd.Series:
    """True where an offer's age range includes ``age`` (bounds included).

    An offer with only an upper bound ("under 25" stored as 24) covers every age
    up to it; one with only a lower bound every age from it. An offer without
    any age is never a match (see :func:`has_age`).
    """
    _check_age(age)
    _check_offer_columns(offers)
    low_ok = offers["age_min"].isna() | (offers["age_min"] <= age)
    high_ok = offers["age_max"].isna() | (offers["age_max"] >= age)
    return has_age(offers) & low_ok & high_ok


def _check_age(age: object) -> None:
    if isinstance(age, bool) or not isinstance(age, int) or not MIN_AGE <= age <= MAX_AGE:
        raise ValueError(f"Alderen skal være et helt tal mellem {MIN_AGE} og {MAX_AGE} år.")


def age_bounds(offers: pd.DataFrame) -> tuple[int, int]:
    """Youngest and oldest age any offer names (for the age slider)."""
    _check_offer_columns(offers)
    bounds = pd.concat([offers["age_min"], offers["age_max"]]).dropna()
    if bounds.empty:
        raise ValueError("Ingen af tilbuddene har en alder i kilden.")
    return int(bounds.min()), int(bounds.max())


def most_covered_age(offers: pd.DataFrame) -> int:
    """The age covered by the most offers (the youngest if several tie)."""
    low, high = age_bounds(offers)
    counts = {age: int(covers_age(offers, age).sum()) for age in range(low, high + 1)}
    return max(counts, key=lambda age: (counts[age], -age))


def offer_places(offers: pd.DataFrame) -> list[str]:
    """The places in the catalogue, in source order."""
    _check_offer_columns(offers)
    return list(dict.fromkeys(offers["place"]))


def _normalise(text: str) -> str:
    return re.sub(r"[‐‑‒–—-]", "-", str(text).casefold())


def matches_text(offers: pd.DataFrame, search: str) -> pd.Series:
    """True where every word of ``search`` occurs in the offer's name, text, target group or place.

    Case-insensitive; dashes of all kinds count as the same. An empty search matches all.
    """
    _check_offer_columns(offers)
    words = _normalise(search).split()
    haystack = offers[list(SEARCHED_COLUMNS)].fillna("").astype(str).agg(" ".join, axis=1)
    haystack = haystack.map(_normalise)
    result = pd.Series(True, index=offers.index)
    for word in words:
        result &= haystack.str.contains(word, regex=False)
    return result


def filter_offers(
    offers: pd.DataFrame,
    age: int | None = None,
    places: Sequence[str] = (),
    search: str = "",
) -> OfferSelection:
    """Filter the offers by age, place and free text.

    ``age=None`` applies no age filter. An empty ``places`` means all places.
    Offers without an age in the source are returned in ``without_age`` when an
    age is chosen, so the page can show them apart ("alder ikke angivet").

    Raises ``ValueError`` for an age outside 0–120 or an unknown place.
    """
    _check_offer_columns(offers)
    known = offer_places(offers)
    unknown = [p for p in places if p not in known]
    if unknown:
        raise ValueError(f"Ukendte steder: {unknown}. Mulige steder: {known}.")
    keep = matches_text(offers, search)
    if places:
        keep &= offers["place"].isin(list(places))
    kept = offers[keep]
    if age is None:
        return OfferSelection(
            matching=kept.reset_index(drop=True),
            without_age=kept.iloc[0:0].reset_index(drop=True),
            total=len(offers),
            age=None,
        )
    matching = kept[covers_age(kept, age)]
    without_age = kept[~has_age(kept)]
    return OfferSelection(
        matching=matching.reset_index(drop=True),
        without_age=without_age.reset_index(drop=True),
        total=len(offers),
        age=age,
    )


def with_age_labels(offers: pd.DataFrame) -> pd.DataFrame:
    """The offers with an ``age_label`` column (for cards and tables)."""
    _check_offer_columns(offers)
    labelled = offers.copy()
    labelled["age_label"] = [
        age_range_label(low, high)
        for low, high in zip(offers["age_min"], offers["age_max"], strict=True)
    ]
    return labelled


def selection_summary(selection: OfferSelection, places: Sequence[str], search: str) -> str:
    """One Danish sentence saying what the filters show."""
    parts = []
    if selection.age is not None:
        parts.append(f"dækker en alder på {selection.age} år")
    if places:
        parts.append("ligger på " + " eller ".join(places))
    if search.strip():
        parts.append(f"indeholder »{search.strip()}«")
    matched = len(selection.matching)
    noun = "tilbud"
    if not parts:
        return f"Viser alle {format_number(selection.total)} {noun}."
    joined = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " og " + parts[-1]
    sentence = f"{format_number(matched)} af {format_number(selection.total)} {noun} {joined}."
    if selection.age is not None and len(selection.without_age):
        sentence += (
            f" {format_number(len(selection.without_age))} tilbud uden alder i kilden "
            "vises for sig nedenfor."
        )
    return sentence


# ---------------------------------------------------------------------------
# Published totals and their parts
# ---------------------------------------------------------------------------


def total_and_parts(dataset: Dataset) -> TotalDifference:
    """The dataset's (single) published total next to the sum of its parts.

    Raises ``ValueError`` if the dataset declares no total or has no total row.
    """
    differences = total_differences(dataset)
    if not differences:
        raise ValueError(f"Datasættet '{dataset.id}' har ingen offentliggjort total.")
    return differences[0]


def total_sentence(item: TotalDifference, parts_name: str) -> str:
    """``»Tilbud i alt« er offentliggjort som 141; tilbudstyperne summer til 140.``"""
    published = format_compact(item.published_total)
    summed = format_compact(item.sum_of_parts)
    if not item.differs:
        return f"»{item.total_label}« er {published}, lig med summen af {parts_name}."
    return (
        f"»{item.total_label}« er offentliggjort som {published}, men {parts_name} summer "
        f"til {summed} (forskel {format_compact(item.difference)}). Begge tal vises som "
        "offentliggjort."
    )


def trade_list(trades: pd.DataFrame) -> pd.DataFrame:
    """The trades of the apprentices, once each, with how often the list names them.

    Uses the corrected spelling (``trade_clean``), in the order of first mention.
    Returns ``trade``, ``mentions`` and ``spelled_in_source`` (the published
    spellings, where they differ from the corrected one).
    """
    for column in ("trade", "trade_clean", "position"):
        if column not in trades.columns:
            raise ValueError(f"Faglisten mangler kolonnen '{column}'.")
    ordered = trades.sort_values("position", kind="stable")
    rows = []
    for trade, block in ordered.groupby("trade_clean", sort=False):
        published = [t for t in dict.fromkeys(block["trade"]) if t != trade]
        rows.append(
            {
                "trade": trade,
                "mentions": len(block),
                "spelled_in_source": "; ".join(published),
            }
        )
    return pd.DataFrame(rows, columns=["trade", "mentions", "spelled_in_source"])


def trade_lines(trades: pd.DataFrame) -> list[str]:
    """``Bygningsmalerlærling (2 gange)`` for each trade, in the order of first mention."""
    listed = trade_list(trades)
    return [
        f"{row['trade']} ({format_number(row['mentions'])} gange)"
        if row["mentions"] > 1
        else row["trade"]
        for _, row in listed.iterrows()
    ]


def spelling_note(trades: pd.DataFrame) -> str | None:
    """``Stavning rettet: Kokkelev → Kokkeelev; …`` (None if nothing was corrected)."""
    listed = trade_list(trades)
    fixes = [
        f"{row['spelled_in_source']} → {row['trade']}"
        for _, row in listed.iterrows()
        if row["spelled_in_source"]
    ]
    if not fixes:
        return None
    return "Åbenlyse stavefejl er rettet (kildens stavemåde → her): " + "; ".join(fixes) + "."


def trade_list_note(trades: pd.DataFrame, total: TotalDifference) -> str:
    """Say how the list of trades relates to the number of apprentices."""
    entries = len(trades)
    distinct = trades["trade_clean"].nunique()
    published = format_compact(total.published_total)
    sentence = (
        f"Listen har {format_number(entries)} poster ({format_number(distinct)} forskellige fag)"
    )
    if entries < total.published_total:
        return (
            f"{sentence}, mens der er {published} voksenlærlinge i alt – den er altså ikke "
            "en fuld optælling, og fagene hører ikke til en bestemt aldersgruppe."
        )
    return f"{sentence} for {published} voksenlærlinge i alt."


def footnotes(frame: pd.DataFrame, label_column: str, note_column: str = "note") -> list[str]:
    """``»Tilbud uden for LAB«: Fx …`` for every row with a footnote in the source."""
    rows = frame[frame[note_column].fillna("").astype(str).str.strip() != ""]
    return [f"»{row[label_column]}«: {row[note_column]}" for _, row in rows.iterrows()]


def youth_focus_areas(strategy: pd.DataFrame) -> pd.DataFrame:
    """Focus areas and strategic goals of the strategy that are about young people."""
    rows = strategy[strategy["text"].str.contains(r"\bunge\b", case=False, regex=True)]
    if rows.empty:
        raise ValueError("Strategien har ingen fokusområder om unge.")
    return rows.reset_index(drop=True)


# ---------------------------------------------------------------------------
# Comparison of uddannelseshjælp between areas
# ---------------------------------------------------------------------------


def comparison_areas(*frames: pd.DataFrame) -> tuple[str, ...]:
    """All areas in the frames, in order of first appearance, Hedensted included."""
    areas: dict[str, None] = {}
    for frame in frames:
        if "area" not in frame.columns:
            raise ValueError("Tabellen mangler kolonnen 'area'.")
        areas.update(dict.fromkeys(frame["area"]))
    if HEDENSTED not in areas:
        raise ValueError("Hedensted findes ikke i tabellerne.")
    return tuple(areas)


def shown_areas(choice: ComparisonChoice) -> list[str]:
    """The chosen areas (Hedensted first) with the reference added if not chosen."""
    areas = list(choice.areas)
    if choice.reference not in areas:
        areas.append(choice.reference)
    return areas


def split_available(frame: pd.DataFrame, areas: Sequence[str]) -> tuple[list[str], list[str]]:
    """``(areas in the table, areas not in it)``, both in the given order."""
    present = set(frame["area"])
    return [a for a in areas if a in present], [a for a in areas if a not in present]


def missing_areas_note(missing: Sequence[str]) -> str | None:
    """Danish note for chosen areas a table does not have (None if there are none)."""
    if not missing:
        return None
    return f"Kildematerialet har ikke tal for {' og '.join(missing)} i denne tabel."


def education_benefit_status(status: pd.DataFrame) -> pd.DataFrame:
    """Rows of the status table for uddannelseshjælp."""
    rows = status[status["target_group"] == EDUCATION_BENEFIT]
    if rows.empty:
        raise ValueError("Statustabellen har ingen rækker for uddannelseshjælp.")
    return rows.reset_index(drop=True)


def status_categories(status: pd.DataFrame) -> tuple[str, ...]:
    """The status categories of the uddannelseshjælp table, in source order."""
    return tuple(dict.fromkeys(education_benefit_status(status)["category"]))


def job_education_shares(
    status: pd.DataFrame, published: pd.DataFrame, areas: Sequence[str]
) -> pd.DataFrame:
    """Share ended to job or education for uddannelseshjælp, per area.

    ``share`` is computed from the table (Lønmodtagerbeskæftigelse + Uddannelse);
    ``published`` and ``statement`` are the document's own statement where it
    makes one (NaN / empty otherwise). Areas not in the table are left out.
    """
    shares = share_ended_to(education_benefit_status(status), JOB_AND_EDUCATION)
    statements = published[published["target_group"] == EDUCATION_BENEFIT].drop_duplicates(
        subset=["area"]
    )[["area", "value", "statement"]]
    merged = shares.merge(
        statements.rename(columns={"value": "published"}), on="area", how="left"
    ).fillna({"statement": ""})
    present, _ = split_available(merged, areas)
    order = {area: i for i, area in enumerate(present)}
    chosen = merged[merged["area"].isin(present)].copy()
    chosen["_order"] = chosen["area"].map(order)
    return chosen.sort_values("_order").drop(columns="_order").reset_index(drop=True)


def chart_rows(
    frame: pd.DataFrame,
    areas: Sequence[str],
    column: str | None = None,
    values: Sequence[str] = (),
) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Rows of the chosen areas (and values of ``column``) for a chart.

    Returns ``(rows in area order, areas present, areas the table lacks)``.
    """
    present, missing = split_available(frame, areas)
    rows = frame[frame["area"].isin(present)]
    if column is not None:
        unknown = [v for v in values if v not in set(frame[column])]
        if unknown:
            raise ValueError(f"Ukendte værdier i '{column}': {unknown}.")
        rows = rows[rows[column].isin(list(values))]
    order = {area: i for i, area in enumerate(present)}
    rows = rows.assign(_order=rows["area"].map(order))
    rows = rows.sort_values("_order", kind="stable").drop(columns="_order")
    return rows.reset_index(drop=True), present, missing


def job_education_sentence(status: pd.DataFrame, reference: str) -> str:
    """Hedensted's share ended to job or education compared with the reference, in Danish."""
    shares = share_ended_to(education_benefit_status(status), JOB_AND_EDUCATION)
    return comparison_sentence(
        shares.rename(columns={"share": "value"}),
        reference,
        "Til lønmodtagerbeskæftigelse eller uddannelse",
        "%",
        "lavere end",
        "højere end",
    )


def sort_categories(
    frame: pd.DataFrame,
    order: SortOrder,
    reference: str,
    category: str = "category",
) -> list[str]:
    """Categories ordered as chosen: as in the source, by Hedensted's value, or by difference.

    ``DIFFERENCE`` orders by the size of Hedensted's difference to ``reference``
    (largest first, either sign); ``VALUE`` by Hedensted's value, largest first.
    Categories without a value for Hedensted (or the reference) come last; if the
    table has no figures for the reference at all, the source order is kept.
    """
    source_order = list(dict.fromkeys(frame[category]))
    if order is SortOrder.SOURCE:
        return source_order
    values = frame[frame["area"] == HEDENSTED].drop_duplicates(category).set_index(category)
    if values.empty:
        raise ValueError("Hedensted findes ikke i tabellen.")
    key = values["value"]
    if order is SortOrder.DIFFERENCE:
        ref = frame[frame["area"] == reference].drop_duplicates(category).set_index(category)
        if ref.empty:  # the table has no figures for the reference: keep the source order
            return source_order
        key = (values["value"] - ref["value"].reindex(values.index)).abs()
    position = {name: i for i, name in enumerate(source_order)}
    return sorted(
        source_order,
        key=lambda name: (
            pd.isna(key.get(name)),
            -(0.0 if pd.isna(key.get(name)) else float(key.get(name))),
            position[name],
        ),
    )


def _value_of(frame: pd.DataFrame, area: str, **filters: str) -> float | None:
    mask = frame["area"] == area
    for column, wanted in filters.items():
        mask &= frame[column] == wanted
    rows = frame.loc[mask, "value"]
    if rows.empty or pd.isna(rows.iloc[0]):
        return None
    return float(rows.iloc[0])


def comparison_sentence(
    frame: pd.DataFrame,
    reference: str,
    subject: str,
    unit: str,
    lower_word: str,
    higher_word: str,
    decimals: int = 1,
    **filters: str,
) -> str:
    """``Hedensted: 123,7 uger – 22,0 uger kortere end RAR Østjylland (145,7 uger).``

    ``unit`` is ``%`` (differences in pct.-point) or a word such as ``uger``.
    Says so when the source has no value for Hedensted or the reference.
    """

    def show(value: float) -> str:
        if unit == "%":
            return format_percent(value, decimals)
        return f"{format_number(value, decimals)} {unit}"

    def gap(value: float) -> str:
        if unit == "%":
            return format_points(value, decimals, signed=False)
        return f"{format_number(value, decimals)} {unit}"

    own = _value_of(frame, HEDENSTED, **filters)
    if own is None:
        return f"{subject}: kildematerialet har ikke tallet for Hedensted."
    other = _value_of(frame, reference, **filters)
    if other is None:
        return f"{subject}: Hedensted {show(own)}. Kildematerialet har ikke tallet for {reference}."
    delta = round(own - other, 6)
    if round(delta, decimals) == 0:
        return f"{subject}: Hedensted og {reference} har begge {show(own)}."
    word = lower_word if delta < 0 else higher_word
    return (
        f"{subject}: Hedensted {show(own)} – {gap(abs(delta))} {word} {reference} ({show(other)})."
    )


# ---------------------------------------------------------------------------
# Goals and their status
# ---------------------------------------------------------------------------


def _with_unit(value: float, unit: str) -> str:
    number = format_compact(value)
    if not unit:
        return number
    separator = "\N{NO-BREAK SPACE}" if unit.startswith("%") else " "
    return f"{number}{separator}{unit}"


def target_text(value: float | None, unit: str, comparator: str = "") -> str:
    """``15, 'uddannelsesløft', 'mindst'`` → ``mindst 15 uddannelsesløft``."""
    if _is_missing(value):
        return NO_TARGET_TEXT
    text = _with_unit(float(value), unit)  # type: ignore[arg-type]
    words = {
        "mindst": "mindst",
        "højst": "højst",
        "reduktion": "fald på",
        "stigning": "stigning på",
    }
    prefix = words.get(comparator, "")
    return f"{prefix} {text}".strip()


def _deadline_end(deadline: str) -> date | None:
    try:
        return parse_period(deadline).end
    except ValueError:
        return None


def apprentice_goals_2019(goals: pd.DataFrame, status_date: date) -> pd.DataFrame:
    """The Uddannelsesambassadører goals (2019) with the status the document gives.

    ``status_date`` is when the status was given (the meeting). A status given
    before the goal's deadline is an interim status; it is shown next to the
    goal, not counted as the goal being met or missed.

    Returns ``goal``, ``target``, ``deadline``, ``status``, ``status_text`` and
    ``assessment`` (all text).
    """
    rows = goals[goals["project"] == APPRENTICE_PROJECT]
    if rows.empty:
        raise ValueError(f"Målene for »{APPRENTICE_PROJECT}« findes ikke i tabellen.")
    result = []
    for _, row in rows.iterrows():
        end = _deadline_end(str(row["deadline"])) if row["deadline"] else None
        has_status = not _is_missing(row["status_value"])
        if not has_status:
            assessment = "Ingen status i kildematerialet."
        elif end is not None and status_date < end:
            assessment = (
                f"Mellemstatus: opgjort før fristen ({period_label(str(row['deadline']))})."
            )
        else:
            assessment = _met_or_missed(
                float(row["status_value"]), float(row["target_value"]), row["comparator"]
            )
        result.append(
            {
                "goal": row["goal"],
                "target": target_text(row["target_value"], row["target_unit"], row["comparator"]),
                "deadline": period_label(str(row["deadline"])) if row["deadline"] else MISSING_TEXT,
                "status": format_compact(row["status_value"]) if has_status else MISSING_TEXT,
                "status_text": row["status_text"] or MISSING_TEXT,
                "assessment": assessment,
            }
        )
    return pd.DataFrame(result)


def apprentice_goal_overview(
    goals: pd.DataFrame, status_date: date
) -> tuple[list[tuple[str, str | None]], pd.DataFrame]:
    """``([(goal text as written, note)], goals with a target number)``.

    Each text is listed once (the document states two targets in one sentence);
    the note says so for a goal without a target number (None otherwise).
    """
    rows = apprentice_goals_2019(goals, status_date)
    with_target = rows["target"] != NO_TARGET_TEXT
    texts: dict[str, str | None] = {}
    for _, row in rows.iterrows():
        if row["target"] == NO_TARGET_TEXT:
            texts[row["goal"]] = f"Intet måltal. {row['assessment']}"
        else:
            texts.setdefault(row["goal"], None)
    return list(texts.items()), rows[with_target].reset_index(drop=True)


def _met_or_missed(actual: float, target: float, comparator: str) -> str:
    if comparator == "højst":
        return "Nået." if actual <= target else "Ikke nået."
    return "Nået." if actual >= target else "Ikke nået."


def actual_assessment(actual: float | None, target: float | None, unit: str) -> str:
    """How an actual share compares with its goal (higher is better), in Danish."""
    if _is_missing(actual):
        return "Intet aktuelt tal i kildematerialet."
    if _is_missing(target):
        return "Intet måltal at sammenligne med."
    gap = round(float(actual) - float(target), 6)  # type: ignore[arg-type]
    points = "pct.-point" if unit.startswith("%") else unit
    if gap < 0:
        return f"{format_compact(-gap)} {points} under målet på {_with_unit(target, unit)}."
    if gap > 0:
        return f"{format_compact(gap)} {points} over målet på {_with_unit(target, unit)}."
    return f"Lig med målet på {_with_unit(target, unit)}."


@dataclass(frozen=True)
class GoalActual:
    """A goal for which the source also gives an actual figure."""

    indicator: str
    goal: str
    target_value: float
    target_unit: str
    target_year: int | None
    actual_value: float
    actual_note: str

    @property
    def gap(self) -> float:
        """Actual minus target (negative: below the goal)."""
        return round(self.actual_value - self.target_value, 6)

    @property
    def actual_text(self) -> str:
        return _with_unit(self.actual_value, "%" if self.target_unit.startswith("%") else "")

    @property
    def target_label(self) -> str:
        year = f" ({self.target_year})" if self.target_year else ""
        return f"mål {_with_unit(self.target_value, self.target_unit)}{year}"

    @property
    def gap_text(self) -> str:
        if self.target_unit.startswith("%"):
            return f"{format_points(self.gap, decimals=0)} vs. {self.target_label}"
        return f"{format_number(self.gap, signed=True)} vs. {self.target_label}"


def goals_with_actual(youth_goals: pd.DataFrame) -> list[GoalActual]:
    """The youth goals that have a published actual figure (e.g. 87 % against 91 %)."""
    rows = youth_goals[youth_goals["actual_value"].notna()]
    return [
        GoalActual(
            indicator=row["indicator"],
            goal=row["goal"],
            target_value=float(row["target_value"]),
            target_unit=row["target_unit"],
            target_year=None if _is_missing(row["target_year"]) else int(row["target_year"]),
            actual_value=float(row["actual_value"]),
            actual_note=row["actual_note"],
        )
        for _, row in rows.iterrows()
    ]


def youth_goals_2017(youth_goals: pd.DataFrame, result_goals: pd.DataFrame) -> pd.DataFrame:
    """The youth goals of Beskæftigelsesplan 2017 with the published actual where there is one.

    From the youth goals (2016–2018) every row; from the local result goals for
    2017 those about young people: the early effort (youth education) and
    kontanthjælp/uddannelseshjælp. Returns ``indicator``, ``goal``, ``year``,
    ``target``, ``actual`` and ``assessment`` (all text).
    """
    rows = []
    for _, row in youth_goals.iterrows():
        year = "" if _is_missing(row["target_year"]) else str(int(row["target_year"]))
        has_actual = not _is_missing(row["actual_value"])
        rows.append(
            {
                "indicator": row["indicator"],
                "goal": row["goal"],
                "year": year or MISSING_TEXT,
                "target": target_text(row["target_value"], row["target_unit"]),
                "actual": (
                    f"{_with_unit(row['actual_value'], '%')} (»{row['actual_note']}«, uden dato)"
                    if has_actual
                    else MISSING_TEXT
                ),
                "summary": (
                    f"{target_text(row['target_value'], row['target_unit'])} · aktuelt tal "
                    f"{_with_unit(row['actual_value'], '%')} (uden dato)"
                    if has_actual
                    else target_text(row["target_value"], row["target_unit"])
                ),
                "assessment": (
                    actual_assessment(row["actual_value"], row["target_value"], row["target_unit"])
                    if has_actual
                    else "Intet aktuelt tal i kildematerialet."
                ),
            }
        )
    young = result_goals[
        (result_goals["section"] == "Den tidlige indsats")
        | result_goals["benefit"].str.contains("uddannelseshjælp", case=False, regex=False)
    ]
    for _, row in young.iterrows():
        rows.append(
            {
                "indicator": row["benefit"] or row["section"],
                "goal": row["goal"],
                "year": str(row["period"]),
                "target": target_text(row["target_value"], row["target_unit"]),
                "actual": MISSING_TEXT,
                "summary": target_text(row["target_value"], row["target_unit"]),
                "assessment": "Intet aktuelt tal i kildematerialet.",
            }
        )
    if not rows:
        raise ValueError("Der er ingen mål for unge i tabellerne.")
    return pd.DataFrame(rows)


def goals_by_indicator(goals: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """The rows of :func:`youth_goals_2017` grouped by indicator, in source order."""
    return [
        (str(indicator), block.reset_index(drop=True))
        for indicator, block in goals.groupby("indicator", sort=False)
    ]


# ---------------------------------------------------------------------------
# The investment project "Unge i job med Socialt Frikort"
# ---------------------------------------------------------------------------


def project_description(projects: pd.DataFrame, project_id: str = FRIKORT_PROJECT_ID) -> dict:
    """One project's name, target group, purpose and focus areas."""
    rows = projects[projects["project_id"] == project_id]
    if rows.empty:
        raise ValueError(f"Projektet '{project_id}' findes ikke i tabellen.")
    return rows.iloc[0].to_dict()


def frikort_indicators(indicators: pd.DataFrame) -> pd.DataFrame:
    """The Socialt Frikort status form: indicators with baseline and (empty) targets.

    Adds ``baseline_label`` (the baseline's month, e.g. ``jan. 2024``).
    """
    rows = indicators[indicators["project_id"] == FRIKORT_PROJECT_ID].copy()
    if rows.empty:
        raise ValueError("Statusskemaet for Socialt Frikort findes ikke i tabellen.")
    rows["baseline_label"] = [
        period_label(code) if code else MISSING_TEXT for code in rows["baseline_date"]
    ]
    return rows.reset_index(drop=True)


def frikort_baselines(indicators: pd.DataFrame) -> pd.DataFrame:
    """Only the Socialt Frikort indicators that have a baseline figure."""
    rows = frikort_indicators(indicators)
    return rows[rows["baseline_value"].notna()].reset_index(drop=True)


def frikort_targets_empty(indicators: pd.DataFrame) -> bool:
    """True when the Socialt Frikort form has no target filled in (as in the source)."""
    rows = frikort_indicators(indicators)
    targets = rows[["target_2024_08", "target_2025_01", "target_2026_01"]]
    return bool(targets.isna().all().all())


def frikort_target_lines(target_numbers: pd.DataFrame) -> pd.DataFrame:
    """Lines of the investments' target numbers (full-time persons) for Socialt Frikort."""
    lines = target_numbers[
        target_numbers["line"].str.contains(FRIKORT_LINE_MARK, case=False, regex=False)
    ]
    if lines.empty:
        raise ValueError("Måltallene har ingen linjer for Socialt Frikort.")
    return lines.reset_index(drop=True)


def frikort_target_texts(lines: pd.DataFrame) -> list[str]:
    """``Kontanthjælp og uddannelseshjælp (»…«): +10 fuldtidspersoner`` per line."""
    return [
        f"{row['section']} (»{row['line']}«): "
        f"{format_number(row['value'], signed=True)} fuldtidspersoner"
        for _, row in lines.iterrows()
    ]


# ---------------------------------------------------------------------------
# Discussion points
# ---------------------------------------------------------------------------


def discussion_points(
    points: pd.DataFrame, themes: Sequence[str] = DISCUSSION_THEMES
) -> pd.DataFrame:
    """The thematic discussion's points, questions and quotes on the given themes.

    Themes the table does not have are skipped; raises ``ValueError`` if none is there.
    """
    rows = points[points["theme"].isin(list(themes))]
    if rows.empty:
        raise ValueError(f"Temadrøftelsen har ingen punkter om {list(themes)}.")
    return rows.reset_index(drop=True)


def split_quotes(points: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """``(points and questions, quotes)`` of discussion rows, each in source order."""
    is_quote = points["kind"] == "citat"
    return points[~is_quote].reset_index(drop=True), points[is_quote].reset_index(drop=True)


# ---------------------------------------------------------------------------
# KPI tiles
# ---------------------------------------------------------------------------


def apprentices_kpi(catalog: Catalog) -> Kpi:
    """Adult apprentices now (published total) with the sum of the age groups."""
    dataset = catalog.get("voksenlaerlinge_alder")
    item = total_and_parts(dataset)
    sentence = (
        f"{format_compact(item.published_total)} i voksenlære i alt ved temadrøftelsen "
        f"({dataset.metadata.period_label}); aldersgrupperne summer til "
        f"{format_compact(item.sum_of_parts)}."
    )
    return Kpi(
        label="Voksenlærlinge",
        value=item.published_total,
        value_text=format_compact(item.published_total),
        reference_area=None,
        reference_value=None,
        delta=None,
        delta_text=None,
        lower_is_better=False,
        period_label=dataset.metadata.period_label,
        dataset_ids=(dataset.id,),
        sentence=sentence,
    )


def under_18_kpi(catalog: Catalog) -> Kpi:
    """Offers in the ended courses for young people under 18 in 2023 (published total)."""
    dataset = catalog.get("unge_under_18_afsluttede_tilbud")
    item = total_and_parts(dataset)
    sentence = (
        f"»{item.total_label}« {format_compact(item.published_total)} i de afsluttede forløb "
        f"for unge under 18 i {dataset.metadata.period_label}; tilbudstyperne summer til "
        f"{format_compact(item.sum_of_parts)}."
    )
    return Kpi(
        label="Unge under 18: tilbud",
        value=item.published_total,
        value_text=format_compact(item.published_total),
        reference_area=None,
        reference_value=None,
        delta=None,
        delta_text=None,
        lower_is_better=False,
        period_label=dataset.metadata.period_label,
        dataset_ids=(dataset.id,),
        sentence=sentence,
    )


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
    base = dict(
        label="Uddannelseshjælp: job eller uddannelse",
        value=value,
        value_text=format_percent(value),
        lower_is_better=False,
        period_label=status.metadata.period_label,
        dataset_ids=(status.id, published.id),
    )
    subject = (
        f"{format_percent(value)} af de afsluttede forløb på uddannelseshjælp i Hedensted "
        "var i lønmodtagerbeskæftigelse eller uddannelse 1 måned efter"
    )
    if reference_area not in by_area.index:
        notes.append(f"Kildematerialet har ikke tallet for {reference_area}.")
        return Kpi(
            **base,
            reference_area=reference_area,
            reference_value=None,
            delta=None,
            delta_text=None,
            sentence=subject + ".",
            notes=tuple(notes),
        )
    reference = float(by_area[reference_area])
    delta = round(value - reference, 6)
    word = "lavere end" if delta < 0 else "højere end" if delta > 0 else "det samme som"
    return Kpi(
        **base,
        reference_area=reference_area,
        reference_value=reference,
        delta=delta,
        delta_text=f"{format_points(delta)} vs. {reference_area}",
        sentence=(
            f"{subject} – {format_points(abs(delta), signed=False)} {word} {reference_area} "
            f"({format_percent(reference)})."
        ),
        notes=tuple(notes),
    )


def education_benefit_fulltime_kpi(catalog: Catalog, reference_area: str) -> Kpi:
    """Uddannelseshjælp full-time persons as % of the labour force, vs the reference."""
    dataset = catalog.get("fuldtidspersoner_pct_arbejdsstyrke")
    frame = dataset.frame
    value = _value_of(frame, HEDENSTED, group=EDUCATION_BENEFIT)
    if value is None:
        raise ValueError("Tabellen har ikke uddannelseshjælp for Hedensted.")
    reference = _value_of(frame, reference_area, group=EDUCATION_BENEFIT)
    base = dict(
        label="Uddannelseshjælp i pct. af arbejdsstyrken",
        value=value,
        value_text=format_percent(value),
        lower_is_better=True,
        period_label=dataset.metadata.period_label,
        dataset_ids=(dataset.id,),
        reference_area=reference_area,
    )
    subject = (
        f"Fuldtidspersoner på uddannelseshjælp svarer til {format_percent(value)} af "
        "arbejdsstyrken i Hedensted"
    )
    if reference is None:
        return Kpi(
            **base,
            reference_value=None,
            delta=None,
            delta_text=None,
            sentence=subject + ".",
            notes=(f"Kildematerialet har ikke tallet for {reference_area}.",),
        )
    delta = round(value - reference, 6)
    if delta == 0:
        sentence = f"{subject} – det samme som {reference_area}."
    else:
        word = "lavere end" if delta < 0 else "højere end"
        sentence = (
            f"{subject} – {format_points(abs(delta), signed=False)} {word} {reference_area} "
            f"({format_percent(reference)})."
        )
    return Kpi(
        **base,
        reference_value=reference,
        delta=delta,
        delta_text=f"{format_points(delta)} vs. {reference_area}",
        sentence=sentence,
    )
