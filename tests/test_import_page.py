"""AppTest of »Opdater data«: login, template, upload, preview, confirm, the benchmark page
at the new period with a period control, rollback – and a bad file changes nothing.

The register is a SQLite file in ``tmp_path`` (``DATABASE_URL``); the editor comes
from ``AppTest.secrets`` like on the Investeringsprojekter page.
"""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests.apptest_support import EDITOR_PASSWORD, editor_secrets, open_editor_page, shown_text
from tests.import_support import FULLTIME, data_fingerprint, jobindsats_file, template_file

PAGE = "app_pages/opdater_data.py"
KEY = "opdater_data"
PASSWORD = EDITOR_PASSWORD
SECRETS = editor_secrets()


@pytest.fixture
def app(tmp_path, monkeypatch) -> AppTest:
    return open_editor_page(PAGE, f"sqlite:///{tmp_path / 'register.sqlite'}", SECRETS, monkeypatch)


def _run(at: AppTest) -> None:
    at.run()
    assert not at.exception, [e.value for e in at.exception]


def _table(at: AppTest, column: str):
    """The shown table that has ``column`` (dataframe keys are not in AppTest's tree)."""
    found = [d.value for d in at.dataframe if column in d.value.columns]
    assert len(found) == 1, [list(d.value.columns) for d in at.dataframe]
    return found[0]


def _login(at: AppTest) -> None:
    at.text_input(key=f"{KEY}_username").input("anne")
    at.text_input(key=f"{KEY}_password").input(PASSWORD)
    at.button(key=f"{KEY}_submit").click()
    _run(at)


def _upload(at: AppTest, name: str, data: bytes) -> None:
    uploader = next(u for u in at.file_uploader if u.key.startswith(f"{KEY}_upload_"))
    uploader.set_value((name, data, "text/csv"))
    _run(at)


def test_viewer_sees_versions_but_no_upload(app) -> None:
    text = shown_text(app)
    assert "Log ind som redaktør for at indlæse nye tal" in text
    assert not [u for u in app.file_uploader]
    versions = _table(app, "SHA-256")
    assert versions["Version"].tolist() == ["1"]
    assert versions["Fil"].iloc[0] == f"data/{FULLTIME}.csv"


def test_chosen_dataset_is_kept_in_the_link(app) -> None:
    app.selectbox(key=f"{KEY}_dataset").select("varighed_afsluttede_forloeb")
    _run(app)
    assert app.query_params["datasaet"] == "varighed_afsluttede_forloeb"
    versions = _table(app, "SHA-256")
    assert versions["Fil"].iloc[0] == "data/varighed_afsluttede_forloeb.csv"


def test_import_preview_confirm_benchmark_and_rollback(app) -> None:
    _login(app)
    assert "Logget ind som redaktør: **Anne Jensen**" in shown_text(app)
    assert app.selectbox(key=f"{KEY}_dataset").value == FULLTIME

    _upload(app, "jobindsats_marts.csv", jobindsats_file(FULLTIME, "2024M03", change=-0.5))
    text = shown_text(app)
    assert "Ny periode **mar. 2024** (2024-03): 70 rækker." in text
    preview = _table(app, "Efter import")
    hedensted = preview[
        (preview["Område"] == "Hedensted") & (preview["Ydelsesgruppe"] == "Ydelsesgrupper i alt")
    ]
    assert hedensted[["Nu", "Efter import", "Ændring"]].values.tolist() == [
        ["(ny)", "22,2\xa0%", "Ny periode"]
    ]

    app.button(key=f"{KEY}_confirm").click()
    _run(app)
    assert "Gemt som version 2" in shown_text(app)
    versions = _table(app, "SHA-256")
    assert versions["Version"].tolist() == ["2", "1"]
    assert versions[["Fil", "Indlæst af", "Status"]].iloc[0].tolist() == [
        "jobindsats_marts.csv",
        "Anne Jensen (anne)",
        "i brug",
    ]

    # The benchmark page now shows March 2024 by default.
    app.switch_page("app_pages/benchmark.py")
    _run(app)
    tile = next(m for m in app.metric if m.label == "Offentligt forsørgede")
    assert tile.value == "22,2\xa0%"
    assert "mar. 2024" in shown_text(app)
    control = app.selectbox(key="benchmark_fuldtidspersoner_periode")
    assert control.options == ["mar. 2024", "dec. 2023"]
    control.select("2023-12")
    _run(app)
    tile = next(m for m in app.metric if m.label == "Offentligt forsørgede")
    assert tile.value == "22,7\xa0%"
    assert app.query_params["benchmark_fuldtidspersoner_periode"] == "2023-12"

    app.switch_page(PAGE)
    _run(app)
    app.button(key=f"{KEY}_rollback").click()
    _run(app)
    assert "Rul tilbage fra version 2 til version 1?" in shown_text(app)  # asks first
    assert _table(app, "SHA-256")["Status"].iloc[0] == "i brug"
    app.button(key=f"{KEY}_rollback_yes").click()
    _run(app)
    assert "Version 2 er rullet tilbage; version 1 gælder igen." in shown_text(app)
    app.switch_page("app_pages/benchmark.py")
    _run(app)
    tile = next(m for m in app.metric if m.label == "Offentligt forsørgede")
    assert tile.value == "22,7\xa0%"


