"""Code of Care Hedensted: the domain logic behind the Code of Care page, one module per concern.

timeline (every count of companies in the network), goals (which goals of the
goal register the page shows; their verdicts come from hedensted.goals.judge),
paid_hours (småjobs: share with paid hours), cards (activities as cards),
discussion (what is on the table), kpis (headline tiles), tables (display and
export tables) and formatting (counts with their qualifier, ratios, months).

An approximate figure ("næsten 70") is always carried with its qualifier and
shown with it, never as a bare number.
"""
