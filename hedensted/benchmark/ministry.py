"""The employment ministry's benchmark: actual vs expected persons on benefits.

The shipped table (version 1) has Hedensted's published figures for one
period; periods fetched from Jobindsats (table ``y30r21``) have every
municipality, so the rank can be followed over time and Hedensted placed among
all municipalities. All functions are pure and read the tidy frame
(``area``, ``benefit_area``, ``measure``, ``period``, ``value``). The last part has
the Benchmark page's section 3: the sentences per benefit area and the
document's explanation of »forventet ud fra rammevilkår«.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import pandas as pd

from hedensted.core.constants import HEDENSTED
from hedensted.present.formatting import format_million_kroner, format_number

if TYPE_CHECKING:
    import altair as alt

RANK = "Placering"
ACTUAL = "Faktisk ydelsesomfang (fuldtidspersoner)"
EXPECTED = "Forventet ydelsesomfang (fuldtidspersoner)"
POINTS = "Pct. point"
DIFFERENCE = "Forskel fuldtidspersoner"
SAVINGS = "Ændring i kommunale besparelser (kroner)"
MUNICIPALITIES_RANKED = 98
ALL_BENEFITS = "Alle ydelser"
REQUIRED = (RANK, ACTUAL, EXPECTED)


def _area_rows(benchmark: pd.DataFrame, area: str) -> pd.DataFrame:
    if "area" not in benchmark.columns:
        return benchmark
    return benchmark[benchmark["area"] == area]


def _wide(rows: pd.DataFrame, index: list[str]) -> pd.DataFrame:
    wide = rows.pivot_table(index=index, columns="measure", values="value", aggfunc="first")
    missing = [m for m in REQUIRED if m not in wide.columns]
    if missing:
        raise ValueError(f"Benchmarktabellen mangler målene {missing}.")
    for measure in (POINTS, DIFFERENCE, SAVINGS):
        if measure not in wide.columns:
            wide[measure] = math.nan
    return wide


def benchmark_table(benchmark: pd.DataFrame, area: str = HEDENSTED) -> pd.DataFrame:
    """One row per benefit area for ``area`` (one period) with the measures and two derived ones.

    Adds ``actual_minus_expected`` (negative: fewer on benefits than expected)
    and ``kr_per_full_time_person`` (the savings column divided by the published
    difference in full-time persons, as a positive amount). The published
    difference, points and savings exist only for the shipped period; they are
    missing (NaN) for a fetched one.

    Raises ``ValueError`` if the area or a required measure is missing.
    """
    rows = _area_rows(benchmark, area)
    if rows.empty:
        raise ValueError(f"Benchmarket har ingen tal for {area}.")
    wide = _wide(rows, ["benefit_area"])
    wide = wide.reindex(list(dict.fromkeys(rows["benefit_area"])))
    result = pd.DataFrame(
        {
            "benefit_area": wide.index,
            "rank": wide[RANK].to_numpy(),
            "actual": wide[ACTUAL].to_numpy(),
            "expected": wide[EXPECTED].to_numpy(),
            "points": wide[POINTS].to_numpy(),
            "published_difference": wide[DIFFERENCE].to_numpy(),
            "savings_kr": wide[SAVINGS].to_numpy(),
        }
    )
    result["actual_minus_expected"] = result["actual"] - result["expected"]
    result["kr_per_full_time_person"] = (
        result["savings_kr"].abs() / result["published_difference"].abs()
    )
    return result


def ranked_count(benchmark: pd.DataFrame, benefit_area: str = ALL_BENEFITS) -> int:
    """How many municipalities the period ranks: those with a rank in the data, or 98
    for the shipped table, which only has Hedensted (the document does not say)."""
    rows = benchmark[(benchmark["benefit_area"] == benefit_area) & (benchmark["measure"] == RANK)]
    ranked = rows["value"].notna().sum()
    return int(ranked) if ranked > 1 else MUNICIPALITIES_RANKED


def rank_history(
    benchmark: pd.DataFrame, area: str = HEDENSTED, benefit_area: str = ALL_BENEFITS
) -> pd.DataFrame:
    """``area``'s rank, actual and expected per period (oldest first).

    Columns: ``period``, ``rank``, ``ranked`` (municipalities ranked that
    period), ``actual``, ``expected``, ``actual_minus_expected``.
    """
    rows = _area_rows(benchmark, area)
    rows = rows[rows["benefit_area"] == benefit_area]
    if rows.empty:
        raise ValueError(f"Benchmarket har ingen tal for {area} ({benefit_area}).")
    wide = _wide(rows, ["period"])
    periods = sorted(wide.index, key=_period_end)
    history = pd.DataFrame(
        {
            "period": periods,
            "rank": [wide.at[p, RANK] for p in periods],
            "ranked": [
                ranked_count(benchmark[benchmark["period"] == p], benefit_area) for p in periods
            ],
            "actual": [wide.at[p, ACTUAL] for p in periods],
            "expected": [wide.at[p, EXPECTED] for p in periods],
        }
    )
    history["actual_minus_expected"] = history["actual"] - history["expected"]
    return history


def ranking(benchmark: pd.DataFrame, period: str, benefit_area: str = ALL_BENEFITS) -> pd.DataFrame:
    """Every municipality in one period, best first.

    Columns: ``area``, ``rank``, ``actual``, ``expected``,
    ``actual_minus_expected``, ``pct_of_expected`` (actual − expected in
    percent of expected; negative is better) and ``is_hedensted``. A
    municipality without a rank is left out.
    """
    rows = benchmark[(benchmark["period"] == period) & (benchmark["benefit_area"] == benefit_area)]
    if rows.empty or "area" not in rows.columns:
        raise ValueError(f"Benchmarket har ingen kommuner for perioden {period}.")
    wide = _wide(rows, ["area"]).dropna(subset=[RANK]).sort_values(RANK)
    table = pd.DataFrame(
        {
            "area": wide.index,
            "rank": wide[RANK].to_numpy(),
            "actual": wide[ACTUAL].to_numpy(),
            "expected": wide[EXPECTED].to_numpy(),
        }
    )
    table["actual_minus_expected"] = table["actual"] - table["expected"]
    table["pct_of_expected"] = table["actual_minus_expected"] / table["expected"] * 100
    table["is_hedensted"] = table["area"] == HEDENSTED
    return table.reset_index(drop=True)


def rank_change_sentence(history: pd.DataFrame, label) -> str:
    """»Fra nr. 12 (2. halvår 2019 – 1. halvår 2020) til nr. 9 (…): 3 pladser bedre.«

    ``label`` turns a period code into its Danish label. Empty with fewer than
    two periods.
    """
    known = history.dropna(subset=["rank"])
    if len(known) < 2:
        return ""
    first, last = known.iloc[0], known.iloc[-1]
    steps = int(first["rank"]) - int(last["rank"])
    if steps > 0:
        verdict = f"{steps} {'plads' if steps == 1 else 'pladser'} bedre"
    elif steps < 0:
        verdict = f"{-steps} {'plads' if steps == -1 else 'pladser'} dårligere"
    else:
        verdict = "samme placering"
    return (
        f"Fra nr. {int(first['rank'])} ({label(first['period'])}) til nr. "
        f"{int(last['rank'])} ({label(last['period'])}): {verdict}."
    )


def _period_end(code: str):
    from hedensted.core.periods import parse_period

    period = parse_period(code)
    return (period.end, period.start)


# --- Charts (Altair specs; no Streamlit) ---------------------------------------------


def rank_history_chart(history: pd.DataFrame, label) -> alt.LayerChart:
    """Hedensted's rank per period (1 = best, at the top)."""
    import altair as alt

    from hedensted.present.charts import HEDENSTED_COLOR

    frame = history.assign(
        period_label=[label(p) for p in history["period"]],
        rank_text=[
            "–" if math.isnan(r) else f"nr. {int(r)} af {n}"
            for r, n in zip(history["rank"], history["ranked"], strict=True)
        ],
    )
    worst = int(max(frame["ranked"].max(), frame["rank"].max(skipna=True) or 1))
    base = alt.Chart(frame, height=260).encode(
        x=alt.X(
            "period_label:N",
            title=None,
            sort=list(frame["period_label"]),
            axis=alt.Axis(labelAngle=0, labelLimit=160),
        ),
        y=alt.Y(
            "rank:Q", title="Placering (1 = bedst)", scale=alt.Scale(domain=[worst, 1], nice=False)
        ),
        tooltip=[
            alt.Tooltip("period_label:N", title="Periode"),
            alt.Tooltip("rank_text:N", title="Placering"),
            alt.Tooltip("actual:Q", title="Faktisk (fuldtidspersoner)", format=",.0f"),
            alt.Tooltip("expected:Q", title="Forventet (fuldtidspersoner)", format=",.0f"),
        ],
    )
    line = base.mark_line(color=HEDENSTED_COLOR, point=alt.OverlayMarkDef(size=90))
    labels = base.mark_text(dy=-14, fontSize=13, color="#1f2933").encode(text="rank_text:N")
    return alt.layer(line, labels)  # type: ignore[return-value]  # no facets, so a LayerChart