def test_bad_file_is_refused_and_nothing_changes(app) -> None:
    _login(app)
    before = data_fingerprint()
    data = template_file(FULLTIME, "2024-03").replace(b"Skanderborg,", b"Vejle,", 1)
    _upload(app, "vejle.csv", data)
    errors = [e.value for e in app.error]
    assert any(
        "Filen er afvist – intet er gemt" in e
        and "fil vejle.csv, række 5, kolonne 'area'" in e.replace("\\", "")
        for e in errors
    ), errors
    assert not [b for b in app.button if b.key == f"{KEY}_confirm"]
    assert _table(app, "SHA-256")["Version"].tolist() == ["1"]
    assert data_fingerprint() == before


def test_existing_period_needs_explicit_replacement(app) -> None:
    _login(app)
    data = template_file(FULLTIME, "2023-12", change=0.0).replace(
        b"Hedensted,Ydelsesgrupper i alt,2023-12,22.7",
        b"Hedensted,Ydelsesgrupper i alt,2023-12,22.9",
    )
    _upload(app, "rettelse.csv", data)
    assert any("findes allerede i datasættet" in e.value for e in app.error)
    app.checkbox(key=f"{KEY}_replace").check()
    _run(app)
    assert "Erstatter **dec. 2023** (2023-12): 1 tal ændres, 69 er uændrede." in shown_text(app)
    changed = _table(app, "Efter import")
    assert changed[["Område", "Nu", "Efter import"]].values.tolist() == [
        ["Hedensted", "22,7\xa0%", "22,9\xa0%"]
    ]


def test_fetch_picks_dataset_and_period_only(tmp_path, monkeypatch) -> None:
    """»Hent«, no table id typed: the metadata says where, the editor picks a period."""
    from tests.fake_sources import TOKEN, serving

    with serving() as (jobindsats, statbank, log):
        monkeypatch.setenv("JOBINDSATS_URL", jobindsats)
        monkeypatch.setenv("STATBANK_URL", statbank)
        app = open_editor_page(
            PAGE, f"sqlite:///{tmp_path / 'register.sqlite'}", SECRETS, monkeypatch
        )
        monkeypatch.setenv("JOBINDSATS_TOKEN", TOKEN)  # the key, set after the page opened
        _login(app)
        app.selectbox(key=f"{KEY}_dataset").select("beskaeftigelsesministeriets_benchmark")
        _run(app)
        assert "Jobindsats' API v3, tabel y30r21" in shown_text(app)
        app.button(key=f"{KEY}_source_newest").click()
        _run(app)
        period = app.text_input(key=f"{KEY}_api_period_beskaeftigelsesministeriets_benchmark")
        assert period.value == "2022QMAT02"
        app.button(key="FormSubmitter:opdater_data_api_form-Hent").click()
        _run(app)
        text = shown_text(app)
        assert "2022QMAT02.json" in text  # the file name, through the Markdown escaper
        assert (
            "Ny periode **2. halvår 2021 – 1. halvår 2022** (2021-H2/2022-H1): 1176 rækker" in text
        )
        assert "Jobindsats API v3 (tabel y30r21)" in text
        app.button(key=f"{KEY}_confirm").click()
        _run(app)
        assert "Gemt som version 2 af" in shown_text(app)
        assert any(p == "/v3/data/y30r21" for p, _, _ in log.requests)


def test_file_only_datasets_say_why_there_is_no_fetch(app) -> None:
    _login(app)
    app.selectbox(key=f"{KEY}_dataset").select("varighed_afsluttede_forloeb")
    _run(app)
    text = shown_text(app)
    assert "Opdateres kun med en fil (skabelonen eller en eksport fra jobindsats.dk)" in text
    assert "én Jobindsats-tabel pr. ydelse (fx y07a07 for sygedagpenge" in text
    assert not [b for b in app.button if b.key == f"{KEY}_source_newest"]
