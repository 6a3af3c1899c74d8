"""The comparison a viewer picks (areas, reference, groups, sort), to and from the URL.

Pure functions, so the rules are tested without Streamlit: unknown values in a
copied link are dropped, Hedensted is always shown, and a missing or unknown
reference falls back to the default.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from hedensted.core.constants import DEFAULT_REFERENCE, HEDENSTED

LIST_SEPARATOR = ";"  # names such as "Kontanthjælp, jobparat" contain commas

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


def _as_list(raw: str | Sequence[str] | None) -> list[str]:
    if raw is None:
        return []
    if isinstance(raw, str):
        return [part.strip() for part in raw.split(LIST_SEPARATOR) if part.strip()]
    return [part for item in raw for part in _as_list(item)]


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
    areas = [a for a in _as_list(params.get(PARAM_AREAS)) if a in options.areas]
    reference_values = _as_list(params.get(PARAM_REFERENCE))
    reference = reference_values[0] if reference_values else default.reference
    if reference not in options.areas or reference == HEDENSTED:
        reference = default.reference
    raw_groups = _as_list(params.get(PARAM_GROUPS))
    groups = [g for g in raw_groups if g in options.groups]
    # A link may deliberately choose no groups ("grupper=" present and empty).
    no_groups_chosen = PARAM_GROUPS in params and not raw_groups
    sort_values = _as_list(params.get(PARAM_SORT))
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
        params[PARAM_AREAS] = LIST_SEPARATOR.join(choice.areas)
    if choice.reference != default.reference:
        params[PARAM_REFERENCE] = choice.reference
    if choice.groups != default.groups:
        params[PARAM_GROUPS] = LIST_SEPARATOR.join(choice.groups)
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


# --- Single controls in the URL ---------------------------------------------------------

UrlValue = str | int | bool | list[str] | tuple[int | str, ...]

PARAM_VIEW = "visning"
PRESENTATION_VIEW = "praesentation"
PARAM_SLIDE = "dias"
_TRUE, _FALSE = "ja", "nej"


def encode_url_value(value: UrlValue) -> str:
    """The query-parameter text of a control's value (lists joined by ``;``)."""
    if isinstance(value, bool):
        return _TRUE if value else _FALSE
    if isinstance(value, list | tuple):
        return LIST_SEPARATOR.join(str(item) for item in value)
    return str(value)


def decode_url_value(
    raw: str | None, default: UrlValue, allowed: Sequence[str | int] | None = None
) -> UrlValue:
    """A control's value read from the URL; ``default`` when absent or not valid.

    The default's type says how to read the text: ``bool``, ``int``, ``list``,
    ``tuple`` (a range: as many values, of its first element's type) or ``str``.
    With ``allowed``, values outside it are dropped (lists) or rejected. A
    hand-edited or outdated link therefore never breaks the page.
    """
    if raw is None:
        return default
    if isinstance(default, bool):
        return {_TRUE: True, _FALSE: False}.get(raw.strip().lower(), default)
    if isinstance(default, int):
        try:
            number = int(raw.strip())
        except ValueError:
            return default
        return number if allowed is None or number in allowed else default
    if isinstance(default, list):
        items = _as_list(raw)
        return [item for item in items if allowed is None or item in allowed]
    if isinstance(default, tuple):
        # A range such as (2017, 2024): same length and element type as the default.
        parts = _as_list(raw)
        kind = type(default[0]) if default else str
        try:
            values = tuple(kind(part) for part in parts)
        except ValueError:
            return default
        if len(values) != len(default) or any(
            allowed is not None and value not in allowed for value in values
        ):
            return default
        return values
    text = raw.strip()
    return text if allowed is None or text in allowed else default


def slide_from_param(raw: str | None, slide_count: int) -> int:
    """The 1-based slide number in the URL, kept within ``1 … slide_count``."""
    if slide_count < 1:
        raise ValueError("En præsentation skal have mindst ét dias.")
    number = decode_url_value(raw, 1)
    return min(max(int(number), 1), slide_count)
