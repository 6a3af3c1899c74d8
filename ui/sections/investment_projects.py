"""The Investeringsprojekter page's tabs: Streamlit layout only.

The figures come from ``hedensted/investment_projects/`` (cards, måltal) and
``hedensted/monthly/`` (indicators, the register, traffic lights). Every tab is
drawn from the same datasets (:data:`DATASETS`) and one :class:`ProjectsRun`,
which opens and reads the register once per run of the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from hedensted.core.catalog import Catalog, Dataset
from hedensted.investment_projects.charts import indicator_chart, maaltal_chart
from hedensted.investment_projects.projects import (
    maaltal_chart_frame,
    maaltal_headline,
    maaltal_lines_export,
    maaltal_lines_table,
    maaltal_summary,
    maaltal_summary_table,
    project_cards,
)
from hedensted.monthly.baselines import (
    NO_MONTHLY_FIGURES,
    baseline_table,
    has_monthly_figures,
)
from hedensted.monthly.db import Register
from hedensted.monthly.indicators import IndicatorSet, indicators_from_catalog
from hedensted.monthly.layout import layout_columns, status_frame, status_text_table
from hedensted.monthly.service import latest_entries, latest_month_values
from hedensted.monthly.tracking import (
    entered_values,
    indicator_tile,
    target_path_frame,
    traffic_light,
)
from ui.deck.presentation import is_presentation
from ui.deck.section_deck import shows_controls
from ui.editors.monthly_entry import (
    conflict_notice,
    demo_banner,
    entry_form,
    flash,
    get_register,
    history_table,
    login_panel,
    plain,
)
from ui.editors.monthly_excel import excel_download, excel_upload
from ui.state.memo import remember_domain_functions
from ui.state.url import url_selectbox
from ui.widgets.components import chart, numbers_table, shown_table, source_caption, table

# The catalog's figures (not the monthly register's: read every run) are remembered.
remember_domain_functions(globals())

KEY = "investeringsprojekter"
DATASETS = [
    "investeringsprojekter",
    "investeringsprojekter_maal",
    "investeringsprojekter_status_marts_2024",
    "statusskema_indikatorer",
    "maaltal_investeringer",
]
STATUS_BADGES = {
    "på sporet": ("green", ":material/check_circle:"),
    "bagud": ("orange", ":material/warning:"),
    "langt bagud": ("red", ":material/error:"),
    "ingen tal endnu": ("gray", ":material/hourglass_empty:"),
}


def badge(text: str) -> str:
    color, icon = STATUS_BADGES.get(text, ("blue", ":material/info:"))
    return f":{color}-badge[{icon} {text}]"


@dataclass(frozen=True)
class PageState:
    """What every tab needs: indicators, the register and its latest values."""

    indicators: IndicatorSet
    register: Register | None
    records: list
    latest: dict
    values: dict
    cards: list
    names: dict[str, str]


class ProjectsRun:
    """One run of the page: the register is opened and read once, however many tabs
    use it (the page makes a new one on every run)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self._state: PageState | None = None

    def state(self, projects: Dataset, goals: Dataset, status: Dataset) -> PageState:
        if self._state is None:
            indicators = indicators_from_catalog(self.catalog)
            register = get_register(indicators)
            if register is not None and register.demo:
                demo_banner(register)
            records = latest_entries(register) if register is not None else []
            cards = project_cards(projects.frame, goals.frame, status.frame)
            self._state = PageState(
                indicators=indicators,
                register=register,
                records=records,
                latest=latest_month_values(records),
                values={r.key: r.value for r in records},
                cards=cards,
                names={card.project_id: card.name for card in cards},
            )
        return self._state


