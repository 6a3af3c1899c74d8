"""A page as a deck of sections: all shown on the page, one per slide in presentation view.

A page registers its sections in order (``Deck.section``), optionally the
theme's discussion questions as the last one (``Deck.discussion``), and calls
``Deck.show``. Every section is recorded while it is drawn (``ui.deck.recording``),
so the PowerPoint and Excel exports hold what the viewer sees.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from functools import partial
from typing import Literal
from urllib.parse import urlencode

import streamlit as st

from hedensted.core.catalog import Catalog, DatasetError
from hedensted.core.url_codec import PARAM_SLIDE, slide_from_param
from hedensted.exports.model import ExportSection
from ui.deck.presentation import enter_presentation, is_presentation, leave_presentation
from ui.deck.recording import SectionRecord, recording
from ui.state.url import keep_params_in_url, url_params, url_text
from ui.widgets.components import file_download, with_datasets
from ui.widgets.errors import guarded_section

Layout = Literal["sections", "tabs"]
TAB_PARAM = "fane"


Headline = str | Callable[[], str] | None


@dataclass(frozen=True)
class Part:
    """One slide of a section: what it draws and its headline (the message).

    ``title`` may be a function, so the headline is a sentence computed from the
    figures; ``None`` uses the section's title.
    """

    render: Callable[[], None]
    title: Headline = None


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
    # In the PowerPoint and Excel files (default: when it is a slide). An overview that
    # is several slides in presentation view is exported from the page.
    exported: bool | None = None
    # In presentation view each part is a slide of its own; the page shows them in turn.
    parts: tuple[Part, ...] = ()
    # The slide's headline (the message) when the section is one slide; None: its title.
    headline: Headline = None

    def slide_parts(self) -> tuple[Part, ...]:
        return self.parts or (Part(self.render, self.headline),)


def headline(part: Part, fallback: str) -> str:
    """A slide's heading: the part's message, else the section's title."""
    if part.title is None:
        return fallback
    if isinstance(part.title, str):
        return part.title
    try:
        return part.title() or fallback
    except (DatasetError, ValueError, KeyError):
        return fallback


def with_headlines(exported: ExportSection, section: Section) -> ExportSection:
    """The exported section with each chart's slide headed by the message presentation
    view heads that slide with, where the section's slides and its charts pair up one
    to one (the page draws them in the same order); otherwise as it is."""
    parts = section.slide_parts()
    if len(parts) != len(exported.charts):
        return exported
    charts = tuple(
        replace(chart, headline=plain_headline(headline(part, "")))
        for chart, part in zip(exported.charts, parts, strict=True)
    )
    return replace(exported, charts=charts)


def plain_headline(text: str) -> str:
    """A headline as slide text: without Markdown bold."""
    return text.replace("**", "").strip()


