"""A separate demo database with clearly illustrative monthly values.

Start the app on it with::

    HEDENSTED_DEMO=1 streamlit run app.py

It uses ``instance/demo.sqlite`` (or ``HEDENSTED_DEMO_DATABASE_URL``), never
``DATABASE_URL`` (see :func:`hedensted.monthly.settings.resolve_database`), and the
page shows an »Eksempeldata« banner. On first start the demo database is filled
with made-up values around each indicator's target path – some on track, some
behind – saved by the author »Eksempeldata« with a comment saying so. The values
are not results and are never written to the real register: :func:`seed_demo`
refuses any register that is not opened as the demo.
"""

from __future__ import annotations

import zlib
from datetime import date

from hedensted.investment_projects.progress import Direction
from hedensted.monthly.auth import User
from hedensted.monthly.db import Register
from hedensted.monthly.indicators import Indicator, IndicatorSet, UnitKind, first_of_month
from hedensted.monthly.service import save_entries, version_count
from hedensted.monthly.tracking import path_points, target_for
from hedensted.monthly.validation import EntryDraft

DEMO_USER = User(username="eksempeldata", name="Eksempeldata", is_editor=True, method="demo")
DEMO_COMMENT = "Illustrativt eksempeltal – ikke et rigtigt resultat."
DEMO_TOKEN = "demo-seed-v1"
# How far from the target path each indicator's illustrative values lie (share of
# the path's value, in the direction that is worse); chosen by a stable hash.
PROFILES = (-0.03, -0.03, 0.05, 0.18)


def _profile(indicator: Indicator) -> float:
    return PROFILES[zlib.crc32("/".join(indicator.key).encode()) % len(PROFILES)]


def _wobble(indicator: Indicator, month: date) -> float:
    seed = zlib.crc32(f"{indicator.project_id}/{indicator.indicator_id}/{month}".encode())
    return ((seed % 1000) / 1000 - 0.5) * 0.04  # ±2 %


def illustrative_value(indicator: Indicator, month: date) -> float:
    """A made-up value for ``month``: near the target path, or near the baseline."""
    target = target_for(indicator, month)
    if target is None and indicator.has_targets:
        # Before the first milestone of a path without baseline: grow towards it.
        first = path_points(indicator)[0]
        months_total = (first.day.year - indicator.first_month.year) * 12 + (
            first.day.month - indicator.first_month.month
        )
        done = (month.year - indicator.first_month.year) * 12 + month.month - 1
        target = first.value * (done + 1) / (months_total + 1)
    if target is not None and indicator.direction is not None:
        worse = 1 if indicator.direction is Direction.LOWER_IS_BETTER else -1
        value = target * (1 + worse * _profile(indicator) + _wobble(indicator, month))
    else:
        base = indicator.baseline_value if indicator.baseline_value is not None else 10.0
        value = base * (1 + _wobble(indicator, month) * 2)
    if indicator.kind is UnitKind.PERCENT:
        return round(min(max(value, 0.0), 100.0), 1)
    if indicator.kind is UnitKind.COUNT:
        return float(max(round(value), 0))
    return round(max(value, 0.0), 1)


def seed_demo(register: Register, indicators: IndicatorSet, today: date) -> int:
    """Fill an empty demo register with illustrative values; returns how many were written.

    Raises ``ValueError`` for a register that is not the demo database.
    """
    if not register.demo:
        raise ValueError("Eksempeldata må kun skrives i demodatabasen (HEDENSTED_DEMO=1).")
    if version_count(register) > 0:
        return 0
    last = min(indicators.last_month, first_of_month(today))
    drafts = [
        EntryDraft(
            project_id=indicator.project_id,
            indicator_id=indicator.indicator_id,
            month=month,
            raw_value=illustrative_value(indicator, month),
            comment=DEMO_COMMENT,
        )
        for indicator in indicators
        for month in indicator.months()
        if month <= last
    ]
    result = save_entries(register, indicators, DEMO_USER, drafts, DEMO_TOKEN, today)
    return len(result.written)


def ensure_demo_values(register: Register, indicators: IndicatorSet, today: date) -> None:
    """Seed the demo register once (cheap when it already has values)."""
    if register.demo:
        seed_demo(register, indicators, today)
