"""The one Markdown escaper: user and source text shown exactly as text.

Every text that people typed or that comes from a file (file names, comments,
editor names, labels and cells read from an upload, source documents' texts)
goes through :func:`escape_markdown` before it reaches ``st.markdown``,
``st.caption`` or a message box. After escaping, the text cannot make a link,
an image (which would make every viewer's browser fetch an outside address),
emphasis, a heading, a list, a table, a quote, code, LaTeX, an HTML tag or
entity, or one of Streamlit's directives (``:material/icon:``, ``:red[…]``,
emoji shortcodes). Characters that are harmless where they stand (a full stop, a
hyphen inside a line, a colon before a space or digit) are left alone, so
ordinary Danish text is unchanged.
"""

from __future__ import annotations

import re

# Markdown and Streamlit syntax anywhere in a line.
_ANYWHERE = re.compile(r"([\\`*_\[\]<>|#~$&])")
# ":" that could open a Streamlit directive or an emoji shortcode (":red[", ":smile:").
_DIRECTIVE_COLON = re.compile(r":(?=[^\s\d\\])")
# A line that would start a list, a setext heading or a thematic break.
_LINE_MARK = re.compile(r"^(\s*)([-+=])", re.MULTILINE)
_NUMBERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def escape_markdown(text: object) -> str:
    """``text`` so that Streamlit's Markdown shows it literally (see the module doc)."""
    escaped = _ANYWHERE.sub(r"\\\1", str(text))
    escaped = _DIRECTIVE_COLON.sub(r"\\:", escaped)
    escaped = _LINE_MARK.sub(r"\1\\\2", escaped)
    return _NUMBERED.sub(r"\1\\\2", escaped)
