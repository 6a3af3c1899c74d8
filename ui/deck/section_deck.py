"""A page as a deck of sections: all shown on the page, one per slide in presentation view.

A page registers its sections in order (``Deck.section``), optionally the
theme's discussion questions as the last one (``Deck.discussion``), and calls
``Deck.show``. Every section is recorded while it is drawn (``ui.deck.recording``),
so the PowerPoint and Excel exports hold what the viewer sees.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Literal
from urllib.parse import urlencode

import streamlit as st

from hedensted.core.catalog import Catalog, DatasetError
from hedensted.core.url_codec import PARAM_SLIDE, slide_from_param
from ui.deck.presentation import enter_presentation, is_presentation, leave_presentation
from ui.deck.recording import SectionRecord, recording
from ui.state.url import keep_params_in_url, url_params, url_text
from ui.widgets.components import file_download, with_datasets
from ui.widgets.errors import guarded_section

Layout = Literal["sections", "tabs"]
TAB_PARAM = "fane"


@dataclass(frozen=True)
class Section:
    title: str
    render: Callable[[], None]
    anchor: str | None
    is_discussion: bool = False
    presentable: bool = True  # False: a working tool (data entry), not a slide
    page_view: bool = True  # False: a slide only (e.g. one project of an overview)
    # True: the section's own control reruns only the section (st.fragment).
    fragment: bool = False


def page_intro(title: str, intro: str) -> None:
    """The page title; the introduction only outside presentation view."""
    st.title(title)
    if intro and not is_presentation():
        st.markdown(intro)


def shows_controls() -> bool:
    """Whether controls (filters, selectors) are drawn: not in presentation view."""
    return not is_presentation()


def current_link() -> str:
    """The address of this exact view: the page's URL with every choice in it."""
    base = str(st.context.url or "").split("?")[0]
    query = urlencode(url_params())
    return f"{base}?{query}" if query else base


