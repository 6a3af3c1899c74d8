"""The Code of Care goals: which goals of the goal register the Code of Care page shows.

Their verdicts and evidence come from the one judge (:mod:`hedensted.goals.judge`)
through the register, so the page's goal cards and its »Målstatus« section agree.
"""

from __future__ import annotations

# The network at the end of 2019, new companies in 2019, and småjobs (paid hours) in 2019.
CODE_OF_CARE_GOALS = ("ufb19_coc_netvaerk", "ufb19_coc_nye_virksomheder", "ufb19_fokus_smaajobs")
