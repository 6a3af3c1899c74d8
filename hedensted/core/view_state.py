"""The comparison a viewer picks (areas, reference, groups, sort), to and from the URL.

Pure functions, so the rules are tested without Streamlit: unknown values in a
copied link are dropped, Hedensted is always shown, and a missing or unknown
reference falls back to the default. Values are written with the one URL codec
(``hedensted.core.url_codec``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from hedensted.core.constants import DEFAULT_REFERENCE, HEDENSTED
from hedensted.core.url_codec import join_list, split_list

# Query-parameter names, shared by every page with comparison controls.
PARAM_AREAS = "omraader"
PARAM_REFERENCE = "reference"
PARAM_GROUPS = "grupper"
PARAM_SORT = "sortering"
COMPARISON_PARAMS = (PARAM_AREAS, PARAM_REFERENCE, PARAM_GROUPS, PARAM_SORT)


class SortOrder(StrEnum):
    """How categories (benefit groups, target groups) are ordered in charts."""

    SOURCE = "kilde"  # as in the source document
    DIFFERENCE = "forskel"  # Hedensted's difference to the reference, largest first
    VALUE = "vaerdi"  # Hedensted's value, largest first


SORT_LABELS = {
    SortOrder.SOURCE: "Som i kilden",
    SortOrder.DIFFERENCE: "Største forskel først",
    SortOrder.VALUE: "Største værdi først",
}


@dataclass(frozen=True)
class ComparisonOptions:
    """What can be chosen on a page."""

    areas: tuple[str, ...]
    groups: tuple[str, ...] = ()
    default_areas: tuple[str, ...] = ()
    default_reference: str = DEFAULT_REFERENCE

    def __post_init__(self) -> None:
        if HEDENSTED not in self.areas:
            raise ValueError("Hedensted skal være blandt de mulige områder.")
        if self.default_reference not in self.areas or self.default_reference == HEDENSTED:
            raise ValueError(
                f"Standardsammenligningen '{self.default_reference}' er ikke et muligt område."
            )


@dataclass(frozen=True)
class ComparisonChoice:
    """What the viewer chose; ``areas`` always starts with Hedensted."""

    areas: tuple[str, ...]
    reference: str
    groups: tuple[str, ...]
    sort: SortOrder


def _with_hedensted_first(areas: Sequence[str], options: ComparisonOptions) -> tuple[str, ...]:
    ordered = [area for area in options.areas if area in set(areas) and area != HEDENSTED]
    return (HEDENSTED, *ordered)


def default_choice(options: ComparisonOptions) -> ComparisonChoice:
    """The view a page opens with when the URL says nothing."""
    areas = options.default_areas or options.areas
    return ComparisonChoice(
        areas=_with_hedensted_first(areas, options),
        reference=options.default_reference,
        groups=tuple(options.groups),
        sort=SortOrder.SOURCE,
    )


def choice_from_params(
    params: Mapping[str, str | Sequence[str]], options: ComparisonOptions
) -> ComparisonChoice:
    """Read a choice from URL query parameters, ignoring what is not a valid option."""
    default = default_choice(options)
    areas = [a for a in split_list(params.get(PARAM_AREAS)) if a in options.areas]
    reference_values = split_list(params.get(PARAM_REFERENCE))
    reference = reference_values[0] if reference_values else default.reference
    if reference not in options.areas or reference == HEDENSTED:
        reference = default.reference
    raw_groups = split_list(params.get(PARAM_GROUPS))
    groups = [g for g in raw_groups if g in options.groups]
    # A link may deliberately choose no groups ("grupper=" present and empty).
    no_groups_chosen = PARAM_GROUPS in params and not raw_groups
    sort_values = split_list(params.get(PARAM_SORT))
    try:
        sort = SortOrder(sort_values[0]) if sort_values else default.sort
    except ValueError:
        sort = default.sort
    return ComparisonChoice(
        areas=_with_hedensted_first(areas, options) if areas else default.areas,
        reference=reference,
        groups=()
        if no_groups_chosen
        else tuple(g for g in options.groups if g in set(groups)) or default.groups,
        sort=sort,
    )


def choice_to_params(choice: ComparisonChoice, options: ComparisonOptions) -> dict[str, str]:
    """Query parameters that reopen the same view (defaults are left out)."""
    default = default_choice(options)
    params: dict[str, str] = {}
    if choice.areas != default.areas:
        params[PARAM_AREAS] = join_list(choice.areas)
    if choice.reference != default.reference:
        params[PARAM_REFERENCE] = choice.reference
    if choice.groups != default.groups:
        params[PARAM_GROUPS] = join_list(choice.groups)
    if choice.sort != default.sort:
        params[PARAM_SORT] = choice.sort.value
    return params


def make_choice(
    areas: Sequence[str],
    reference: str,
    groups: Sequence[str],
    sort: SortOrder | str,
    options: ComparisonOptions,
) -> ComparisonChoice:
    """Build a valid choice from widget values (Hedensted added, order as options)."""
    if reference not in options.areas or reference == HEDENSTED:
        raise ValueError(f"'{reference}' kan ikke bruges som sammenligningsområde.")
    unknown = [a for a in areas if a not in options.areas]
    if unknown:
        raise ValueError(f"Ukendte områder: {unknown}.")
    return ComparisonChoice(
        areas=_with_hedensted_first(areas, options),
        reference=reference,
        groups=tuple(g for g in options.groups if g in set(groups)),
        sort=SortOrder(sort),
    )
