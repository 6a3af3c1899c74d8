"""The goal register on the page: verdict badges, status tiles, the Mål page's sections,
and the goal cards and tables the theme pages show (all from the one judge)."""

from __future__ import annotations

from functools import partial
from typing import cast

import pandas as pd
import streamlit as st

from hedensted.core.catalog import Catalog, DatasetError
from hedensted.goals.charts import goals_by_year_chart, goals_timeline_chart
from hedensted.goals.filters import (
    GOAL_PARAMS,
    GoalFilterOptions,
    filter_summary,
    filter_to_params,
)
from hedensted.goals.judge import PARTLY_TOLERANCE, STATUS_ORDER, GoalStatus
from hedensted.goals.register import (
    GOAL_DATASETS,
    THEMES,
    GoalFilter,
    by_status,
    goal_count_sentence,
    goals_by_id,
    goals_for_theme,
    left_out_sentences,
    status_counts,
)
from hedensted.goals.text import (
    deadline_label,
    evidence_line,
    evidence_text,
    goals_display,
    goals_export,
    goals_headline,
    goals_readable,
    status_label,
    status_summary,
    target_text,
    timeline_frame,
)
from hedensted.present.formatting import format_percent
from hedensted.present.markdown import escape_markdown
from hedensted.present.sources import short_source_line
from ui.deck.presentation import is_presentation
from ui.deck.recording import record_key_figure, record_table
from ui.deck.section_deck import Part
from ui.state.goals import get_goal_register
from ui.state.memo import ByContent, memo, remember_domain_functions
from ui.state.url import keep_params_in_url
from ui.widgets.components import chart, dataset_error, key_sentence, source_caption

remember_domain_functions(globals())  # same data and choices → same frames and specs

MAAL_PAGE = "app_pages/maal.py"
# Pixels for the timeline's stacks on a slide (the presentation view makes charts 1.4 times
# taller), so the whole chart fits a 1280×720 projector below the slide's heading.
SLIDE_CHART_HEIGHT = 230
# A slide shows each goal's verdict, the goal and its deadline; the workbook has the rest.
GOAL_SLIDE_COLUMNS = ("Vurdering", "Mål", "Frist")
# Colour, icon and word together: the status never rests on colour alone.
BADGE_COLORS = {
    GoalStatus.MET: "green",
    GoalStatus.PARTLY: "orange",
    GoalStatus.NOT_MET: "red",
    GoalStatus.UNDERWAY: "blue",
    GoalStatus.NOT_ASSESSABLE: "gray",
}
BADGE_ICONS = {
    GoalStatus.MET: ":material/check_circle:",
    GoalStatus.PARTLY: ":material/contrast:",
    GoalStatus.NOT_MET: ":material/cancel:",
    GoalStatus.UNDERWAY: ":material/pending:",
    GoalStatus.NOT_ASSESSABLE: ":material/help:",
}
# Cell colours of the status column in the goal tables (light, so the word stays readable).
CELL_COLORS = {
    GoalStatus.MET: "#d5efdc",
    GoalStatus.PARTLY: "#fbe7bf",
    GoalStatus.NOT_MET: "#f7d3d3",
    GoalStatus.UNDERWAY: "#d9e6f4",
    GoalStatus.NOT_ASSESSABLE: "#eceff2",
}
STATUS_RULE = (
    "Hvert mål holdes op mod ét tal fra dokumenterne – **belægget**. Registret siger for "
    "hvert tal, hvilket dokument og hvilken tabel det står i, og om det måler det samme som "
    "målet (samme måling og målgruppe) – og hvorfor.\n\n"
    "- **Opfyldt / delvist / ikke opfyldt** gives kun, når tallet passer til målet og er fra "
    "fristen eller senere (for et mål uden frist: fra efter, at målet blev sat). *Delvist*: "
    f"tallet mangler højst {format_percent(PARTLY_TOLERANCE * 100, 0)} af måltallet (samme "
    "grænse som »bagud« for investeringsprojekterne); et mål om en placering er enten opfyldt "
    "eller ikke.\n"
    "- **Undervejs**: tallet passer til målet, men er fra før fristen. Det viser, hvor langt man "
    "var nået (»Undervejs: 12 af 55, 2019«) – det er ikke en vurdering.\n"
    "- **Kan ikke vurderes**: dokumenterne har intet tal for målet, målet er kvalitativt, eller "
    "tallet måler noget andet (en anden periode, målgruppe eller opgørelse) – så står tallet "
    "som baggrund med grunden til, at det ikke passer."
)