def ranking_chart(table: pd.DataFrame) -> alt.Chart:
    """Every municipality's actual − expected in pct. of expected, best first;
    Hedensted in its own colour."""
    import altair as alt

    from hedensted.present.charts import HEDENSTED_COLOR, OTHER_AREA_COLOR

    frame = table.assign(
        rank_text=[f"nr. {int(r)}" for r in table["rank"]],
        kind=["Hedensted" if h else "Andre kommuner" for h in table["is_hedensted"]],
    )
    return (
        alt.Chart(frame, height=300)
        .mark_bar()
        .encode(
            x=alt.X(
                "area:N",
                title=None,
                sort=list(frame["area"]),
                axis=alt.Axis(labelAngle=-90, labelFontSize=9, labelLimit=120),
            ),
            y=alt.Y("pct_of_expected:Q", title="Faktisk i forhold til forventet (pct.)"),
            color=alt.Color(
                "kind:N",
                title=None,
                scale=alt.Scale(
                    domain=["Hedensted", "Andre kommuner"],
                    range=[HEDENSTED_COLOR, OTHER_AREA_COLOR],
                ),
                legend=alt.Legend(orient="top"),
            ),
            tooltip=[
                alt.Tooltip("area:N", title="Kommune"),
                alt.Tooltip("rank_text:N", title="Placering"),
                alt.Tooltip("actual:Q", title="Faktisk (fuldtidspersoner)", format=",.0f"),
                alt.Tooltip("expected:Q", title="Forventet (fuldtidspersoner)", format=",.0f"),
                alt.Tooltip(
                    "pct_of_expected:Q",
                    title="Faktisk i forhold til forventet (pct.)",
                    format="+.1f",
                ),
            ],
        )
    )


