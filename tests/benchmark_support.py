"""Shared by the Benchmark tests: the areas as the page passes them, and a table's rows."""

from __future__ import annotations

import pandas as pd

from hedensted.benchmark.choices import PAGE_AREAS
from hedensted.core.catalog import Catalog
from hedensted.core.view_state import ComparisonOptions, default_choice

# The areas as the page passes them: Hedensted first, then the others in option order.
AREAS = default_choice(ComparisonOptions(areas=PAGE_AREAS)).areas


def frame(catalog: Catalog, dataset_id: str) -> pd.DataFrame:
    return catalog.get(dataset_id).frame
