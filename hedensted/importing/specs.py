"""Which catalog datasets can get new periods, and the rules for their values.

The value rule follows the dataset's unit (``short_unit``): percentages lie
between 0 and 100, kroner and weeks are not negative, persons are whole and not
negative. A *snapshot* dataset is shown one period at a time; a *series* is
shown as a change between two periods (start = the same month a year earlier
when the data has it, else the period before), with an optional companion
dataset that holds the change as published for the shipped span only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ValueKind = Literal["percent", "kroner", "count", "weeks", "number"]
Mode = Literal["snapshot", "series"]

_KIND_BY_SHORT_UNIT: dict[str, ValueKind] = {
    "%": "percent",
    "kr.": "kroner",
    "personer": "count",
    "uger": "weeks",
}

KIND_WORDS: dict[ValueKind, str] = {
    "percent": "en procent mellem 0 og 100",
    "kroner": "et beløb i kroner (ikke negativt)",
    "count": "et antal (helt tal, ikke negativt)",
    "weeks": "et antal uger (ikke negativt)",
    "number": "et tal",
}


@dataclass(frozen=True)
class ImportSpec:
    """How one dataset takes new periods.

    ``title`` is the dataset's title for an imported period; ``{periode}`` is
    replaced by the period's Danish label. ``note`` is what a reader must know
    about every period (definitions), shown instead of the shipped notes, which
    describe the source document's figures.
    """

    dataset_id: str
    title: str
    note: str = ""
    mode: Mode = "snapshot"
    companion: str | None = None


SPECS: dict[str, ImportSpec] = {
    spec.dataset_id: spec
    for spec in (
        ImportSpec(
            "fuldtidspersoner_pct_arbejdsstyrke",
            "Fuldtidspersoner på offentlig forsørgelse i pct. af arbejdsstyrken 16-66 år",
        ),
        ImportSpec(
            "udgifter_pr_person_arbejdsstyrke",
            "Offentlige udgifter pr. person i arbejdsstyrken, løbende priser (kr.)",
            note="Løbende priser.",
        ),
        ImportSpec(
            "status_efter_afsluttet_forloeb",
            "Status 1 måned efter afsluttet forløb, pct. af de afsluttede forløb",
            note="Et manglende tal (».« eller »..« i kilden) er ikke oplyst – aldrig 0.",
        ),
        ImportSpec(
            "varighed_afsluttede_forloeb",
            "Gennemsnitlig varighed af afsluttede forløb, {periode}",
            note="Varighed i uger.",
        ),
        ImportSpec(
            "bruttoledige_rar_kommuner",
            "Bruttoledige fordelt på RAR-områder og kommuner, {periode}",
            note=(
                "Bruttoledige: A-dagpengemodtagere samt jobparate personer, der modtager "
                "kontanthjælp, uddannelseshjælp eller integrationsydelse (inklusive "
                "aktiverede i alle grupper)."
            ),
            mode="series",
            companion="bruttoledige_udvikling_publiceret",
        ),
        ImportSpec(
            "ledighedsprocent",
            "Ledige i procent af arbejdsstyrken, {periode}",
            note="Bruttoledige i procent af arbejdsstyrken.",
        ),
        ImportSpec(
            "beskaeftigelsesministeriets_benchmark",
            "Beskæftigelsesministeriets benchmark: placering, faktisk og forventet antal "
            "fuldtidspersoner på offentlig forsørgelse, alle kommuner, {periode}",
            note=(
                "Placering 1 = klarer sig bedst i forhold til det forventede ud fra "
                "rammevilkårene. Hentet fra Jobindsats (tabel y30r21); ministeriets "
                "besparelser og »Pct. point« står kun i den leverede version."
            ),
        ),
    )
}


def importable_ids() -> list[str]:
    """The datasets that can be imported, in the order the page lists them."""
    return list(SPECS)


def spec_for(dataset_id: str) -> ImportSpec:
    """The import rules of a dataset; Danish ``ValueError`` if it cannot be imported."""
    if dataset_id not in SPECS:
        raise ValueError(
            f"Datasættet »{dataset_id}« kan ikke opdateres med import. Mulige: "
            + ", ".join(SPECS)
            + "."
        )
    return SPECS[dataset_id]


def value_kind(short_unit: str) -> ValueKind:
    """The value rule that goes with a dataset's short unit."""
    return _KIND_BY_SHORT_UNIT.get(short_unit, "number")
