"""How many lines a text takes when wrapped between words: the one estimate the slides
(text boxes, table rows) and the workbooks (row heights) size themselves by."""

from __future__ import annotations


def wrapped_lines(text: str, per_line: int) -> int:
    """Lines after greedy word wrap at ``per_line`` characters; a word longer than a line
    is broken over several, and each explicit line break starts a new line."""
    if per_line < 1:
        raise ValueError("En linje skal have plads til mindst ét tegn.")
    lines = 0
    for paragraph in text.split("\n"):
        lines += 1
        used = 0
        for word in paragraph.split():
            if used and used + 1 + len(word) <= per_line:
                used += 1 + len(word)
                continue
            if used:
                lines += 1
            lines += (len(word) - 1) // per_line
            used = (len(word) - 1) % per_line + 1
    return lines
