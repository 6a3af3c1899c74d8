"""The goal register as Danish text: target, actual and status sentences, tables, timeline rows."""

from __future__ import annotations

import math
import re
from datetime import date

import pandas as pd

from hedensted.core.periods import parse_period, period_label
from hedensted.goals.register import STATUS_ORDER, GoalStatus, TargetKind
from hedensted.present.formatting import MISSING_TEXT, and_list, format_compact, format_long_date

NO_DEADLINE_TEXT = "ingen dato i kilden"


def _with_unit(value: float, unit: str) -> str:
    number = format_compact(value)
    return f"{number}\N{NO-BREAK SPACE}{unit}" if unit else number


def target_text(kind: str, value: float, unit: str, direction: str) -> str:
    """The target in words: ``mindst 65 ledige``, ``højst 21 uger``, ``fald på 20 %``, ``nr. 1``."""
    kind = TargetKind(kind)
    if kind is TargetKind.QUALITATIVE:
        return "kvalitativt mål (intet tal)"
    if value is None or math.isnan(value):
        raise ValueError("Målet mangler et måltal.")
    if kind is TargetKind.RANK:
        return f"nr. {format_compact(value)}"
    shown = _with_unit(value, unit.replace(" (reduktion)", ""))
    if kind is TargetKind.REDUCTION:
        return shown if "reduktion" in shown else f"fald på {shown}"
    if kind is TargetKind.INCREASE:
        return f"stigning på {shown}"
    return f"{'højst' if direction == 'lavere er bedre' else 'mindst'} {shown}"


def actual_text(row: pd.Series) -> str:
    """``41 virksomheder i netværket (jun. 2019)``; ``–`` without a later figure."""
    if pd.isna(row["actual_value"]):
        return MISSING_TEXT
    shown = row["actual_text"] or _with_unit(float(row["actual_value"]), str(row["unit"]))
    when = period_label(row["actual_period"]) if row["actual_period"] else "uden dato"
    return f"{shown} ({when})"


def deadline_label(row: pd.Series) -> str:
    """The deadline as the source words it (``ved udgangen af 2020``), else as a Danish period."""
    words = str(row["deadline_text"] or "")
    if words:
        return words
    if not row["deadline"]:
        return NO_DEADLINE_TEXT
    code = str(row["deadline"])
    return format_long_date(row["deadline_end"]) if len(code) == 10 else period_label(code)


def status_label(status: str) -> str:
    """``kan ikke vurderes`` → ``Kan ikke vurderes`` (the status word for tiles and filters)."""
    return GoalStatus(status).value.capitalize()


def source_text(row: pd.Series) -> str:
    """The goal's document and section."""
    return f"{row['document']}: {row['section']}"


def evidence_text(row: pd.Series) -> str:
    """The evidence beside the verdict: figure and period, document and table, why.

    ``12 voksenlærlingeordninger (2019). Kilde: … – Punkt 3 …. Passer: Samme måling …``;
    for a goal without a figure the reason the documents cannot judge it.
    """
    if pd.isna(row["actual_value"]):
        return str(row["verdict_reason"])
    fits = "Passer" if row["evidence_matches"] else "Passer ikke"
    note = str(row["actual_note"] or "")
    note = f" {note}" if note and note.strip("».«") not in str(row["evidence_table"]) else ""
    lines = [
        f"{actual_text(row)}.{note}",
        f"Kilde: {row['evidence_document']} – {row['evidence_table']}.",
        f"{fits}: {row['evidence_reason']}",
    ]
    if str(row["evidence_reason"]) not in str(row["verdict_reason"]):
        lines.append(str(row["verdict_reason"]))  # the judge's own reason: no date, too early
    return "\n\n".join(lines)


def goals_display(goals: pd.DataFrame, compact: bool = False) -> pd.DataFrame:
    """The goals as a text table with Danish headings, the verdict first.

    ``Vurdering`` is the judge's label (``Undervejs: 12 af 55, 2019``) and
    ``Belæg`` the evidence it rests on (see :func:`evidence_text`); ``compact``
    leaves out theme and document for the theme pages.
    """
    rows = []
    for _, row in goals.iterrows():
        shown = {
            "Vurdering": row["status_label"],
            "Mål": row["goal"],
            "Måltal": target_text(
                row["target_kind"], row["target_value"], row["unit"], row["direction"]
            ),
            "Frist": deadline_label(row),
            "Belæg": evidence_text(row),
        }
        if not compact:
            shown["Tema"] = row["theme"].replace(";", ",")
        shown["Kilde"] = source_text(row)
        rows.append(shown)
    columns = ["Vurdering", "Mål", "Måltal", "Frist", "Belæg"]
    columns += [] if compact else ["Tema"]
    return pd.DataFrame(rows, columns=[*columns, "Kilde"])


