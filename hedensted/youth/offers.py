"""The youth unit's offers catalogue: filtering by age, place and free text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from hedensted.present.formatting import format_number

NO_AGE_TEXT = "alder ikke angivet"
MIN_AGE, MAX_AGE = 0, 120
SEARCHED_COLUMNS: tuple[str, ...] = ("offer", "description", "target_group", "place")


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


def age_range_label(age_min: float | None, age_max: float | None) -> str:
    """Danish label of an offer's age range (both bounds included).

    ``15, 18`` → ``15–18 år``; ``None, 24`` → ``til og med 24 år``;
    ``18, None`` → ``fra 18 år``; no bounds → ``alder ikke angivet``.
    """
    low = None if pd.isna(age_min) else int(age_min)
    high = None if pd.isna(age_max) else int(age_max)
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