def standing_sentence(table: pd.DataFrame, period_text: str) -> str:
    """»Hedensted er nr. 9 af 97 kommuner (…): … 3,1 pct. færre end forventet. 8 … bedre.«"""
    from hedensted.present.formatting import format_number

    rows = table[table["is_hedensted"]]
    if rows.empty:
        return f"Hedensted har ingen placering for {period_text}."
    row = rows.iloc[0]
    pct = round(float(row["pct_of_expected"]), 1)
    if pct == 0:
        compared = "som forventet"
    else:
        direction = "færre" if pct < 0 else "flere"
        compared = f"{format_number(abs(pct), 1)} pct. {direction} end forventet"
    better = int((table["rank"] < row["rank"]).sum())
    return (
        f"Hedensted er nr. {int(row['rank'])} af {len(table)} kommuner ({period_text}): "
        f"{format_number(row['actual'])} fuldtidspersoner på offentlig forsørgelse mod forventet "
        f"{format_number(row['expected'])} – {compared}. "
        f"{better} {'kommune klarer' if better == 1 else 'kommuner klarer'} sig bedre."
    )


NO_FETCHED_PERIODS = (
    "Udviklingen og de andre kommuner vises, når en redaktør har hentet perioder fra "
    "Jobindsats (tabel y30r21) på siden »Opdater data«."
)