def project_card(card, state: PageState, schema: Dataset, named: bool = True) -> None:
    """One project: target group, purpose, status March 2024, goals and traffic lights.

    ``named=False`` on a slide, whose heading already is the project's name.
    """
    project_indicators = state.indicators.for_project(card.project_id)
    if not named:
        # A slide: whom the project is for, and its newest figures against the target
        # path (or, before the first month, its figures from the documents); the purpose,
        # status and goals in words are on the page's overview.
        st.markdown(f"**Målgruppe:** {card.target_group}")
        if has_monthly_figures(project_indicators, state.latest):
            latest_tiles(project_indicators, state.latest)
        else:
            baselines(
                project_indicators, f"{KEY}_startmaaling_{card.project_id}", card.name, schema
            )
        return
    with st.container(border=True, key=f"{KEY}_card_{card.project_id}"):
        if named:
            st.subheader(card.name)
        left, middle, right = st.columns([5, 5, 6], gap="large")
        with left:
            st.markdown(f"**Målgruppe:** {card.target_group}")
            st.markdown(f"**Afsæt og formål:** {card.purpose}")
            st.markdown("**Status marts 2024**")
            if card.status_march_2024:
                st.markdown("\n".join(f"- {t}" for t in card.status_march_2024))
            else:
                st.caption("Kildematerialet har ingen status for projektet fra marts 2024.")
        with middle:
            for heading, texts in (
                ("Mål pr. august 2024", card.goals_august_2024),
                ("Langsigtede mål", card.goals_long_term),
            ):
                st.markdown(f"**{heading}**")
                if texts:
                    st.markdown("\n".join(f"- {t}" for t in texts))
                else:
                    st.caption("Kildematerialet har ingen mål for projektet.")
        with right:
            project_indicators = state.indicators.for_project(card.project_id)
            if not has_monthly_figures(project_indicators, state.latest):
                # Not a row of identical grey lights: what the documents give.
                baselines(
                    project_indicators, f"{KEY}_startmaaling_{card.project_id}", card.name, schema
                )
                return
            st.markdown("**Trafiklys pr. indikator** (senest indtastede måned)")
            for indicator in project_indicators:
                light = traffic_light(indicator, state.latest.get(indicator.key))
                st.markdown(
                    f"{badge(light.text)} **{plain(indicator.label)}**  \n{plain(light.sentence)}"
                )


def latest_tiles(project_indicators, latest: dict) -> None:
    """One tile per indicator: the newest entered month against the target path."""
    tile_columns = st.columns(3)
    for position, indicator in enumerate(project_indicators):
        tile = indicator_tile(indicator, latest.get(indicator.key))
        with tile_columns[position % 3], st.container(border=True):
            st.markdown(f"**{plain(tile.label)}**")
            st.metric(
                tile.label,
                tile.value_text,
                delta=tile.delta_text,
                delta_color="inverse" if tile.lower_is_better else "normal",
                label_visibility="collapsed",
            )
            st.markdown(f"{badge(tile.light.text)} {plain(tile.light.sentence)}")


def markdown_table(frame) -> str:
    """A small text table as Markdown (its cells wrap, unlike a data grid's)."""

    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cell(c) for c in frame.columns) + " |"]
    lines.append("|" + "---|" * len(frame.columns))
    for row in frame.itertuples(index=False):
        lines.append("| " + " | ".join(cell(v) for v in row) + " |")
    return "\n".join(lines)


def baselines(indicators, key: str, project: str, schema: Dataset) -> None:
    """Each indicator's baseline, next milestone and final target, and once: no
    monthly figures yet. The table goes to the exports, titled by its project."""
    st.markdown(f"**{NO_MONTHLY_FIGURES}** for {project} – startmåling og mål fra dokumenterne:")
    rows = baseline_table(indicators)
    if is_presentation():  # a Markdown table wraps its long indicator names
        with st.container(key=f"{key}_slide"):
            st.markdown(markdown_table(rows))
        return
    shown_table(rows, rows, [schema], key=key, title=f"{project}: startmåling og mål")


def overview(run: ProjectsRun, projects, goals, status, schema, maaltal) -> None:
    state = run.state(projects, goals, status)
    for card in state.cards:
        project_card(card, state, schema)
    source_caption(projects, goals, status, schema)


def project_overview(run: ProjectsRun, project_id: str):
    """The overview of one project: a slide of its own in presentation view."""

    def render(projects, goals, status, schema, maaltal) -> None:
        state = run.state(projects, goals, status)
        for card in state.cards:
            if card.project_id == project_id:
                project_card(card, state, schema, named=False)
        source_caption(projects, goals, status, schema)

    return render