def left_out_list(catalog: Catalog) -> None:
    """The documents' goal-like sentences that are deliberately not goals here, with why."""
    left_out = left_out_sentences(catalog)
    st.markdown(
        "\n".join(
            f"- **{escape_markdown(str(row.document))}:** {escape_markdown(str(row.text))}  \n"
            f"  *{escape_markdown(str(row.reason))}*"
            for row in left_out.itertuples()
        )
    )


def register_or_error() -> pd.DataFrame | None:
    """The register, or ``None`` after showing a Danish message saying why it is unavailable."""
    try:
        return get_goal_register()
    except DatasetError as error:
        dataset_error(error)
    except ValueError as error:
        st.error(f"Målregistret har en fejl og kan ikke vises: {error}", icon=":material/error:")
    return None


def verdict_badge(status: str, label: str) -> str:
    """Markdown for a coloured badge with an icon and the verdict's words."""
    key = GoalStatus(status)
    return f":{BADGE_COLORS[key]}-badge[{BADGE_ICONS[key]} {escape_markdown(label)}]"


def status_tiles(goals: pd.DataFrame, key: str) -> None:
    """One bordered tile per status – coloured badge with the word, and the count."""
    counts = status_counts(goals)
    # "Kan ikke vurderes" is the longest word: its tile is wider, so no word is cut at 1366 px.
    columns = st.columns([0.9, 1, 1, 1.1, 1.1, 1.45])
    with columns[0], st.container(border=True, key=f"{key}_i_alt"):
        st.markdown(":gray-badge[:material/flag: Mål i alt]")
        st.metric("Mål i alt", str(len(goals)), label_visibility="collapsed")
    for column, (status, count) in zip(columns[1:], counts, strict=True):
        with column, st.container(border=True, key=f"{key}_{status.name.lower()}"):
            st.markdown(verdict_badge(status.value, status_label(status.value)))
            st.metric(status_label(status.value), str(count), label_visibility="collapsed")


@memo
def _goal_table_parts(
    goals: ByContent, compact: bool
) -> tuple[pd.DataFrame, list[str], pd.DataFrame]:
    """The escaped table on screen, its verdict cells' colours and the table for the
    exports – once per set of goal rows (the callers slice the register anew each run)."""
    readable = goals_readable(goals.frame)
    escaped = readable.rename(columns={c: escape_markdown(c) for c in readable.columns}).map(
        escape_markdown
    )
    colors = [CELL_COLORS[GoalStatus(s)] for s in goals.frame["status"]]
    return escaped, colors, goals_display(goals.frame, compact=compact)


def goal_table(goals: pd.DataFrame, compact: bool = False) -> pd.DataFrame:
    """Show the goals as a wrapping table, the verdict first and coloured; returns the
    table for the exports (:func:`hedensted.goals.text.goals_display`)."""
    escaped, colors, display = _goal_table_parts(ByContent(goals), compact)
    styled = (
        escaped.style.apply(
            lambda column: [f"background-color: {c}; font-weight: 600" for c in colors],
            subset=["Vurdering"],
        )
        # One rule for the table, not a style per cell: Streamlit turns every cell's
        # style into CSS on each run (a fifth of a second for Unge's 115 goals).
        .set_table_styles([{"selector": "td", "props": "vertical-align: top"}])
        .hide(axis="index")
    )
    st.table(styled)
    return display


def _chosen_goals(goal_ids: tuple[str, ...]) -> pd.DataFrame | None:
    """The register's rows for ``goal_ids``, or None after saying in Danish why not."""
    register = register_or_error()
    if register is None:
        return None
    try:
        return goals_by_id(register, goal_ids)
    except ValueError as error:
        st.error(str(error), icon=":material/error:")
        return None


def goal_cards(catalog: Catalog, goal_ids: tuple[str, ...], key: str) -> None:
    """Chosen goals as cards: the goal as written, target and deadline, the verdict and its
    evidence – the same judge and words as on the Mål page."""
    goals = _chosen_goals(goal_ids)
    if goals is None:
        return
    presenting = is_presentation()
    # A slide has one row of cards, each with the verdict and its figure in one line; the
    # evidence in full (document, table, whether it fits) is on the page.
    columns = st.columns(len(goals) if presenting else min(len(goals), 3), gap="medium")
    for index, (_, row) in enumerate(goals.iterrows()):
        target = target_text(row["target_kind"], row["target_value"], row["unit"], row["direction"])
        with (
            columns[index % len(columns)],
            st.container(border=True, key=f"{key}_{row['goal_id']}"),
        ):
            st.markdown(f"**»{escape_markdown(row['goal'])}«**")
            st.caption(f"Måltal: {escape_markdown(target)} · Frist: {deadline_label(row)}")
            st.markdown(verdict_badge(row["status"], row["status_label"]))
            st.markdown(escape_markdown(evidence_line(row) if presenting else evidence_text(row)))
        record_key_figure(f"{row['goal']} {row['status_label']}.")
    if not presenting:
        st.caption("Vurderingen følger målregistrets fælles regel – se siden »Mål«.")
    _register_sources(catalog, goals)


