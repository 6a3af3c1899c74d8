"""The Benchmark page's choices (areas, benefit groups) and the notes for a choice
the source cannot answer (an area or the reference missing from a table)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from hedensted.core.catalog import Catalog, DatasetError
from hedensted.core.constants import HEDENSTED, TOTAL_GROUP
from hedensted.core.view_state import ComparisonOptions
from hedensted.present.formatting import and_list

PAGE_AREAS: tuple[str, ...] = (
    "Hele landet",
    "RAR Østjylland",
    HEDENSTED,
    "Skanderborg",
    "Ringkøbing-Skjern",
)


GROUPS_DATASET = "fuldtidspersoner_pct_arbejdsstyrke"


class NothingToShow(ValueError):
    """The viewer's choice leaves nothing to show (e.g. no groups chosen)."""


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


def missing_areas_note(missing: Sequence[str], table_title: str) -> str | None:
    """A caption saying which chosen areas a table does not have (None if all are there)."""
    if not missing:
        return None
    return (
        f"{and_list(missing)} findes ikke i kildens tabel »{table_title}« og vises derfor ikke her."
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
