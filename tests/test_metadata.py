"""One test over all metadata: provenance is complete and traceable to the seeds."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from hedensted.core.catalog import PACKAGED_DATA_DIR, load_dataset
from hedensted.core.metadata import KNOWN_PRODUCERS
from hedensted.core.periods import parse_period
from hedensted.present.charts import CATEGORICAL_COLORS, HEDENSTED_COLOR
from tests.seed_support import seeds_folder

ROOT = Path(__file__).resolve().parent.parent
META_PATHS = sorted(PACKAGED_DATA_DIR.glob("*.meta.toml"))


def _danish_forms(value: float) -> set[str]:
    """Ways a number can be printed in the documents: 2.993.871, 2993871, 22,7, 4,0."""
    forms = set()
    for decimals in (0, 1, 2):
        if round(value, decimals) != value:
            continue
        plain = f"{abs(value):.{decimals}f}".replace(".", ",")
        whole, _, fraction = plain.partition(",")
        grouped = f"{int(whole):,}".replace(",", ".")
        for head in (whole, grouped):
            forms.add(head + ("," + fraction if fraction else ""))
    return forms


def test_there_is_a_catalog() -> None:
    assert len(META_PATHS) >= 30


@pytest.mark.parametrize("meta_path", META_PATHS, ids=lambda p: p.name.removesuffix(".meta.toml"))
def test_metadata_is_complete_and_traceable(meta_path: Path) -> None:
    dataset = load_dataset(meta_path)  # validates fields, columns, periods and rows
    meta = dataset.metadata
    assert meta.producer in KNOWN_PRODUCERS, meta.producer
    assert meta.title[0].isupper()
    # The period read from the data agrees with the metadata (also checked by the loader).
    assert sorted(set(dataset.frame["period"])) == sorted(meta.periods)
    for code in meta.periods:
        assert parse_period(code).start.year >= 2014
    seed = seeds_folder() / meta.seed_file
    assert seed.exists(), f"{meta.seed_file} is not in shared/seeds"

    text = seed.read_text(encoding="utf-8")
    # PDF extraction breaks cells over lines ("-\n8.400.00\n0"), so compare without spaces.
    flat = re.sub(r"\s+", "", text)
    if meta.kind == "observations":
        # Every published number can be found in its source document.
        for value in dataset.frame["value"].dropna():
            assert any(form in flat for form in _danish_forms(float(value))), (
                f"{meta.id}: {value} not found in {meta.seed_file}"
            )


def test_streamlit_theme_colours_match_the_altair_theme() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["theme"]["chartCategoricalColors"] == CATEGORICAL_COLORS
    assert config["theme"]["primaryColor"] == HEDENSTED_COLOR == CATEGORICAL_COLORS[0]
    assert config["server"]["headless"] is True
    assert config["browser"]["gatherUsageStats"] is False


def test_missing_source_documents_fail_in_ci_and_skip_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = tmp_path / "seeds"
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="must run in CI"):
        seeds_folder(missing)
    monkeypatch.delenv("CI")
    with pytest.raises(pytest.skip.Exception):
        seeds_folder(missing)
    missing.mkdir()
    assert seeds_folder(missing) == missing


def test_source_lines_nest_the_tables_own_quotes(catalog) -> None:
    """»tabel/afsnit: »»Mål pr. august 2024« og …«« doubled the guillemets."""
    lines = [dataset.metadata.source_line() for dataset in catalog.datasets.values()]
    assert not [line for line in lines if "»»" in line or "««" in line]
    rate = catalog.get("ledighedsprocent").metadata.source_line()
    assert "tabel/afsnit: »Ledige fordelt på RAR-områder og kommuner – kolonnen ›Ledige" in rate
    assert rate.endswith("‹«.")