def goal_cards_headline(goal_ids: tuple[str, ...], subject: str, page: range | None = None) -> str:
    """The message of a slide of goal cards, counted from the register (see
    :func:`hedensted.goals.text.goals_headline`)."""
    return goals_headline(goals_by_id(get_goal_register(), goal_ids), subject, page)


def theme_goals_headline(theme: str) -> str:
    """The message of a theme page's »Målstatus« slide: its goals counted by verdict."""
    return goals_headline(goals_for_theme(get_goal_register(), theme), f"mål i temaet {theme}")


def goal_lines(catalog: Catalog, goal_ids: tuple[str, ...]) -> None:
    """Chosen goals as one line each – verdict, goal, evidence – for a slide with little room."""
    goals = _chosen_goals(goal_ids)
    if goals is None:
        return
    st.markdown(_one_line_each(goals))
    for _, row in goals.iterrows():
        record_key_figure(f"{row['goal']} {row['status_label']}.")


def _not_assessable_line(count: int, where: str = "på siden »Mål«") -> str:
    """The line a slide (on screen and in PowerPoint) counts the unjudged goals with."""
    return (
        f"{count} mål kan ikke vurderes ud fra dokumenterne – grunden står ved hvert af "
        f"dem {where}."
    )


def _one_line_each(goals: pd.DataFrame) -> str:
    """Markdown: one line per goal – verdict, goal and its figure (its source is in the
    slide's source line)."""
    return "\n".join(
        f"- {verdict_badge(row['status'], row['status_label'])} »{escape_markdown(row['goal'])}« "
        f"– {escape_markdown(evidence_line(row))}"
        for _, row in goals.iterrows()
    )


def goal_box(catalog: Catalog, goal_id: str, key: str) -> None:
    """One goal as a coloured box: the goal as written, the verdict and its evidence."""
    register = register_or_error()
    if register is None:
        return
    try:
        (_, row), *_ = goals_by_id(register, (goal_id,)).iterrows()
    except ValueError as error:
        st.error(str(error), icon=":material/error:")
        return
    status = GoalStatus(row["status"])
    box = {GoalStatus.MET: st.success, GoalStatus.NOT_MET: st.warning}.get(status, st.info)
    presenting = is_presentation()
    # On a slide: the goal, the verdict and its figure in one line (the chart needs the room);
    # the goal's document and the whole evidence are on the page.
    goal = f"**Mål: »{escape_markdown(row['goal'])}«**"
    badge = verdict_badge(row["status"], row["status_label"])
    text = (
        f"{goal} {badge} {escape_markdown(evidence_line(row))}"
        if presenting
        else f"{goal} ({escape_markdown(row['section'])})\n\n{badge} "
        f"{escape_markdown(evidence_text(row))}"
    )
    with st.container(key=key):
        box(text, icon=":material/flag:")
    record_key_figure(f"{row['goal']} {row['status_label']}.")
    _register_sources(catalog, goals_by_id(register, (goal_id,)))


def _register_sources(
    catalog: Catalog, goals: pd.DataFrame, actuals: bool = True, goals_too: bool = True
) -> None:
    """Source lines for the register datasets the goals come from (``goals_too``) and for
    the datasets their later figures come from (``actuals``)."""
    ids = [d for d in GOAL_DATASETS if d in set(goals["dataset_id"])] if goals_too else []
    if actuals:
        ids += sorted({d for d in goals["actual_source"] if d and d not in ids})
    try:
        source_caption(*(catalog.get(dataset_id) for dataset_id in ids))
    except DatasetError as error:
        dataset_error(error)


def goals_section(catalog: Catalog, theme: str, key: str) -> None:
    """A theme page's own goals from the register: status counts and a table with evidence."""
    register = register_or_error()
    if register is None:
        return
    goals = by_status(goals_for_theme(register, theme))
    if goals.empty:
        st.info(f"Målregistret har ingen mål for {theme}.", icon=":material/info:")
        return
    goals_block(catalog, goals, summary_on_slide=False)


