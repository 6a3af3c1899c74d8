"""The initiatives as the documents describe them: name, target group, purpose, source.

Read from the records datasets ``indsatser_ufb_2019`` and ``indsatser_ufb_2020``:
one row per initiative, with the source's own sentence as its purpose, the datasets
that hold its figures and the ids of its goals in the goal register.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from hedensted.core.catalog import Catalog

INITIATIVE_DATASETS: tuple[str, ...] = ("indsatser_ufb_2019", "indsatser_ufb_2020")
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Initiative:
    """One initiative, as its source document describes it."""

    initiative_id: str
    title: str
    target_groups: tuple[str, ...]
    purpose: str
    dataset_ids: tuple[str, ...]
    goal_ids: tuple[str, ...]
    source_item: str
    catalog_dataset: str  # the records dataset the row comes from

    @property
    def all_dataset_ids(self) -> list[str]:
        """The datasets a section about this initiative reads (its own row first)."""
        return list(dict.fromkeys((self.catalog_dataset, *self.dataset_ids)))


def _split(text: object) -> tuple[str, ...]:
    if not isinstance(text, str):
        return ()
    return tuple(part.strip() for part in text.split(LIST_SEPARATOR) if part.strip())


def initiatives(catalog: Catalog) -> list[Initiative]:
    """Every initiative of the two datasets, in the order the documents give them.

    Raises ``DatasetError`` when a dataset is missing or broken.
    """
    found: list[Initiative] = []
    for dataset_id in INITIATIVE_DATASETS:
        frame = catalog.get(dataset_id).frame
        for row in frame.itertuples(index=False):
            found.append(
                Initiative(
                    initiative_id=str(row.initiative_id),
                    title=str(row.initiative),
                    target_groups=_split(row.target_groups),
                    purpose=str(row.purpose),
                    dataset_ids=_split(row.datasets),
                    goal_ids=_split(row.goal_ids),
                    source_item=str(row.source_item),
                    catalog_dataset=dataset_id,
                )
            )
    ids = [initiative.initiative_id for initiative in found]
    if len(ids) != len(set(ids)):
        raise ValueError("To indsatser har samme id i indsatsdatasættene.")
    return found


def target_groups(items: Iterable[Initiative]) -> list[str]:
    """The target groups the initiatives name, in order of first appearance."""
    return list(dict.fromkeys(group for item in items for group in item.target_groups))


def for_target_groups(items: Sequence[Initiative], groups: Sequence[str]) -> list[Initiative]:
    """The initiatives for any of ``groups``; all of them when no group is chosen."""
    if not groups:
        return list(items)
    wanted = set(groups)
    return [item for item in items if wanted.intersection(item.target_groups)]


def by_id(items: Sequence[Initiative], initiative_id: str) -> Initiative:
    """The initiative with ``initiative_id``; ``ValueError`` if there is none."""
    for item in items:
        if item.initiative_id == initiative_id:
            return item
    raise ValueError(f"Indsatsen »{initiative_id}« findes ikke i indsatsdatasættene.")
