"""Shared Streamlit components: source caption, KPI tile, tables, error boxes."""

from __future__ import annotations

import copy
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from functools import partial

import altair as alt
import pandas as pd
import streamlit as st

from hedensted.core.catalog import Catalog, Dataset, DatasetError
from hedensted.core.periods import parse_period, period_label
from hedensted.core.quality import total_differences
from hedensted.exports.table_workbook import to_xlsx
from hedensted.present.charts import with_value_labels, wrapped_labels
from hedensted.present.file_names import file_stem
from hedensted.present.formatting import format_compact
from hedensted.present.kpi import Kpi, periods_to_show
from hedensted.present.markdown import escape_markdown
from hedensted.present.sources import reconciliation_footnote, short_source_line
from hedensted.present.tables import dataset_table, export_table
from hedensted.present.units import heading_unit
from ui.deck.presentation import is_presentation, larger_labels, slide_chart_min_height
from ui.deck.recording import (
    chart_title,
    record_chart,
    record_key_figure,
    record_sources,
    record_table,
)
from ui.state.memo import memo, spec_of

# Per dataset object: the catalogs are shared, so this runs once per data revision.
_total_differences = memo(total_differences)


def _short_source(datasets: Sequence[Dataset]) -> str:
    """The slide's short source line for a table (empty for none)."""
    return short_source_line([d.metadata for d in datasets]) if datasets else ""


def source_caption(*datasets: Dataset, notes: Sequence[str] = ()) -> None:
    """The "Kilde: …" line under a chart or table, one line per dataset.

    On a slide: one short line (publisher, period, meeting paper) that opens the
    full references and any ``notes`` on how the figure is made. Escaped: an imported
    period's line carries a file name and an editor's name.
    """
    lines = [dataset.metadata.source_line() for dataset in datasets]
    short = short_source_line([dataset.metadata for dataset in datasets]) if datasets else ""
    record_sources(lines, short)
    if is_presentation() and datasets:
        with st.popover(short, type="tertiary", help="Hele kildehenvisningen"):
            for line in [*lines, *notes]:
                st.markdown(escape_markdown(line))
        return
    for line in lines:
        st.caption(escape_markdown(line))


def key_sentence(text: str, bold: bool = False) -> None:
    """A computed sentence that states a section's key figure (also in the exports)."""
    st.markdown(f"**{text}**" if bold else text)
    record_key_figure(text)


def key_bullets(sentences: list[str], exported: bool = True) -> None:
    """Computed sentences as a list; each is a key figure in the exports unless
    ``exported`` is False (sentences that head their own chart's slide already)."""
    st.markdown("\n".join(f"- {sentence}" for sentence in sentences))
    for sentence in sentences if exported else ():
        record_key_figure(sentence)


def key_note(text: str, icon: str) -> None:
    """An information box whose message also goes on the section's slide."""
    st.info(text, icon=icon)
    record_key_figure(text)


def dataset_error(error: DatasetError) -> None:
    """A Danish message shown where a broken dataset's figures would be."""
    st.error(
        "Tallene kan ikke vises, fordi datafilen har en fejl. "
        f"Ret filen i mappen data/ og genindlæs siden.\n\n{error}",
        icon=":material/error:",
    )


def with_datasets(catalog: Catalog, dataset_ids: list[str], render: Callable[..., None]) -> None:
    """Call ``render`` with the datasets, or show why they are unavailable.

    One broken dataset only blanks the section that needs it.
    """
    try:
        datasets = [catalog.get(dataset_id) for dataset_id in dataset_ids]
    except DatasetError as error:
        dataset_error(error)
        return
    render(*datasets)


def kpi_tile(kpi: Kpi, key: str, show_period: bool = False) -> None:
    """A bordered metric with the comparison as delta, the sentence and the period.

    ``show_period``: say the figure's period on the tile (it is older than the
    other tiles' figures), not only in its help.
    """
    with st.container(border=True, key=key):
        st.metric(
            kpi.label,
            kpi.value_text,
            delta=kpi.delta_text,
            delta_color="inverse" if kpi.lower_is_better else "normal",
            help=f"Periode: {kpi.period_label}",
        )
        if show_period:
            st.caption(f":material/history: Tal fra {kpi.period_label}")
        st.markdown(kpi.sentence)
        if not is_presentation():  # on a slide the notes open from the source line
            for note in kpi.notes:
                st.caption(note)
    record_key_figure(kpi.key_figure_text())


def computed_kpi(build: Callable[[], Kpi]) -> Kpi | DatasetError:
    """A tile computed once per run: its figure, or the broken dataset's error."""
    try:
        return build()
    except DatasetError as error:
        return error