def goal_status_part(catalog: Catalog, theme: str, key: str) -> Part:
    """A theme page's »Målstatus« as a slide headed by its count of verdicts."""
    return Part(lambda: goals_section(catalog, theme, key), partial(theme_goals_headline, theme))


def goals_block(
    catalog: Catalog,
    goals: pd.DataFrame,
    table_title: str = "",
    tables_on_slides: bool = True,
    summary_on_slide: bool = True,
) -> None:
    """Chosen goals: the count per verdict, a table with the evidence, the sources.

    The table is recorded for the page's PowerPoint and Excel exports (``ui.deck.recording``);
    ``tables_on_slides=False`` leaves it off a slide (the counts say it there);
    ``summary_on_slide=False`` leaves the count off a slide whose headline says it.
    """
    summary = f"Status for {len(goals)} mål: {status_summary(status_counts(goals))}."
    if summary_on_slide or not is_presentation():
        st.markdown(f"**{summary}**")
    record_key_figure(summary)
    open_ = goals["status"] == GoalStatus.NOT_ASSESSABLE.value
    if tables_on_slides and is_presentation():
        # A slide: the goals with a verdict or progress one line each, read from afar;
        # those the documents cannot judge are counted in the headline and listed on the page.
        if not goals[~open_].empty:
            st.markdown(_one_line_each(goals[~open_]))
        if open_.any():
            st.markdown(_not_assessable_line(int(open_.sum())))
    elif not is_presentation():
        # The goals with a verdict or progress first; those the documents cannot judge
        # folded away, so a theme with many of them (Investeringsprojekter) stays readable.
        if not goals[~open_].empty:
            goal_table(goals[~open_], compact=True)
        if open_.any():
            with st.expander(f"{int(open_.sum())} mål, der ikke kan vurderes ud fra dokumenterne"):
                goal_table(goals[open_], compact=True)
    shown = goals_display(goals, compact=True)
    datasets = [catalog.get(d) for d in dict.fromkeys(goals["dataset_id"])]
    counted = tables_on_slides and bool(open_.any())  # unjudged goals counted on the slide
    record_table(
        table_title,
        shown,
        [d.metadata.source_line() for d in datasets],
        ", ".join(dict.fromkeys(d.metadata.period_label for d in datasets)),
        short_source=short_source_line([d.metadata for d in datasets]) if datasets else "",
        slide_columns=GOAL_SLIDE_COLUMNS,
        # The PowerPoint follows the slide above: the judged goals, the rest counted.
        slide_rows=tuple(i for i, is_open in enumerate(open_) if not is_open) if counted else None,
        slide_note=_not_assessable_line(int(open_.sum()), "i Excel-filen og på siden »Mål«")
        if counted
        else "",
    )
    if not is_presentation():
        st.caption(
            "Vurderingen gives kun på et tal, der passer til målet og er fra fristen eller "
            "senere – se siden »Mål« for reglen og alle udvalgets mål."
        )
        st.page_link(MAAL_PAGE, label="Alle mål", icon=":material/flag:")
    _register_sources(catalog, goals)


# --- the Mål page ------------------------------------------------------------------------------
FILTER_KEYS = ("maal_tema", "maal_dokument", "maal_status", "maal_frist", "maal_uden_frist")


def goal_filters(
    start: GoalFilter, options: GoalFilterOptions, names: dict[str, str]
) -> GoalFilter:
    """The filter widgets, starting from the link's ``start``; the choice is written back to it."""
    # Widget values are dropped when the widgets were not drawn (presentation view);
    # the URL holds the same choice, so read it again then.
    if not st.session_state.get("maal_initialised") or any(
        key not in st.session_state for key in FILTER_KEYS
    ):
        st.session_state["maal_tema"] = list(start.themes)
        st.session_state["maal_dokument"] = list(start.documents)
        st.session_state["maal_status"] = list(start.statuses)
        st.session_state["maal_frist"] = start.years
        st.session_state["maal_uden_frist"] = start.undated
        st.session_state["maal_initialised"] = True
    # Folded into one button that says what is chosen, so a laptop's first screen shows
    # the figures, not the filters.
    chosen = GoalFilter(
        tuple(st.session_state["maal_tema"]),
        tuple(st.session_state["maal_dokument"]),
        tuple(st.session_state["maal_status"]),
        tuple(st.session_state["maal_frist"]),
        st.session_state["maal_uden_frist"],
    )
    with (
        st.popover(filter_summary(chosen, options), icon=":material/filter_list:"),
        st.container(key="maal_filters"),
    ):
        themes = st.multiselect("Tema", list(THEMES), key="maal_tema", placeholder="Alle temaer")
        documents = st.multiselect(
            "Dokument",
            list(options.documents),
            format_func=lambda key: names[key],
            key="maal_dokument",
            placeholder="Alle dokumenter",
        )
        statuses = st.multiselect(
            "Status",
            [s.value for s in STATUS_ORDER],
            format_func=status_label,
            key="maal_status",
            placeholder="Alle",
        )
        years = st.slider(
            "Frist (år)",
            min_value=options.first_year,
            max_value=options.last_year,
            step=1,
            format="%d",
            key="maal_frist",
            help="Mål med frist i de valgte år.",
        )
        undated = st.toggle("Medtag mål uden frist", key="maal_uden_frist")
    first_year, last_year = cast(tuple[int, int], years)
    choice = GoalFilter(
        tuple(themes), tuple(documents), tuple(statuses), (first_year, last_year), undated
    )
    keep_params_in_url(filter_to_params(choice, options), GOAL_PARAMS)
    return choice