def source_line(period_text: str) -> str:
    """The fetched periods' source (the shipped period's is the committee document)."""
    return f"Kilde: Beskæftigelsesministeriet via Jobindsats.dk (tabel y30r21), {period_text}."


def ranking_note(period_text: str) -> str:
    """What the all-municipalities chart shows, and its source."""
    return (
        "Søjlen er faktisk minus forventet antal fuldtidspersoner i pct. af det forventede; "
        "under 0 er færre på offentlig forsørgelse end forventet ud fra rammevilkårene. "
        + source_line(period_text)
    )


HISTORY_COLUMNS = {
    "period": "Periode",
    "rank": "Placering",
    "ranked": "Rangerede kommuner",
    "actual": "Faktisk (fuldtidspersoner)",
    "expected": "Forventet (fuldtidspersoner)",
    "actual_minus_expected": "Faktisk minus forventet (fuldtidspersoner)",
}
RANKING_COLUMNS = {
    "rank": "Placering",
    "area": "Kommune",
    "actual": "Faktisk (fuldtidspersoner)",
    "expected": "Forventet (fuldtidspersoner)",
    "actual_minus_expected": "Faktisk minus forventet (fuldtidspersoner)",
    "pct_of_expected": "Faktisk minus forventet (pct. af forventet)",
}


def history_numbers(history: pd.DataFrame, label) -> pd.DataFrame:
    """The rank chart's »Vis tal«: one row per period, Danish headings, numbers as numbers."""
    frame = history[list(HISTORY_COLUMNS)].assign(period=[label(p) for p in history["period"]])
    return frame.rename(columns=HISTORY_COLUMNS).reset_index(drop=True)


def ranking_numbers(table: pd.DataFrame) -> pd.DataFrame:
    """The all-municipalities chart's »Vis tal«: every ranked municipality, best first."""
    frame = table[list(RANKING_COLUMNS)].assign(pct_of_expected=table["pct_of_expected"].round(1))
    return frame.rename(columns=RANKING_COLUMNS).reset_index(drop=True)


def front_page_summary(benchmark: pd.DataFrame, period: str, label) -> str:
    """The Forside's line: Hedensted's newest standing and the rank's development."""
    parts = [standing_sentence(ranking(benchmark, period), label(period))]
    change = rank_change_sentence(rank_history(benchmark), label)
    if change:
        parts.append(f"Placeringen: {change[0].lower()}{change[1:]}")
    return "**Ministeriets benchmark:** " + " ".join(parts)


# --- Benchmark section 3: the shipped table's sentences and the explanation ---------


def _sentence(text: str) -> str:
    """End a sentence with one full stop (values such as "8,4 mio. kr." end with one)."""
    return text if text.endswith(".") else text + "."


def benchmark_view(frame: pd.DataFrame) -> pd.DataFrame:
    """The benchmark per benefit area with the rank as text (``nr. 12 af 98``)."""
    table = benchmark_table(frame)
    ranked = ranked_count(frame)
    table["rank_text"] = [
        "ingen placering" if pd.isna(r) else f"nr. {int(r)} af {ranked}" for r in table["rank"]
    ]
    table["rank_of"] = ranked
    return table


def benchmark_long(table: pd.DataFrame) -> pd.DataFrame:
    """Actual and expected full-time persons in long form, for a grouped bar chart."""
    rows = []
    for _, row in table.iterrows():
        for series, column in (("Faktisk", "actual"), ("Forventet", "expected")):
            rows.append(
                {
                    "benefit_area": row["benefit_area"],
                    "series": series,
                    "value": row[column],
                    "rank_text": row["rank_text"],
                    "actual_minus_expected": row["actual_minus_expected"],
                }
            )
    return pd.DataFrame(rows)


def _fewer_more(difference: float) -> str:
    if difference < 0:
        return f"{format_number(abs(difference))} færre end forventet"
    if difference > 0:
        return f"{format_number(difference)} flere end forventet"
    return "som forventet"