def goals_readable(goals: pd.DataFrame) -> pd.DataFrame:
    """The goals for reading on the page: four columns that wrap at 1366 px.

    ``Vurdering`` first; ``Mål`` with its document and section; ``Måltal og frist``;
    ``Belæg`` (see :func:`evidence_text`).
    """
    return pd.DataFrame(
        {
            "Vurdering": goals["status_label"],
            "Mål": [f"{row['goal']}\n\n({source_text(row)})" for _, row in goals.iterrows()],
            "Måltal og frist": [
                f"{target_text(r['target_kind'], r['target_value'], r['unit'], r['direction'])}"
                f" – {deadline_label(r)}"
                for _, r in goals.iterrows()
            ],
            "Belæg": [evidence_text(row) for _, row in goals.iterrows()],
        },
        columns=["Vurdering", "Mål", "Måltal og frist", "Belæg"],
    )


def goals_export(goals: pd.DataFrame) -> pd.DataFrame:
    """The same goals for Excel: numbers kept as numbers, Danish headings."""
    return pd.DataFrame(
        {
            "Mål-id": goals["goal_id"],
            "Status": goals["status"],
            "Vurdering": goals["status_label"],
            "Begrundelse": goals["verdict_reason"],
            "Tema": goals["theme"],
            "Mål": goals["goal"],
            "Måling": goals["measure"],
            "Type af mål": goals["target_kind"],
            "Måltal": goals["target_value"],
            "Enhed": goals["unit"],
            "Retning": goals["direction"],
            "Frist": [deadline_label(row) for _, row in goals.iterrows()],
            "Startmåling": goals["baseline_value"],
            "Senere tal": goals["actual_value"],
            "Det senere tals tidspunkt": [
                period_label(code) if code else "" for code in goals["actual_period"]
            ],
            "Om det senere tal": goals["actual_note"],
            "Tallets dokument": goals["evidence_document"],
            "Tallets tabel": goals["evidence_table"],
            "Passer tallet til målet": [
                "" if pd.isna(fits) or fits is None else ("ja" if fits else "nej")
                for fits in goals["evidence_matches"]
            ],
            "Hvorfor": goals["evidence_reason"],
            "Dokument": goals["document"],
            "Afsnit": goals["section"],
        }
    )


def status_summary(counts: list[tuple[GoalStatus, int]]) -> str:
    """``0 opfyldt · 0 delvist · 1 ikke opfyldt · 4 undervejs · 12 kan ikke vurderes``."""
    return " · ".join(f"{count} {status.value}" for status, count in counts)


CLUSTER_DAYS = 45  # deadlines closer than this share one stack on the timeline
SPAN_DAYS = 31  # a deadline period longer than a month ("i 2020", "2024–2025") is a span


def timeline_frame(goals: pd.DataFrame) -> pd.DataFrame:
    """One row per goal with a deadline, for a timeline on a real time axis.

    Columns: ``start`` and ``end`` (dates: the deadline's period; a span such as
    ``i 2020`` or ``2024–2025`` has its first and last day, a deadline of a day or
    a month has start = end = its last day), ``span`` (whether the deadline is a
    period longer than a month),
    ``stack`` (1 = bottom; goals whose deadlines lie within ``CLUSTER_DAYS`` of
    the first in their group share one stack, so dots never cover each other; a
    span's line lies above the dots of every deadline it reaches over),
    ``status``, ``goal``, ``theme``, ``target``, ``verdict`` (the judge's label),
    ``deadline`` (as the source words it) and ``source``. Sorted by deadline.
    """
    dated = goals[goals["deadline_end"].notna()].copy()
    columns = [
        "start", "end", "span", "stack", "status", "goal", "theme", "target", "verdict",
        "deadline", "source",
    ]  # fmt: skip
    if dated.empty:
        return pd.DataFrame(columns=columns)
    order = {status.value: index for index, status in enumerate(STATUS_ORDER)}
    dated["status_rank"] = dated["status"].map(order)
    dated = dated.sort_values(["deadline_end", "deadline", "status_rank", "goal_id"])
    periods = [parse_period(code) for code in dated["deadline"]]
    spans = [(p.end - p.start).days > SPAN_DAYS for p in periods]
    clusters: list[int] = []
    cluster, first = -1, None
    for day, span in zip(dated["deadline_end"], spans, strict=True):
        if span:
            clusters.append(-1)  # placed below, above the dots they reach over
            continue
        if first is None or (day - first).days > CLUSTER_DAYS:
            cluster, first = cluster + 1, day
        clusters.append(cluster)
    dated["cluster"] = clusters
    stacks = list(dated.groupby("cluster").cumcount() + 1)
    # A span's line lies above the dots and the other spans it reaches over.
    placed: list[tuple[date, date, int]] = [
        (p.end, p.end, stack) for p, span, stack in zip(periods, spans, stacks, strict=True)
        if not span
    ]  # fmt: skip
    for index, (period, span) in enumerate(zip(periods, spans, strict=True)):
        if span:
            below = [s for start, end, s in placed if start <= period.end and end >= period.start]
            stacks[index] = max(below, default=0) + 1
            placed.append((period.start, period.end, stacks[index]))
    return pd.DataFrame(
        {
            "start": [
                pd.Timestamp(p.start if span else p.end)
                for p, span in zip(periods, spans, strict=True)
            ],
            "end": [pd.Timestamp(p.end) for p in periods],
            "span": spans,
            "stack": stacks,
            "status": dated["status"],
            "goal": dated["goal"],
            "theme": dated["theme"].str.replace(";", ","),
            "target": [
                target_text(r["target_kind"], r["target_value"], r["unit"], r["direction"])
                for _, r in dated.iterrows()
            ],
            "verdict": dated["status_label"],
            "deadline": [deadline_label(r) for _, r in dated.iterrows()],
            "source": [source_text(r) for _, r in dated.iterrows()],
        }
    ).reset_index(drop=True)


