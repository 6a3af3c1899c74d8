"""Broken data files fail with messages naming file, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest

from hedensted.core.catalog import DatasetError, load_catalog, load_dataset

DATASET = "fuldtidspersoner_pct_arbejdsstyrke"


def _replace_in(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _load_error(data_dir: Path) -> DatasetError:
    with pytest.raises(DatasetError) as caught:
        load_dataset(data_dir / f"{DATASET}.meta.toml")
    return caught.value


def test_shipped_dataset_loads(data_copy: Path) -> None:
    dataset = load_dataset(data_copy / f"{DATASET}.meta.toml")
    assert len(dataset.frame) == 14 * 5


def test_text_in_number_cell_names_file_row_and_column(data_copy: Path) -> None:
    _replace_in(
        data_copy / f"{DATASET}.csv",
        "Hedensted,Ydelsesgrupper i alt,2023-12,22.7",
        "Hedensted,Ydelsesgrupper i alt,2023-12,mange",
    )
    error = _load_error(data_copy)
    assert error.path.name == f"{DATASET}.csv"
    assert error.row == 4
    assert error.column == "value"
    assert str(error) == (f"fil {DATASET}.csv, række 4, kolonne 'value': 'mange' er ikke et tal.")


def test_danish_decimal_comma_gets_a_hint(data_copy: Path) -> None:
    _replace_in(data_copy / f"{DATASET}.csv", "2023-12,22.7", '2023-12,"22,7"')
    error = _load_error(data_copy)
    assert "Brug punktum som decimaltegn" in str(error)
    assert (error.row, error.column) == (4, "value")


def test_empty_value_is_an_error_not_zero(data_copy: Path) -> None:
    _replace_in(data_copy / f"{DATASET}.csv", "2023-12,22.7", "2023-12,")
    error = _load_error(data_copy)
    assert (error.row, error.column) == (4, "value")
    assert "tom" in str(error)


def test_dot_is_missing_never_zero(data_copy: Path) -> None:
    _replace_in(data_copy / f"{DATASET}.csv", "2023-12,22.7", "2023-12,.")
    frame = load_dataset(data_copy / f"{DATASET}.meta.toml").frame
    row = frame[(frame["area"] == "Hedensted") & (frame["group"] == "Ydelsesgrupper i alt")]
    assert row["value"].isna().all()
    assert row["missing"].all()


def test_period_disagreeing_with_metadata(data_copy: Path) -> None:
    _replace_in(
        data_copy / f"{DATASET}.csv",
        "Hedensted,Ydelsesgrupper i alt,2023-12",
        "Hedensted,Ydelsesgrupper i alt,2023-11",
    )
    error = _load_error(data_copy)
    assert (error.row, error.column) == (4, "period")
    assert "2023-11" in str(error)


def test_metadata_period_not_in_data(data_copy: Path) -> None:
    _replace_in(
        data_copy / f"{DATASET}.meta.toml",
        'periods = ["2023-12"]',
        'periods = ["2023-12", "2024-01"]',
    )
    error = _load_error(data_copy)
    assert error.column == "period"
    assert "2024-01" in str(error)


def test_missing_column_is_named(data_copy: Path) -> None:
    _replace_in(data_copy / f"{DATASET}.csv", "area,group,period,value", "area,gruppe,period,value")
    error = _load_error(data_copy)
    assert (error.row, error.column) == (1, "group")


def test_duplicate_observation_names_both_rows(data_copy: Path) -> None:
    path = data_copy / f"{DATASET}.csv"
    path.write_text(
        path.read_text(encoding="utf-8") + "Hedensted,Ydelsesgrupper i alt,2023-12,1.0\n",
        encoding="utf-8",
    )
    error = _load_error(data_copy)
    assert error.row == 72
    assert "række 4" in str(error)


def test_wrong_cell_count(data_copy: Path) -> None:
    _replace_in(data_copy / f"{DATASET}.csv", "2023-12,22.7", "2023-12,22.7,extra")
    error = _load_error(data_copy)
    assert error.row == 4
    assert "4 celler" in str(error) or "5 celler" in str(error)


def test_metadata_missing_required_field(data_copy: Path) -> None:
    _replace_in(data_copy / f"{DATASET}.meta.toml", 'producer = "Jobindsats.dk"\n', "")
    error = _load_error(data_copy)
    assert error.path.name == f"{DATASET}.meta.toml"
    assert "felt 'producer': feltet mangler" in str(error)


def test_metadata_invalid_toml(data_copy: Path) -> None:
    _replace_in(data_copy / f"{DATASET}.meta.toml", 'unit = "', "unit = ")
    error = _load_error(data_copy)
    assert "TOML" in str(error)
    assert "line" in str(error)  # tomllib names the line


def test_metadata_id_must_match_file_name(data_copy: Path) -> None:
    _replace_in(data_copy / f"{DATASET}.meta.toml", f'id = "{DATASET}"', 'id = "noget_andet"')
    error = _load_error(data_copy)
    assert error.column == "id"


def test_one_broken_dataset_does_not_stop_the_others(data_copy: Path) -> None:
    _replace_in(data_copy / f"{DATASET}.csv", "2023-12,22.7", "2023-12,abc")
    catalog = load_catalog(data_copy)
    assert set(catalog.errors) == {DATASET}
    assert len(catalog.datasets) >= 20
    with pytest.raises(DatasetError, match="række 4"):
        catalog.get(DATASET)


def test_csv_without_metadata_is_reported(data_copy: Path) -> None:
    (data_copy / "forældreløs.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    catalog = load_catalog(data_copy)
    assert "ingen metadatafil" in str(catalog.errors["forældreløs"])


def test_unknown_dataset_id() -> None:
    with pytest.raises(DatasetError, match="findes ikke"):
        load_catalog().get("findes_ikke")