class Deck:
    """The sections of one theme page, its slides and its exports."""

    def __init__(
        self, page_key: str, theme: str, file_stem: str, layout: Layout = "sections"
    ) -> None:
        """``layout``: the page view shows sections one under the other
        (``"sections"``) or as tabs (``"tabs"``, the open tab kept in the URL)."""
        self.page_key = page_key
        self.layout = layout
        self.theme = theme
        self.file_stem = file_stem
        self.sections: list[Section] = []
        self.records: list[SectionRecord] = []
        self._questions: Callable[[], Sequence[str]] = list

    def section(
        self,
        title: str,
        render: Callable[[], None],
        anchor: str | None = None,
        presentable: bool = True,
        page_view: bool = True,
        fragment: bool = False,
    ) -> None:
        """Add a section (one slide) drawn by ``render`` under the heading ``title``.

        ``presentable=False``: on the page only; ``page_view=False``: a slide only.
        ``fragment=True``: for a section whose controls only change itself – a
        change reruns just this section (``st.fragment``), and its export record
        is redrawn with it.
        """
        self.sections.append(
            Section(
                title,
                render,
                anchor,
                presentable=presentable,
                page_view=page_view,
                fragment=fragment,
            )
        )

    def discussion(
        self,
        render: Callable[[], None],
        questions: Callable[[], Sequence[str]],
        title: str = "Til drøftelse",
    ) -> None:
        """Add the theme's discussion points; always the last slide.

        ``questions`` gives the questions that end the PowerPoint export, on a slide
        of their own (none if the discussion data cannot be read).
        """
        self._questions = questions
        self.sections.append(Section(title, render, "til-droeftelse", is_discussion=True))

    def questions(self) -> list[str]:
        try:
            return list(self._questions())
        except (DatasetError, ValueError):
            return []

    def datasets_section(
        self,
        title: str,
        catalog: Catalog,
        dataset_ids: list[str],
        render: Callable[..., None],
        anchor: str | None = None,
        presentable: bool = True,
        page_view: bool = True,
        fragment: bool = False,
    ) -> None:
        """A section drawn from catalog datasets (a Danish error if one is broken)."""
        self.section(
            title,
            lambda: with_datasets(catalog, dataset_ids, render),
            anchor,
            presentable,
            page_view,
            fragment,
        )

    def parts_section(
        self,
        title: str,
        catalog: Catalog,
        parts: Sequence[tuple[list[str], Callable[..., None]]],
        anchor: str | None = None,
    ) -> None:
        """A section of several parts, each drawn from its own datasets.

        A broken dataset blanks only its own part.
        """

        def draw() -> None:
            for dataset_ids, render in parts:
                with_datasets(catalog, dataset_ids, render)

        self.section(title, draw, anchor)

    # --- drawing --------------------------------------------------------------------------

    def show(self) -> None:
        """Draw every section (page view) or the current slide (presentation view)."""
        if not self.sections:
            raise ValueError("Siden har ingen sektioner at vise.")
        if is_presentation():
            self._show_slide()
            return
        share_bar = st.empty()
        on_page = [section for section in self.sections if section.page_view]
        if self.layout == "tabs":
            # The open tab is a query parameter (Streamlit's own binding), so a
            # copied link reopens it.
            tabs = st.tabs(
                [section.title for section in on_page], key=TAB_PARAM, bind="query-params"
            )
            for tab, section in zip(tabs, on_page, strict=True):
                with tab:
                    self._draw(section, heading=False)
        else:
            for section in on_page:
                self._draw(section, heading=True)
        with share_bar.container():
            self._share_bar()

    def _draw(self, section: Section, heading: bool) -> None:
        if heading:
            st.header(section.title, anchor=section.anchor)
        record = SectionRecord(section.title)

        def draw() -> None:
            # A fragment rerun draws the section again: record it afresh in the same
            # record, which the export buttons of this page run hold.
            fresh = SectionRecord(section.title)
            with recording(fresh):
                guarded_section(section.title, section.render)
            for name in ("charts", "key_figures", "source_lines", "tables", "pending"):
                setattr(record, name, getattr(fresh, name))
            record.chart_sources = fresh.chart_sources

        if section.fragment:
            st.fragment(draw)()
        else:
            draw()
        if section.presentable and not section.is_discussion:
            self.records.append(record)

    def _show_slide(self) -> None:
        slides = [section for section in self.sections if section.presentable]
        count = len(slides)
        key = f"{self.page_key}_dias"
        number = slide_from_param(url_text(PARAM_SLIDE), count)

        def go_to(target: int) -> None:
            keep_params_in_url({PARAM_SLIDE: str(target)}, (PARAM_SLIDE,))

        with st.container(horizontal=True, vertical_alignment="center", key=f"{key}_nav"):
            st.button(
                "Forrige",
                icon=":material/arrow_back:",
                disabled=number == 1,
                on_click=go_to,
                args=(number - 1,),
                key=f"{key}_forrige",
                shortcut="Left",
            )
            st.markdown(f"**{number} af {count}**")
            st.button(
                "Næste",
                icon=":material/arrow_forward:",
                disabled=number == count,
                on_click=go_to,
                args=(number + 1,),
                key=f"{key}_naeste",
                shortcut="Right",
            )
            st.space("stretch")
            st.button(
                "Afslut præsentation",
                icon=":material/close_fullscreen:",
                on_click=leave_presentation,
                key=f"{key}_afslut",
                shortcut="Esc",
            )
        section = slides[number - 1]
        st.header(section.title, anchor=False)
        self._draw(section, heading=False)

    # --- sharing and exports --------------------------------------------------------------

    def _share_bar(self) -> None:
        key = f"{self.page_key}_del"
        records = self.records
        with st.container(horizontal=True, key=key):
            with st.popover("Kopiér link", icon=":material/link:"):
                st.caption("Linket åbner siden med de samme valg. Kopiér det med ikonet.")
                st.code(current_link(), language=None, wrap_lines=True)
            st.button(
                "Præsentationsvisning",
                icon=":material/slideshow:",
                on_click=enter_presentation,
                key=f"{key}_praesentation",
            )
            file_download(
                "PowerPoint",
                lambda: self._pptx(records),
                f"{self.file_stem}.pptx",
                ":material/co_present:",
                key=f"{key}_pptx",
            )
            file_download(
                "Excel",
                lambda: self._xlsx(records),
                f"{self.file_stem}.xlsx",
                ":material/table_view:",
                key=f"{key}_xlsx",
            )

    def _pptx(self, records: list[SectionRecord]) -> bytes:
        from hedensted.exports.slides import presentation_pptx

        return presentation_pptx(
            self.theme, date.today(), [record.frozen() for record in records], self.questions()
        )

    def _xlsx(self, records: list[SectionRecord]) -> bytes:
        from hedensted.exports.workbook import sections_xlsx

        return sections_xlsx([record.frozen() for record in records if record.tables])