def counts_section(goals: pd.DataFrame) -> None:
    """The opening sentence (judged, under way, cannot be judged) and the status tiles."""
    if not goals.empty and not is_presentation():  # on a slide the sentence is the headline
        key_sentence(goal_count_sentence(goals), bold=True)
    status_tiles(goals, key="maal_tiles")
    if goals.empty:
        st.info(
            "Ingen mål passer til de valgte filtre. Fjern et filter, eller udvid perioden for "
            "fristen.",
            icon=":material/filter_alt_off:",
        )


def timeline_section(catalog: Catalog, goals: pd.DataFrame) -> None:
    """Goals on a time axis by deadline, coloured and shaped by status."""
    timeline = timeline_frame(goals)
    undated_count = len(goals) - len(timeline)
    if timeline.empty:
        st.info(
            "Ingen af de valgte mål har en frist, så tidslinjen er tom.", icon=":material/info:"
        )
    else:
        if not is_presentation():  # on a slide the legend says it, and the chart needs room
            st.markdown(
                "Hvert punkt er ét mål ved sin frist på en tidsakse; mål med (næsten) samme frist "
                "står oven på hinanden, og en frist, der er en periode (»i 2020«, »2024–2025«), er "
                "en streg over perioden med punktet ved dens slutning. Farve og form er status. "
                "Hold musen over et punkt for at se målet."
            )
        # On a slide (and in the PowerPoint), read from across the room: goals per
        # deadline year, not 138 small dots.
        chart(
            goals_timeline_chart(timeline),
            key="maal_chart_timeline",
            slide_form=goals_by_year_chart(goals, SLIDE_CHART_HEIGHT),
        )
    if undated_count:
        st.caption(
            f"{undated_count} af de valgte mål har ingen dato i kilden og vises kun i tabellen."
        )
    _register_sources(catalog, goals, actuals=False)


def table_section(catalog: Catalog, goals: pd.DataFrame) -> None:
    """Every chosen goal: verdict first, then the goal, target, deadline and the evidence."""
    sorted_goals = by_status(goals)
    goal_table(sorted_goals)
    datasets = [catalog.get(d) for d in dict.fromkeys(goals["dataset_id"])]
    record_table(
        "",
        goals_export(sorted_goals),
        [d.metadata.source_line() for d in datasets],
        ", ".join(dict.fromkeys(d.metadata.period_label for d in datasets)),
        short_source=short_source_line([d.metadata for d in datasets]) if datasets else "",
        slide_columns=GOAL_SLIDE_COLUMNS,
    )
    _register_sources(catalog, goals, goals_too=timeline_frame(goals).empty)


def table_slide(catalog: Catalog, goals: pd.DataFrame, page: range) -> None:
    """One slide of the goal table: the goals of ``page`` (of ``goals`` sorted by status),
    one line each with the verdict, the goal and its deadline. The headline counts the
    verdicts (:func:`goal_page_headline`); a slide of one verdict leaves the badge off the
    lines. The full table is on the page and in the Excel file."""
    shown = goals.iloc[page.start : page.stop]
    one_verdict = shown["status"].nunique() == 1 and len(shown) > 1
    st.markdown(
        "\n".join(
            "- "
            + ("" if one_verdict else f"{verdict_badge(row['status'], row['status_label'])} ")
            + f"»{escape_markdown(row['goal'])}« · Frist: {escape_markdown(deadline_label(row))}"
            for _, row in shown.iterrows()
        )
    )
    _register_sources(catalog, shown, actuals=False)
