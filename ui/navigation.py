"""The one list of pages: ``app.py`` builds ``st.navigation`` from it, the Forside
links to the theme pages from it, and the tests open every page from it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageSpec:
    """One page: its script (its file name is its URL path), title and icon."""

    script: str
    title: str
    icon: str
    on_front_page: bool = False  # linked from the Forside
    default: bool = False


PAGES: tuple[PageSpec, ...] = (
    PageSpec("app_pages/forside.py", "Forside", ":material/home:", default=True),
    PageSpec(
        "app_pages/benchmark.py",
        "Benchmark",
        ":material/leaderboard:",
        on_front_page=True,
    ),
    PageSpec(
        "app_pages/code_of_care.py", "Code of Care", ":material/handshake:", on_front_page=True
    ),
    PageSpec(
        "app_pages/unge.py",
        "Unge",
        ":material/school:",
        on_front_page=True,
    ),
    PageSpec(
        "app_pages/investeringsprojekter.py",
        "Investeringsprojekter",
        ":material/trending_up:",
        on_front_page=True,
    ),
    PageSpec(
        "app_pages/indsatser.py",
        "Indsatser",
        ":material/diversity_3:",
        on_front_page=True,
    ),
    PageSpec(
        "app_pages/maal.py",
        "Mål",
        ":material/flag:",
        on_front_page=True,
    ),
    PageSpec("app_pages/opdater_data.py", "Opdater data", ":material/upload:"),
    PageSpec(
        "app_pages/om_data.py",
        "Om data",
        ":material/dataset:",
        on_front_page=True,
    ),
)
PAGE_SCRIPTS: tuple[str, ...] = tuple(page.script for page in PAGES)
