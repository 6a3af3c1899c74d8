"""The cached goal register (ui/state/goals.py) follows an import: a new period of the
unemployment rates gives the unemployment goal a new verdict at once (issue 14, bug 2)."""

from __future__ import annotations

from hedensted.monthly.db import open_register
from tests.import_support import attempt, shipped
from ui.state.goals import get_goal_register

RATES = "ledighedsprocent"
GOAL = "inv24_klar_lang_3"  # Hedensted keeps the lowest unemployment rate in RAR Østjylland


def _rates_file(period: str, skanderborg: float) -> bytes:
    """The newest rates at ``period``; Skanderborg's rate replaced."""
    dataset = shipped().get(RATES)
    columns = dataset.metadata.csv_columns
    lines = [",".join(columns)]
    for record in dataset.frame.to_dict("records"):
        value = skanderborg if record["area"] == "Skanderborg" else record["value"]
        record = {**record, "period": period, "value": f"{value:g}"}
        lines.append(",".join(str(record[c]) for c in columns))
    return ("\n".join(lines) + "\n").encode("utf-8")


def _verdict() -> str:
    register = get_goal_register()
    return str(register.loc[register["goal_id"] == GOAL, "status_label"].iloc[0])


def test_goal_statuses_follow_an_import(register_database: str) -> None:
    assert _verdict() == "Ikke opfyldt (jan. 2024)"  # Skanderborg 2,2 %, Hedensted 2,4 %
    attempt(open_register(register_database), "februar.csv", _rates_file("2024-02", 2.6), RATES)
    # Hedensted (2,4 %) is now the lowest: the cached register must not keep the old verdict.
    assert _verdict() == "Opfyldt (feb. 2024)"