# --- slide forms: a goal in one short line, goals paged over several slides ----------------------
# The verdicts as a count reads them: "2 delvist opfyldt", "3 kan ikke vurderes".
STATUS_COUNT_WORDS = {
    GoalStatus.MET: "opfyldt",
    GoalStatus.PARTLY: "delvist opfyldt",
    GoalStatus.NOT_MET: "ikke opfyldt",
    GoalStatus.UNDERWAY: "undervejs",
    GoalStatus.NOT_ASSESSABLE: "kan ikke vurderes",
}
_SENTENCE_END = re.compile(r"(?<=[a-zæøå0-9%«)])\.\s+(?=[A-ZÆØÅ»])")


def first_sentence(text: str) -> str:
    """The first sentence of ``text`` (``jan. 2024`` and ``nr. 2`` do not end one)."""
    return _SENTENCE_END.split(text.strip(), maxsplit=1)[0].rstrip(".") + "."


def evidence_line(row: pd.Series) -> str:
    """The evidence in one line for a slide: the figure, its period and what it says
    (``nr. 2 af 12 (2,4 %) (jan. 2024). Hedensted har 2,4 % …``), or – without a figure –
    the first sentence of why the goal cannot be judged. The rest (document, table, whether
    the figure fits) is on the page (:func:`evidence_text`)."""
    if pd.isna(row["actual_value"]):
        return first_sentence(str(row["verdict_reason"]))
    return evidence_text(row).split("\n\n", maxsplit=1)[0]


def _counted(counts: list[tuple[GoalStatus, int]]) -> str:
    parts = [f"{count} {STATUS_COUNT_WORDS[status]}" for status, count in counts if count]
    return parts[0] if len(parts) == 1 else f"{', '.join(parts[:-1])} og {parts[-1]}"


def goals_headline(goals: pd.DataFrame, subject: str, page: range | None = None) -> str:
    """A slide's message about a set of goals, counted by the one judge.

    ``Ingen af de 7 mål for de unge frem mod 2018 kan vurderes ud fra dokumenterne.``;
    ``3 mål for Code of Care og småjobs: 1 undervejs og 2 kan ikke vurderes.``
    ``subject`` names the goals after the count (``mål for Code of Care og småjobs``);
    ``page``: the slide shows these of them (`` – her mål 1–4 af 7.``).
    Raises ``ValueError`` for no goals.
    """
    if goals.empty:
        raise ValueError(f"Der er ingen {subject} at opsummere.")
    counts = [(status, count) for status, count in _status_counts(goals) if count]
    total = len(goals)
    if len(counts) == 1 and total > 1:
        status = counts[0][0]
        if status is GoalStatus.NOT_ASSESSABLE:
            sentence = f"Ingen af de {total} {subject} kan vurderes ud fra dokumenterne"
        else:
            sentence = f"Alle {total} {subject} er {STATUS_COUNT_WORDS[status]}"
    else:
        sentence = f"{total} {subject}: {_counted(counts)}"
    if page is not None and len(page) < total:
        sentence += f" – her mål {_span(page)} af {total}"
    return sentence + "."


