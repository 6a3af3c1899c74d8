"""File names for downloads, made from Danish titles."""

from __future__ import annotations

import re

_DANISH_LETTERS = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})
MAX_STEM = 60


def file_stem(title: str) -> str:
    """A safe, readable file name stem: ``"1. Offentligt forsørgede"`` → ``offentligt_forsoergede``.

    Raises ``ValueError`` when nothing usable is left of the title.
    """
    ascii_title = title.translate(_DANISH_LETTERS).lower()
    stem = re.sub(r"[^a-z0-9]+", "_", ascii_title).strip("_")
    stem = re.sub(r"^\d+_", "", stem)[:MAX_STEM].rstrip("_")
    if not stem:
        raise ValueError(f"Der kan ikke laves et filnavn af »{title}«.")
    return stem