def computed_kpis(builders: Mapping[str, Callable[[], Kpi]]) -> dict[str, Kpi | DatasetError]:
    """:func:`computed_kpi` for each tile, by name: a page computes its tiles once and
    passes them to the sections that repeat a tile's sentence or notes."""
    return {name: computed_kpi(build) for name, build in builders.items()}


def kpi_tile_or_error(
    catalog: Catalog, kpi: Kpi | DatasetError, key: str, show_period: bool = False
) -> None:
    """Show a computed tile (:func:`computed_kpi`), or a Danish error in its place if
    its data is broken."""
    if isinstance(kpi, DatasetError):
        with st.container(border=True, key=key):
            dataset_error(kpi)
        return
    kpi_tile(kpi, key, show_period)
    source_caption(*(catalog.get(dataset_id) for dataset_id in kpi.dataset_ids), notes=kpi.notes)


def _newest_end(catalog: Catalog, kpi: Kpi | DatasetError) -> date | None:
    """The end of the newest period behind a tile (None if its data is broken)."""
    if isinstance(kpi, DatasetError):
        return None
    try:
        periods = [p for i in kpi.dataset_ids for p in catalog.get(i).metadata.periods]
    except (DatasetError, ValueError):
        return None
    return max(parse_period(code).end for code in periods) if periods else None


def kpi_row(
    catalog: Catalog,
    tiles: Mapping[str, Kpi | DatasetError],
    key_prefix: str,
    reference: str | None = None,
) -> None:
    """Tiles side by side (keys ``{key_prefix}{name}``); with ``reference``, a line above
    them names the area their arrows compare with. A tile whose figures are older than
    the row's newest says when they are from (19,3 % from March 2019 beside 2024)."""
    if reference is not None:
        st.markdown(f"Pilene viser forskellen til {reference}.")
    shown = periods_to_show([_newest_end(catalog, kpi) for kpi in tiles.values()])
    columns = st.columns(len(tiles))
    for column, (name, kpi), show_period in zip(columns, tiles.items(), shown, strict=True):
        with column:
            kpi_tile_or_error(catalog, kpi, f"{key_prefix}{name}", show_period)


def chart(
    figure: alt.TopLevelMixin | dict,
    key: str,
    title: str = "",
    slide_form: alt.TopLevelMixin | dict | None = None,
) -> None:
    """Draw an Altair chart (or its Vega-Lite spec) with the dashboard theme (not Streamlit's).

    ``slide_form``: the chart a slide shows instead (read from across the room); the
    exports follow the slides, so it is also the one recorded for them.

    The spec is handed over without Altair's JSON-schema validation, which took
    about a third of a chart-heavy page's run time; tests/test_chart_specs.py
    validates every chart builder's output instead. A spec from
    ``ui.state.memo.chart_spec`` is built once per data revision and choice.
    ``title`` names the chart in exports and image files (default: the section's title).
    """
    # A shallow copy: Streamlit moves the data out of the top level of the spec it gets.
    # Wrapping the labels is idempotent, so a remembered spec may be passed again.
    spec = wrapped_labels(dict(figure if isinstance(figure, dict) else spec_of(figure)))
    slide = spec
    if slide_form is not None:
        slide = wrapped_labels(
            dict(slide_form if isinstance(slide_form, dict) else spec_of(slide_form))
        )
    name = chart_title(title)
    record_chart(name, slide)
    if is_presentation():
        # The chart takes the height the slide leaves (shared with any other chart
        # on it), so the slide fits the screen, but never less than its labels
        # need; see ui.deck.presentation.
        bigger = larger_labels(with_value_labels(copy.deepcopy(slide)))
        with st.container(key=f"slide_chart_{key}"):
            st.html(
                f"<style>.st-key-slide_chart_{key} {{ min-height: "
                f"{slide_chart_min_height(bigger)}px; }}</style>"
            )
            st.vega_lite_chart(bigger, theme=None, width="stretch", height="stretch", key=key)
        return
    st.vega_lite_chart(spec, theme=None, width="stretch", key=key)
    image_downloads(spec, name, key)


MIME_TYPES = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
}


def file_download(
    label: str,
    build: Callable[[], bytes | str],
    file_name: str,
    icon: str,
    key: str,
    help: str | None = None,
    tertiary: bool = False,
) -> None:
    """A download button whose file is built only when clicked (not on every rerun)."""
    st.download_button(
        label,
        data=build,
        file_name=file_name,
        mime=MIME_TYPES[file_name.rsplit(".", 1)[-1]],
        icon=icon,
        key=key,
        on_click="ignore",
        type="tertiary" if tertiary else "secondary",
        help=help,
    )