def _span(page: range) -> str:
    """``1–8`` (joined, so a headline never breaks after the dash), or ``5`` for one."""
    if len(page) == 1:
        return str(page.start + 1)
    return f"{page.start + 1}\N{WORD JOINER}–\N{WORD JOINER}{page.stop}"


def _status_counts(goals: pd.DataFrame) -> list[tuple[GoalStatus, int]]:
    counts = goals["status"].value_counts()
    return [(status, int(counts.get(status.value, 0))) for status in STATUS_ORDER]


def slide_pages(count: int, per_page: int) -> list[range]:
    """``count`` items on as few slides of at most ``per_page`` as possible, evenly
    (7 goals, 4 a slide: 1–4 and 5–7). Raises ``ValueError`` for ``per_page`` < 1."""
    if per_page < 1:
        raise ValueError("Et dias skal kunne rumme mindst ét mål.")
    if count <= 0:
        return []
    slides = math.ceil(count / per_page)
    size, extra = divmod(count, slides)
    pages, start = [], 0
    for index in range(slides):
        end = start + size + (1 if index < extra else 0)
        pages.append(range(start, end))
        start = end
    return pages


# A goal line on a slide at 1280×720 (18 px type, ~150 characters a line, the badge and the
# deadline beside the goal; measured in screenshots):
# about this many characters a screen line, and this many lines a slide.
SLIDE_LINE_CHARS = 150
SLIDE_LINES = 14
SLIDE_GOALS = 12
_LINE_EXTRA_CHARS = 30  # the verdict badge and "· Frist: "


def goal_line_pages(
    goals: pd.DataFrame,
    line_chars: int = SLIDE_LINE_CHARS,
    lines: int = SLIDE_LINES,
    most: int = SLIDE_GOALS,
) -> list[range]:
    """The goals (in their order) packed onto slides: a goal takes as many screen lines as
    its text needs, and a slide holds at most ``lines`` lines and ``most`` goals. A short
    last slide shares the goals of the one before it evenly."""
    needs = [
        math.ceil(
            (len(str(row["goal"])) + len(deadline_label(row)) + _LINE_EXTRA_CHARS) / line_chars
        )
        for _, row in goals.iterrows()
    ]
    pages: list[range] = []
    start = used = 0
    for index, need in enumerate(needs):
        if index > start and (used + need > lines or index - start >= most):
            pages.append(range(start, index))
            start, used = index, 0
        used += need
    if len(needs) > start:
        pages.append(range(start, len(needs)))
    if len(pages) > 1 and len(pages[-1]) < len(pages[-2]) // 2:
        before, last = pages[-2], pages[-1]
        half, split = sum(needs[before.start : last.stop]) / 2, before.start
        while split < last.stop - 1 and sum(needs[before.start : split + 1]) <= half:
            split += 1
        pages[-2:] = [range(before.start, split), range(split, last.stop)]
    return pages


def goal_page_headline(goals: pd.DataFrame, page: range) -> str:
    """``Mål 1–8 af 173: 1 ikke opfyldt, 4 undervejs og 3 kan ikke vurderes.``; a slide of
    goals with one status says it once (``Mål 9–16 af 173: alle kan ikke vurderes …``)."""
    shown = goals.iloc[page.start : page.stop]
    counts = [(status, count) for status, count in _status_counts(shown) if count]
    where = f"Mål {_span(page)} af {len(goals)}"
    if len(counts) == 1 and len(page) > 1:
        status = counts[0][0]
        if status is GoalStatus.NOT_ASSESSABLE:
            return f"{where}: ingen af dem kan vurderes ud fra dokumenterne."
        return f"{where}: alle er {STATUS_COUNT_WORDS[status]}."
    return f"{where}: {_counted(counts)}."


def deadline_headline(goals: pd.DataFrame) -> str:
    """The timeline slide's message: how many goals have a deadline, and the year most
    deadlines fall in (the end of the deadline's period).

    »152 af 173 mål har en frist – flest i 2024 (87).« Raises ``ValueError`` when no goal
    has a deadline.
    """
    dated = goals[goals["deadline_end"].notna()]
    if dated.empty:
        raise ValueError("Ingen af målene har en frist.")
    years = dated["deadline_end"].map(lambda day: day.year).value_counts()
    top = years[years == years.max()].sort_index()
    most = and_list([str(year) for year in top.index])
    opening = f"{len(dated)} af {len(goals)} mål har en frist"
    if len(dated) == len(goals):
        opening = f"Alle {len(goals)} mål har en frist"
    return f"{opening} – flest i {most} ({int(years.max())}{' hvert år' if len(top) > 1 else ''})."
