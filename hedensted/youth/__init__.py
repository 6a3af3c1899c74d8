"""Young people ("Unge"): the domain logic behind the "Unge" page, one module per concern.

offers (the offers catalogue), totals (published totals and footnotes),
apprentices (adult apprentices' trades), comparison (uddannelseshjælp between
areas), goals (which register goals the page shows), frikort (the Socialt Frikort
project), discussion (focus areas and discussion points), kpis (headline tiles).
"""