def benchmark_sentences(table: pd.DataFrame) -> list[str]:
    """One sentence per benefit area: rank, actual vs expected, savings as published."""
    return [
        _sentence(
            f"**{row['benefit_area']}**: {row['rank_text']}. "
            f"{format_number(row['actual'])} fuldtidspersoner på offentlig forsørgelse mod "
            f"forventet {format_number(row['expected'])} – "
            f"{_fewer_more(row['actual_minus_expected'])}"
            + (
                ""
                if pd.isna(row["savings_kr"])
                else ". Ændring i kommunale besparelser som opgjort af ministeriet: "
                f"{format_million_kroner(row['savings_kr'])}"
            )
        )
        for _, row in table.iterrows()
    ]


def expected_example(table: pd.DataFrame, benefit_area: str = "Alle ydelser") -> str:
    """Hedensted's own figures as an example of "forventet ud fra rammevilkår"."""
    rows = table[table["benefit_area"] == benefit_area]
    if rows.empty:
        raise ValueError(f"Benchmarket har ikke området '{benefit_area}'.")
    row = rows.iloc[0]
    difference = float(row["actual_minus_expected"])
    verdict = (
        "klarer kommunen sig bedre end forventet"
        if difference < 0
        else "klarer kommunen sig dårligere end forventet"
        if difference > 0
        else "klarer kommunen sig som forventet"
    )
    return (
        f"For Hedensted ({benefit_area.lower()}) regnede ministeriet med "
        f"{format_number(row['expected'])} fuldtidspersoner på offentlig forsørgelse ud fra "
        f"kommunens rammevilkår. Det faktiske tal var {format_number(row['actual'])} – "
        f"{_fewer_more(difference)}. Derfor {verdict}, og Hedensted er "
        f"{row['rank_text']} kommuner (1 er bedst)."
    )


EXPLANATION_TOPICS = (
    "Forventet ud fra rammevilkår",
    "Forventet sammenlignet med faktisk",
    "Top og bund af listen",
)


def benchmark_explanation(forklaring: pd.DataFrame) -> tuple[list[str], pd.DataFrame]:
    """``(main, rest)``: the document's sentences on "forventet ud fra rammevilkår",
    and its other explanations (``topic``, ``text``)."""
    by_topic = forklaring.set_index("topic")["text"]
    main = [by_topic[t] for t in EXPLANATION_TOPICS if t in by_topic.index]
    rest = forklaring[~forklaring["topic"].isin(EXPLANATION_TOPICS)][["topic", "text"]]
    return main, rest.reset_index(drop=True)


def placement_headline(table: pd.DataFrame) -> str:
    """The message of the placement slide, from :func:`benchmark_view`: the rank for all
    benefits and the best and weakest benefit area.

    »Hedensted er nr. 12 af 98 for alle ydelser – bedst på sygedagpengeområdet (nr. 8) og
    svagest på kontanthjælpsområdet (nr. 31).« Raises ``ValueError`` without ranks.
    """
    ranked = table.dropna(subset=["rank"])
    if ranked.empty:
        raise ValueError("Benchmarket har ingen placeringer.")
    of = int(ranked["rank_of"].iloc[0])
    overall = ranked[ranked["benefit_area"] == ALL_BENEFITS]
    areas = ranked[ranked["benefit_area"] != ALL_BENEFITS].sort_values("rank", kind="stable")
    if overall.empty:
        opening = f"Hedensted er placeret mellem nr. {int(areas['rank'].min())} og "
        opening += f"nr. {int(areas['rank'].max())} af {of}"
    else:
        opening = f"Hedensted er nr. {int(overall['rank'].iloc[0])} af {of} for alle ydelser"
    if len(areas) < 2 or areas["rank"].iloc[0] == areas["rank"].iloc[-1]:
        return opening + "."
    best, weakest = areas.iloc[0], areas.iloc[-1]
    return (
        f"{opening} – bedst på {str(best['benefit_area']).lower()} (nr. {int(best['rank'])}) "
        f"og svagest på {str(weakest['benefit_area']).lower()} (nr. {int(weakest['rank'])})."
    )
