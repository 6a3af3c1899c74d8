"""Goals for young people: which goals of the goal register the Unge page shows.

Their verdicts and evidence come from the one judge (:mod:`hedensted.goals.judge`)
through the register, as on the Mål page and in »Målstatus«.
"""

from __future__ import annotations

APPRENTICE_PROJECT = "Uddannelsesambassadører"
# The Uddannelsesambassadører goals (UFB summer 2019): uddannelsesløft, voksenlærlinge and
# the staff's knowledge of the schemes.
APPRENTICE_GOALS = (
    "ufb19_uddannelsesloeft",
    "ufb19_voksenlaerlinge",
    "ufb19_uddannelsesambassadoer_kendskab",
)
# The youth goals of Beskæftigelsesplan 2017 (towards 2018), its youth education goal and its
# result goal for kontanthjælp and uddannelseshjælp.
YOUTH_GOALS_2017 = (
    "bp17_unge_ungdomsuddannelse_2016",
    "bp17_ungdomsuddannelse_2017",
    "bp17_unge_ungdomsuddannelse_2018",
    "bp17_unge_9kl_2016",
    "bp17_unge_9kl_2018",
    "bp17_unge_offentlig_forsoergelse",
    "bp17_merfald_kontanthjaelp",
)
