"""The employment ministry's benchmark: actual vs expected persons on benefits."""

from __future__ import annotations

import pandas as pd

RANK = "Placering"
ACTUAL = "Faktisk ydelsesomfang (fuldtidspersoner)"
EXPECTED = "Forventet ydelsesomfang (fuldtidspersoner)"
POINTS = "Pct. point"
DIFFERENCE = "Forskel fuldtidspersoner"
SAVINGS = "Ændring i kommunale besparelser (kroner)"
MUNICIPALITIES_RANKED = 98


def benchmark_table(benchmark: pd.DataFrame) -> pd.DataFrame:
    """One row per benefit area with the published measures and two derived ones.

    ``benchmark`` is tidy with ``benefit_area``, ``measure`` and ``value``.
    Adds ``actual_minus_expected`` (negative: fewer on benefits than expected)
    and ``kr_per_full_time_person`` (the savings column divided by the published
    difference in full-time persons, as a positive amount).

    Raises ``ValueError`` if a measure is missing.
    """
    wide = benchmark.pivot(index="benefit_area", columns="measure", values="value")
    missing = [m for m in (RANK, ACTUAL, EXPECTED, DIFFERENCE, SAVINGS) if m not in wide.columns]
    if missing:
        raise ValueError(f"Benchmarktabellen mangler målene {missing}.")
    wide = wide.reindex(list(dict.fromkeys(benchmark["benefit_area"])))
    result = pd.DataFrame(
        {
            "benefit_area": wide.index,
            "rank": wide[RANK].to_numpy(),
            "actual": wide[ACTUAL].to_numpy(),
            "expected": wide[EXPECTED].to_numpy(),
            "points": wide[POINTS].to_numpy() if POINTS in wide.columns else float("nan"),
            "published_difference": wide[DIFFERENCE].to_numpy(),
            "savings_kr": wide[SAVINGS].to_numpy(),
        }
    )
    result["actual_minus_expected"] = result["actual"] - result["expected"]
    result["kr_per_full_time_person"] = (
        result["savings_kr"].abs() / result["published_difference"].abs()
    )
    return result
