"""The one Markdown escaper: user and file text is shown literally, never as Markdown.

Each text is escaped and rendered by a CommonMark renderer with GFM tables and
strikethrough; the result must be one plain paragraph with exactly the text.
Streamlit's own directives (``:material/…:``, ``:red[…]``, emoji) must be broken.
"""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt

from hedensted.present.markdown import escape_markdown

RENDERER = MarkdownIt("commonmark").enable(["table", "strikethrough"])

TEXTS = [
    "![x](http://evil.example/pixel.png).csv",
    "[klik her](http://evil.example)",
    "<http://evil.example>",
    "**fed** og _kursiv_ og ~~slettet~~",
    "# Overskrift",
    "1. december 2019",
    "- punkt",
    "+ punkt",
    "> citat",
    "`kode`",
    "a | b\n--- | ---\nc | d",
    "$x^2$ og $$y$$",
    "<b>fed</b> <img src=x onerror=alert(1)>",
    "&lt;b&gt; &#33;",
    "Titel\n===",
    "Titel\n---",
    "marts.csv (version 2) – 22,7 % · kl. 14.03, 5. mar. 2024",
    "Kilde: Jobindsats.dk, dec. 2023.",
    "\\*ikke fed\\*",
]


def _plain(rendered: str) -> str:
    inner = re.sub(r"</?p>|\n", lambda m: "\n" if m.group() == "\n" else "", rendered)
    return html.unescape(inner).strip()


@pytest.mark.parametrize("text", TEXTS)
def test_escaped_text_renders_as_exactly_the_text(text: str) -> None:
    rendered = RENDERER.render(escape_markdown(text))
    tags = set(re.findall(r"<(\w+)", rendered))
    assert tags <= {"p"}, rendered
    assert _plain(rendered) == text.strip(), rendered


@pytest.mark.parametrize(
    "text", [":material/home: hjem", ":red[rød]", ":smile:", "https://evil.example"]
)
def test_streamlit_directives_are_broken(text: str) -> None:
    escaped = escape_markdown(text)
    assert not re.search(r"(?<!\\):[a-z/\[]", escaped), escaped


def test_ordinary_danish_text_is_unchanged() -> None:
    text = "Hedensted bruger 667 kr. mindre pr. person end RAR Østjylland (dec. 2023): 22,7 %."
    assert escape_markdown(text) == text


SOURCE_SCRIPT = """
from ui.widgets.components import source_caption
from ui.state.data import get_catalog

dataset = get_catalog().get("fuldtidspersoner_pct_arbejdsstyrke")
source_caption(dataset)
"""


def test_an_imported_file_name_is_escaped_in_the_source_line(register_database) -> None:
    from streamlit.testing.v1 import AppTest

    from hedensted.monthly.db import open_register
    from tests.import_support import FULLTIME, attempt, template_file

    name = "![x](http://evil.example/pixel.png).csv"
    attempt(open_register(register_database), name, template_file(FULLTIME, "2024-03"))
    at = AppTest.from_string(SOURCE_SCRIPT, default_timeout=60)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    [caption] = [c.value for c in at.caption]
    assert "Importeret fil »" in caption and name not in caption
    assert escape_markdown(name) in caption
    rendered = RENDERER.render(caption)
    assert "<img" not in rendered and "<a" not in rendered