def page_intro(title: str, intro: str) -> None:
    """The page title and introduction; in presentation view the slide's header row
    names the page instead (``Deck``), so the slide keeps the screen for its figure."""
    if is_presentation():
        return
    st.title(title)
    if intro:
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
        self.exported_sections: list[Section] = []  # the section of each record
        self.discussion_record: SectionRecord | None = None
        self._questions: Callable[[], Sequence[str]] = list

    def section(
        self,
        title: str,
        render: Callable[[], None],
        anchor: str | None = None,
        presentable: bool = True,
        page_view: bool = True,
        fragment: bool = False,
        exported: bool | None = None,
        headline: Headline = None,
    ) -> None:
        """Add a section (one slide) drawn by ``render`` under the heading ``title``.

        ``presentable=False``: on the page only; ``page_view=False``: a slide only.
        ``fragment=True``: for a section whose controls only change itself – a
        change reruns just this section (``st.fragment``), and its export record
        is redrawn with it. ``exported``: in the files even if not a slide
        (default: if a slide). ``headline``: the slide's message (see :class:`Part`).
        """
        self.sections.append(
            Section(
                title,
                render,
                anchor,
                presentable=presentable,
                page_view=page_view,
                fragment=fragment,
                exported=exported,
                headline=headline,
            )
        )

    def slides(
        self,
        title: str,
        parts: Sequence[Part],
        anchor: str | None = None,
        page: Callable[[], None] | None = None,
    ) -> None:
        """A section of several slides: on the page one after the other under ``title``
        (or drawn by ``page``, when the parts are steps of one drawing), in presentation
        view each part on a slide of its own, headed by its message."""
        if not parts:
            raise ValueError(f"Afsnittet »{title}« har ingen dias.")

        def draw_all() -> None:
            for part in parts:
                part.render()

        self.sections.append(Section(title, page or draw_all, anchor, parts=tuple(parts)))

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
        exported: bool | None = None,
        headline: Headline = None,
    ) -> None:
        """A section drawn from catalog datasets (a Danish error if one is broken)."""
        self.section(
            title,
            lambda: with_datasets(catalog, dataset_ids, render),
            anchor,
            presentable,
            page_view,
            fragment=fragment,
            exported=exported,
            headline=headline,
        )

    def parts_section(
        self,
        title: str,
        catalog: Catalog,
        parts: Sequence[tuple[list[str], Callable[..., None]]],
        anchor: str | None = None,
        titles: Sequence[Headline] = (),
    ) -> None:
        """A section of several parts, each drawn from its own datasets.

        A broken dataset blanks only its own part. In presentation view each part
        is a slide, headed by its entry in ``titles`` (default: the section's title).
        """
        headlines: list[Headline] = [*titles, *[None] * (len(parts) - len(titles))]
        self.slides(
            title,
            [
                Part(partial(with_datasets, catalog, dataset_ids, render), headline)
                for (dataset_ids, render), headline in zip(parts, headlines, strict=True)
            ],
            anchor,
        )

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

    def _draw(self, section: Section, heading: bool, part: Part | None = None) -> None:
        if heading:
            st.header(section.title, anchor=section.anchor)
        record = SectionRecord(section.title)

        def draw() -> None:
            # A fragment rerun draws the section again: record it afresh in the same
            # record, which the export buttons of this page run hold.
            fresh = SectionRecord(section.title)
            with recording(fresh):
                guarded_section(section.title, part.render if part else section.render)
            for name in (
                "charts",
                "key_figures",
                "source_lines",
                "tables",
                "pending",
                "chart_sources",
                "short_sources",
                "chart_short_sources",
            ):
                setattr(record, name, getattr(fresh, name))

        if section.fragment:
            st.fragment(draw)()
        else:
            draw()
        exported = section.presentable if section.exported is None else section.exported
        if section.is_discussion:
            self.discussion_record = record
        elif exported:
            self.records.append(record)
            self.exported_sections.append(section)

    def slide_list(self) -> list[tuple[Section, Part]]:
        """Every slide in order: each part of each presentable section."""
        return [
            (section, part)
            for section in self.sections
            if section.presentable
            for part in section.slide_parts()
        ]

    def _show_slide(self) -> None:
        slides = self.slide_list()
        count = len(slides)
        key = f"{self.page_key}_dias"
        number = slide_from_param(url_text(PARAM_SLIDE), count)

        def go_to(target: int) -> None:
            keep_params_in_url({PARAM_SLIDE: str(target)}, (PARAM_SLIDE,))

        section, part = slides[number - 1]
        heading = headline(part, section.title)
        context = f"**{self.theme}**"
        if heading != section.title:
            context += f" · {section.title}"
        with st.container(horizontal=True, vertical_alignment="center", key=f"{key}_nav"):
            st.markdown(context, width="content")
            st.button(
                "Forrige",
                icon=":material/arrow_back:",
                disabled=number == 1,
                on_click=go_to,
                args=(number - 1,),
                key=f"{key}_forrige",
                shortcut="Left",
            )
            st.markdown(f"**{number} af {count}**", width="content")
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
        with st.container(key="deck_slide"):
            st.header(heading, anchor=False)
            self._draw(section, heading=False, part=part)

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

        questions = self.questions()
        sections = [
            with_headlines(record.frozen(), section)
            for record, section in zip(records, self.exported_sections, strict=True)
        ]
        # A theme whose discussion asks no questions still ends on its points.
        if not questions and self.discussion_record and self.discussion_record.key_figures:
            sections.append(self.discussion_record.frozen())
        return presentation_pptx(self.theme, date.today(), sections, questions)

    def _xlsx(self, records: list[SectionRecord]) -> bytes:
        from hedensted.exports.workbook import sections_xlsx

        return sections_xlsx(
            [record.frozen() for record in records if record.tables], theme=self.theme
        )