def image_downloads(spec: dict, title: str, key: str) -> None:
    """PNG and SVG files of a chart."""
    from hedensted.exports.images import chart_png, chart_svg

    stem = file_stem(title or key)
    with st.container(horizontal=True, key=f"{key}_billeder"):
        for label, build, icon, help_text in (
            ("PNG", chart_png, ":material/image:", "Figuren som skarpt billede til PowerPoint."),
            ("SVG", chart_svg, ":material/draw:", "Figuren som vektorgrafik (skalerbar)."),
        ):
            file_download(
                label,
                partial(build, spec),
                f"{stem}.{label.lower()}",
                icon,
                key=f"{key}_{label.lower()}",
                help=help_text,
                tertiary=True,
            )


def table(frame: pd.DataFrame, key: str) -> None:
    """Show an already formatted (text) table."""
    st.dataframe(frame, hide_index=True, width="stretch", key=key)


def shown_table(
    shown: pd.DataFrame, export: pd.DataFrame, datasets: list[Dataset], key: str, title: str = ""
) -> None:
    """A text table shown on the page (not folded away); its rows go to the exports."""
    record_table(
        title,
        export,
        [d.metadata.source_line() for d in datasets],
        ", ".join(dict.fromkeys(d.metadata.period_label for d in datasets)),
        heading_unit(d.metadata for d in datasets),
        _short_source(datasets),
    )
    table(shown, key=key)


def numbers_table(
    shown: pd.DataFrame,
    export: pd.DataFrame,
    datasets: list[Dataset],
    key: str,
    file_name: str,
    title: str = "",
    source_lines: list[str] | None = None,
    period_text: str | None = None,
) -> None:
    """A "Vis tal" expander: the Danish-formatted table and an Excel file of the same rows.

    ``shown`` is the text table on screen; ``export`` the same rows and columns
    with numbers kept as numbers, so the workbook can be used for calculation.
    ``title`` names the table in the page's Excel export (default: the section's);
    ``source_lines`` and ``period_text`` replace the datasets' own where the rows
    come from other periods than the shipped ones (fetched versions).
    """
    sources = source_lines or [d.metadata.source_line() for d in datasets]
    unit = heading_unit(d.metadata for d in datasets)
    record_table(
        title,
        export,
        sources,
        period_text or ", ".join(dict.fromkeys(d.metadata.period_label for d in datasets)),
        unit,
        # Rows of fetched periods: the given full lines stand on a slide too.
        _short_source(datasets) if source_lines is None else "",
    )
    if is_presentation():
        return
    with st.expander("Vis tal", expanded=False):
        table(shown, key=f"{key}_table")
        st.download_button(
            "Hent som Excel (.xlsx)",
            # Built only when clicked: an openpyxl workbook per table on every rerun
            # cost the benchmark page about a second.
            data=lambda: to_xlsx(export, file_name, sources, unit),
            file_name=f"{file_name}.xlsx",
            mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            key=f"{key}_xlsx",
            icon=":material/download:",
        )


def dataset_details(dataset: Dataset, key: str) -> None:
    """A dataset's table with download, its quality differences and its source."""
    numbers_table(
        dataset_table(dataset),
        export_table(dataset),
        [dataset],
        key=key,
        file_name=dataset.id,
    )
    quality_notes(dataset)
    source_caption(dataset)


def quality_notes(dataset: Dataset) -> None:
    """A footnote where the figure's published totals differ from the sum of their parts.

    The whole reconciliation (every total against its parts) is on »Om data«
    (``reconciliation_box``); the figure keeps one short note.
    """
    differing = [item for item in _total_differences(dataset) if item.differs]
    if differing:
        st.caption(f"¹ {reconciliation_footnote(differing)}")


def reconciliation_box(dataset: Dataset) -> None:
    """Every published total of a dataset that differs from the sum of its parts."""
    differing = [item for item in _total_differences(dataset) if item.differs]
    if not differing:
        return
    lines = []
    for item in differing:
        where = ", ".join(
            period_label(value) if column == "period" else value
            for column, value in item.group.items()
        )
        lines.append(
            f"- **{item.total_label}**{f' ({where})' if where else ''}: "
            f"offentliggjort {format_compact(item.published_total)}, delene summer til "
            f"{format_compact(item.sum_of_parts)} (forskel {format_compact(item.difference)})"
        )
    explanations = sorted({item.explanation for item in differing if item.explanation})
    st.info(
        "**Total og sum af dele er forskellige i kilden.** Begge tal vises som "
        "offentliggjort.\n\n" + "\n".join(lines) + ("\n\n" + " ".join(explanations)),
        icon=":material/info:",
    )
