"""The source documents (shared/seeds, beside the checkout) for the checks that every
value appears in its document.

Locally a checkout without them skips those checks with a note; in CI (``CI=true``)
a missing folder is a failure, so the checks can never silently stop running.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() == "true"


def seeds_folder(folder: Path = SEEDS) -> Path:
    """``folder`` if it exists; otherwise skip the test – or fail it in CI."""
    if folder.is_dir():
        return folder
    message = f"the source documents ({folder}) are not beside this checkout"
    if in_ci():
        pytest.fail(f"The checks against the source documents must run in CI: {message}")
    pytest.skip(message)
