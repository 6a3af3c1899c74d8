"""Spellings in the source (issue 16): listed on »Om data« as part of the reconciliation,
not on the theme pages; each one is checked against its source document."""

from __future__ import annotations

from hedensted.core.catalog import Catalog
from hedensted.core.quality import spelling_report, spelling_variants
from hedensted.present.quality_table import KEPT, spelling_display_table
from tests.apptest_support import open_page, shown_text
from tests.seed_support import SEEDS, seeds_folder


def _cells(catalog: Catalog, dataset_id: str) -> str:
    frame = catalog.get(dataset_id).frame
    return "\n".join(str(v) for column in frame.columns for v in frame[column].dropna())


def test_corrected_and_kept_spellings_are_listed(catalog: Catalog) -> None:
    trades = spelling_variants(catalog.get("voksenlaerlinge_fag"))
    fixes = dict(zip(trades["in_source"], trades["shown_as"], strict=True))
    assert len(fixes) == 6 and fixes["Kokkelev"] == "Kokkeelev"
    helper = trades.set_index("in_source").loc["Social- og sundhedshjælperlev", "note"]
    assert helper == "Kolonnen »Fag (som offentliggjort)«, 2 gange i kilden."
    report = spelling_report(catalog)
    rows = report.set_index(["dataset_id", "in_source"])["shown_as"]
    assert rows[("kvinder_i_job_delprojekter", "HELHEDSOREINTERET")] == "HELHEDSORIENTERET"
    assert rows[("indsatser_ufb_2019", "kommuer")] == ""  # kept as published
    shown = spelling_display_table(report)
    assert list(shown.columns)[:3] == ["Datasæt", "Stavet i kilden", "Vist i dashboardet som"]
    assert KEPT in set(shown["Vist i dashboardet som"])
    # What the metadata says matches the data: a kept spelling is in the rows as
    # published, a corrected one is not (the rows have the correction).
    for dataset in catalog.datasets.values():
        for spelling in dataset.metadata.spellings:
            present = spelling.in_source in _cells(catalog, dataset.id)
            assert present == (not spelling.shown_as), (dataset.id, spelling.in_source)


def test_every_listed_spelling_is_in_its_source_document(catalog: Catalog) -> None:
    seeds = seeds_folder(SEEDS)
    for _, row in spelling_report(catalog).iterrows():
        meta = catalog.get(row["dataset_id"]).metadata
        text = (seeds / meta.seed_file).read_text(encoding="utf-8")
        assert row["in_source"] in text, (meta.id, row["in_source"])


def test_om_data_lists_the_spellings_and_unge_keeps_a_footnote() -> None:
    about = shown_text(open_page("app_pages/om_data.py"))
    assert "Stavemåder i kilden" in about
    assert "Kokkelev" in about and "Kokkeelev" in about and "HELHEDSOREINTERET" in about
    unge = shown_text(open_page("app_pages/unge.py"))
    assert "Kokkelev" not in unge  # no spelling list in the page's flow
    assert (
        "² Åbenlyse stavefejl er rettet i 6 fag; kildens stavemåder står på siden »Om data«."
        in unge
    )