def per_project(run: ProjectsRun, projects, goals, status, schema, maaltal) -> None:
    state = run.state(projects, goals, status)
    indicators, latest, records, values = (
        state.indicators,
        state.latest,
        state.records,
        state.values,
    )
    names = state.names
    project_id = url_selectbox("Projekt", names, "projekt", f"{KEY}_project", shows_controls())
    project_indicators = indicators.for_project(project_id)
    if not has_monthly_figures(project_indicators, latest):
        # Before the first month: the documents' baselines and targets, said once,
        # instead of empty tiles and charts.
        baselines(project_indicators, f"{KEY}_startmaaling_pr_projekt", names[project_id], schema)
        _status_schema(indicators, project_indicators, values, names, schema, project_id)
        source_caption(schema)
        return
    st.subheader("Seneste tal mod målstien")
    latest_tiles(project_indicators, latest)
    st.subheader("Udvikling pr. indikator")
    st.caption(
        "Blå: indtastede månedstal. Stiplet: målstien fra startmålingen gennem delmålene "
        "(orange punkter). Indikatorer uden mål i kildematerialet har ingen målsti."
    )
    chart_columns = st.columns(2)
    for position, indicator in enumerate(project_indicators):
        with chart_columns[position % 2]:
            st.markdown(f"**{plain(indicator.label_with_unit)}**")
            chart(
                indicator_chart(
                    entered_values(records, indicator),
                    target_path_frame(indicator),
                    indicator.unit,
                    indicator.first_month,
                    indicator.last_month,
                ),
                key=f"{KEY}_chart_{project_id}_{indicator.indicator_id}",
            )
    source_caption(schema)
    _status_schema(indicators, project_indicators, values, names, schema, project_id)


def _status_schema(indicators, project_indicators, values, names, schema, project_id) -> None:
    st.subheader("Statusskema")
    st.caption(
        "Som i dokumentets »Udkast til statusskema … opfølgning primo måneden«: "
        "startmåling, måneder og delmål."
    )
    columns = layout_columns(indicators, indicators.months())
    frame = status_frame(project_indicators, columns, values)
    table(status_text_table(frame), key=f"{KEY}_statusskema_{project_id}")
    source_caption(schema)
    excel_download(indicators, names, values, schema, key=f"{KEY}_excel")


def maaltal_slide_headline(catalog: Catalog) -> str:
    """The Måltal slide's message (:func:`maaltal_headline`)."""
    return maaltal_headline(maaltal_summary(catalog.get("maaltal_investeringer").frame))


def maaltal_section(maaltal) -> None:
    summary = maaltal_summary(maaltal.frame)
    st.markdown(
        "Antal fuldtidspersoner pr. ydelse efter investeringsprojekternes effekt, "
        "budgetforlig og løntilskud. Totalen er beregnet som grundlag plus justeringer og "
        "sammenlignet med den offentliggjorte total."
    )
    chart(maaltal_chart(maaltal_chart_frame(summary)), key=f"{KEY}_maaltal_chart")
    table(maaltal_summary_table(summary), key=f"{KEY}_maaltal_table")
    numbers_table(
        maaltal_lines_table(maaltal.frame),
        maaltal_lines_export(maaltal.frame),
        [maaltal],
        key=f"{KEY}_maaltal_lines",
        file_name="maaltal_investeringer",
    )
    source_caption(maaltal)


def entry(run: ProjectsRun, projects, goals, status, schema, maaltal) -> None:
    state = run.state(projects, goals, status)
    register, indicators, names = state.register, state.indicators, state.names
    flash()
    conflict_notice(KEY)
    if register is None:
        st.info("Indtastning er ikke mulig, fordi registret ikke kan åbnes.")
    else:
        user = login_panel(f"{KEY}_login")
        if user.is_editor:
            project_ids: list[str] = list(names)
            entry_project: str = (
                st.selectbox(
                    "Projekt",
                    project_ids,
                    format_func=lambda project_id: names[project_id],
                    key=f"{KEY}_entry_project",
                )
                or project_ids[0]
            )  # a selectbox with options and no placeholder never gives None
            entry_form(
                register,
                indicators,
                entry_project,
                names[entry_project],
                user,
                date.today(),
                key=KEY,
            )
            excel_upload(register, indicators, names, user, date.today(), key=f"{KEY}_upload")


def history(run: ProjectsRun, projects, goals, status, schema, maaltal) -> None:
    state = run.state(projects, goals, status)
    register, indicators, names = state.register, state.indicators, state.names
    if register is None:
        st.info("Historikken kan ikke vises, fordi registret ikke kan åbnes.")
    else:
        history_project = url_selectbox("Projekt", names, "historik", f"{KEY}_history_project")
        choices = {i.indicator_id: i for i in indicators.for_project(history_project)}
        chosen_id = url_selectbox(
            "Indikator",
            {indicator_id: i.label for indicator_id, i in choices.items()},
            "indikator",
            f"{KEY}_history_indicator_{history_project}",
        )
        chosen = choices[chosen_id]
        st.caption("Hver gemning er en ny version; intet slettes eller overskrives. Nyeste øverst.")
        history = history_table(register, chosen)
        if history.empty:
            st.info("Der er ikke gemt tal for indikatoren endnu.")
        else:
            table(history, key=f"{KEY}_history_table")
