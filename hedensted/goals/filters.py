"""The Mål page's filter choice to and from the URL (pure, so the rules are tested).

Unknown values in a copied link are dropped; a year range outside the
register's deadlines is clipped; defaults are left out of the URL. Lists and
yes/no are written with the one URL codec (``hedensted.core.url_codec``); the
deadline range keeps its own ``2020-2024`` form, which existing links use.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hedensted.core.url_codec import decode_url_value, encode_url_value, join_list, split_list
from hedensted.goals.register import STATUS_ORDER, GoalFilter, GoalStatus

PARAM_THEMES = "tema"
PARAM_DOCUMENTS = "dokument"
PARAM_STATUSES = "status"
PARAM_YEARS = "frist"
PARAM_UNDATED = "uden_frist"
GOAL_PARAMS = (PARAM_THEMES, PARAM_DOCUMENTS, PARAM_STATUSES, PARAM_YEARS, PARAM_UNDATED)
# URL words for the statuses (no spaces).
STATUS_KEYS = {status: status.value.replace(" ", "-") for status in STATUS_ORDER}
# Links from before the judge had "ukendt" for what is now "kan ikke vurderes".
OLD_STATUS_KEYS = {"ukendt": GoalStatus.NOT_ASSESSABLE.value}


@dataclass(frozen=True)
class GoalFilterOptions:
    """What can be chosen: the register's themes, document keys and deadline years."""

    themes: tuple[str, ...]
    documents: tuple[str, ...]
    first_year: int
    last_year: int

    def __post_init__(self) -> None:
        if self.first_year > self.last_year:
            raise ValueError(
                f"Fristens første år ({self.first_year}) ligger efter det sidste "
                f"({self.last_year})."
            )


def _listed(text: str | None, allowed: tuple[str, ...]) -> tuple[str, ...]:
    chosen = split_list(text)
    return tuple(value for value in allowed if value in chosen)


def _years(text: str | None, options: GoalFilterOptions) -> tuple[int, int]:
    full = (options.first_year, options.last_year)
    first, _, last = (text or "").partition("-")
    try:
        start, end = int(first), int(last)
    except ValueError:
        return full
    if start > end:
        return full
    return max(start, options.first_year), min(end, options.last_year)


def filter_from_params(params: Mapping[str, str], options: GoalFilterOptions) -> GoalFilter:
    """The filter a link describes; anything unknown falls back to "all"."""
    status_by_key = {key: status.value for status, key in STATUS_KEYS.items()} | OLD_STATUS_KEYS
    statuses = [
        status_by_key[key] for key in split_list(params.get(PARAM_STATUSES)) if key in status_by_key
    ]
    return GoalFilter(
        themes=_listed(params.get(PARAM_THEMES), options.themes),
        documents=_listed(params.get(PARAM_DOCUMENTS), options.documents),
        statuses=tuple(s.value for s in STATUS_ORDER if s.value in statuses),
        years=_years(params.get(PARAM_YEARS), options),
        undated=decode_url_value(params.get(PARAM_UNDATED), True) is not False,
    )


def filter_to_params(choice: GoalFilter, options: GoalFilterOptions) -> dict[str, str]:
    """The URL query for a filter; parameters at their default are left out."""
    params: dict[str, str] = {}
    if choice.themes:
        params[PARAM_THEMES] = join_list(choice.themes)
    if choice.documents:
        params[PARAM_DOCUMENTS] = join_list(choice.documents)
    if choice.statuses:
        params[PARAM_STATUSES] = join_list(
            [STATUS_KEYS[GoalStatus(status)] for status in choice.statuses]
        )
    if choice.years is not None and choice.years != (options.first_year, options.last_year):
        params[PARAM_YEARS] = f"{choice.years[0]}-{choice.years[1]}"
    if not choice.undated:
        params[PARAM_UNDATED] = encode_url_value(False)

    return params


def _count_text(chosen: int, total: int, noun: str, all_text: str) -> str:
    return all_text if chosen in (0, total) else f"{chosen} af {total} {noun}"


def filter_summary(choice: GoalFilter, options: GoalFilterOptions) -> str:
    """The folded filter's label, in one line: »Alle temaer · alle dokumenter · alle
    statusser · frist 2016–2026 · med mål uden frist«."""
    first, last = choice.years or (options.first_year, options.last_year)
    parts = [
        ", ".join(choice.themes) if choice.themes else "Alle temaer",
        _count_text(len(choice.documents), len(options.documents), "dokumenter", "alle dokumenter"),
        _count_text(len(choice.statuses), len(STATUS_ORDER), "statusser", "alle statusser"),
        f"frist {first}" if first == last else f"frist {first}–{last}",
        "med mål uden frist" if choice.undated else "kun mål med frist",
    ]
    return " · ".join(parts)
