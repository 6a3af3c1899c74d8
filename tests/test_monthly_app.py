"""AppTest of the Investeringsprojekter page: viewer, editor login, monthly entry, traffic light.

The editor account is injected through ``AppTest.secrets`` (the same structure
as ``.streamlit/secrets.toml``); the register is a SQLite file in ``tmp_path``
chosen with ``DATABASE_URL``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from hedensted.monthly.settings import DATABASE_URL_ENV, DEMO_ENV
from hedensted.monthly.throttle import FREE_FAILURES
from hedensted.present.markdown import escape_markdown
from tests.apptest_support import EDITOR_PASSWORD, editor_secrets, open_editor_page

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
PAGE = "app_pages/investeringsprojekter.py"
KEY = "investeringsprojekter"
PASSWORD = EDITOR_PASSWORD
SECRETS = editor_secrets()
FIELD = f"{KEY}_value_flere_i_job_202403_aktivitetsparate_antal"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LIGHT_LABEL = "Målgruppeantal: Aktivitetsparate kontanthjælpsmodtagere"


@pytest.fixture
def app(tmp_path, monkeypatch) -> AppTest:
    return open_editor_page(PAGE, f"sqlite:///{tmp_path / 'register.sqlite'}", SECRETS, monkeypatch)


def _waiting(at: AppTest, project: str = "Flere i job") -> bool:
    """Whether a project says, once, that it has no monthly figures yet (and shows the
    documents' baselines instead of a row of grey lights)."""
    return any(
        "**Ingen månedstal endnu** for " + project in str(m.value) for m in at.markdown
    ) and not any(f"**{LIGHT_LABEL}**" in str(m.value) for m in at.markdown)


def _light(at: AppTest, label: str = LIGHT_LABEL) -> str:
    """The overview's traffic-light line of one indicator."""
    escaped = escape_markdown(label)
    found = [m.value for m in at.markdown if f"**{escaped}**" in m.value and "badge" in m.value]
    assert found, f"no traffic light for {label}"
    return found[0]


def _login(at: AppTest, password: str = PASSWORD) -> None:
    at.text_input(key=f"{KEY}_login_username").input("anne")
    at.text_input(key=f"{KEY}_login_password").input(password)
    at.button(key=f"{KEY}_login_submit").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]


def _enter(at: AppTest, value: str, comment: str = "") -> None:
    at.selectbox(key=f"{KEY}_entry_project").select("flere_i_job")
    at.run()
    at.selectbox(key=f"{KEY}_month_flere_i_job").select(date(2024, 3, 1))
    at.run()
    at.text_input(key=FIELD).input(value)
    if comment:
        at.text_area(key=f"{KEY}_comment_flere_i_job_202403").input(comment)
    at.button(key=f"{KEY}_save_flere_i_job_202403").click()
    at.run()
    assert not at.exception, [e.value for e in at.exception]


def test_a_viewer_sees_no_entry_form(app: AppTest) -> None:
    keys = {w.key for w in app.text_input}
    assert FIELD not in keys
    assert f"{KEY}_login_username" in keys  # only the login form
    assert _waiting(app)
    assert not app.error


def test_a_wrong_password_is_refused(app: AppTest) -> None:
    _login(app, password="forkert-adgangskode")
    assert "Forkert brugernavn eller adgangskode." in [e.value for e in app.error]
    assert FIELD not in {w.key for w in app.text_input}


def test_five_wrong_passwords_lock_the_name_even_for_the_right_one(app: AppTest) -> None:
    for _ in range(FREE_FAILURES):
        _login(app, password="forkert-adgangskode")
    _login(app)  # the right password, but the name is locked now
    errors = [e.value for e in app.error]
    assert any("For mange forkerte forsøg" in e and "om 1 minut " in e for e in errors), errors
    assert FIELD not in {w.key for w in app.text_input}


def test_editor_enters_a_month_and_the_traffic_light_changes(app: AppTest) -> None:
    assert _waiting(app)
    _login(app)
    assert any("Logget ind som redaktør: **Anne Jensen**" in m.value for m in app.markdown)

    # 101 persons in March 2024 vs the path 103 → 100 (Aug 2024): 102,2 → on track.
    _enter(app, "101", comment="<b>fra FACIT</b> **uddrag**")
    assert "Gemt: 1 tal for mar. 2024." in [s.value for s in app.success]
    light = _light(app)
    assert "på sporet" in light
    assert "101 personer mod målstiens 102,2 personer" in light

    # A correction to 115 is more than 10 % worse than the path → far behind.
    _enter(app, "115")
    light = _light(app)
    assert "langt bagud" in light and "115 personer" in light

    # The history keeps both versions; the comment is shown as typed (text, not HTML).
    app.selectbox(key=f"{KEY}_history_project").select("flere_i_job")
    app.run()
    [history] = [d.value for d in app.dataframe if "Tidligere tal" in d.value.columns]
    assert list(history["Version"]) == ["2", "1"]
    assert list(history["Tal"]) == ["115 personer", "101 personer"]
    assert list(history["Tidligere tal"]) == ["101 personer", "–"]
    assert list(history["Gemt af"]) == ["Anne Jensen (anne)"] * 2
    assert history["Kommentar"].iloc[1] == "<b>fra FACIT</b> **uddrag**"


def test_a_project_slide_shows_its_newest_month_against_the_target_path(app: AppTest) -> None:
    """On the meeting screen a project's own slide carries its tiles once a month is
    entered (the page's »Pr. projekt« tab is not a slide of its own: it repeated it)."""
    _login(app)
    _enter(app, "101")
    app.query_params["visning"] = "praesentation"
    app.query_params["dias"] = "2"
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert app.header[0].value == "Flere i job"
    assert "101 personer" in [metric.value for metric in app.metric]
    assert not _waiting(app)
    assert any("på sporet" in m.value and "badge" in m.value for m in app.markdown)


def test_a_danish_validation_error_is_shown_and_nothing_is_saved(app: AppTest) -> None:
    _login(app)
    _enter(app, "2,5")
    errors = [e.value for e in app.error]
    assert any("Intet er gemt" in e and "skal være et helt tal" in e for e in errors), errors
    assert _waiting(app)


def test_demo_mode_shows_the_eksempeldata_banner(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv(DEMO_ENV, "1")
    monkeypatch.setenv("HEDENSTED_DEMO_DATABASE_URL", f"sqlite:///{tmp_path / 'demo.sqlite'}")
    monkeypatch.setenv(DATABASE_URL_ENV, f"sqlite:///{tmp_path / 'real.sqlite'}")
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=90).run()
    at.switch_page(PAGE).run()
    assert not at.exception, [e.value for e in at.exception]
    assert any(w.value.startswith("**Eksempeldata**") for w in at.warning)
    assert not _waiting(at)
    assert "ingen tal endnu" not in _light(at)
    assert not (tmp_path / "real.sqlite").exists()


def _workbook(value: object) -> bytes:
    import io

    from openpyxl import load_workbook

    from hedensted.core.catalog import PACKAGED_DATA_DIR, load_catalog
    from hedensted.monthly.excel import status_workbook
    from hedensted.monthly.indicators import indicators_from_catalog

    catalog = load_catalog(PACKAGED_DATA_DIR)
    projects = catalog.get("investeringsprojekter").frame
    names = dict(zip(projects["project_id"], projects["project"], strict=True))
    data = status_workbook(indicators_from_catalog(catalog), names, {}, [])
    workbook = load_workbook(io.BytesIO(data))
    workbook["Flere i job"]["G6"] = value  # aktivitetsparate_antal, mar. 2024
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_editor_uploads_a_workbook_previews_and_confirms(app: AppTest) -> None:
    _login(app)
    uploader = app.file_uploader(key=f"{KEY}_upload_file")
    uploader.set_value(("statusskema.xlsx", _workbook(101), XLSX))
    app.run()
    [preview] = [d.value for d in app.dataframe if "Nyt tal" in d.value.columns]
    assert list(preview["Nyt tal"]) == ["101 personer"]
    assert list(preview["Celle"]) == ["Flere i job!G6"]
    assert _waiting(app)  # nothing saved before confirming
    app.button(key=f"{KEY}_upload_confirm").click()
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert "Gemt fra Excel: 1 tal." in [s.value for s in app.success]
    assert "på sporet" in _light(app)


def test_a_bad_workbook_is_refused_on_the_page(app: AppTest) -> None:
    _login(app)
    uploader = app.file_uploader(key=f"{KEY}_upload_file")
    uploader.set_value(("statusskema.xlsx", _workbook("mange"), XLSX))
    app.run()
    errors = [e.value for e in app.error]
    assert any(
        "Filen er afvist, og intet er gemt" in e and "»mange« er ikke et tal" in e for e in errors
    )
    assert _waiting(app)


OIDC_SECRETS = {
    "auth": {
        "redirect_uri": "http://localhost:8501/oauth2callback",
        "cookie_secret": "test-cookie-secret",
        "client_id": "dashboard",
        "client_secret": "hemmelig",
        "server_metadata_url": "https://login.example.org/.well-known/openid-configuration",
    },
    "register": {"oidc_editors": ["anne.jensen@hedensted.dk"]},
}


def _oidc_app(tmp_path, monkeypatch, email: str | None) -> AppTest:
    monkeypatch.setenv(DATABASE_URL_ENV, f"sqlite:///{tmp_path / 'register.sqlite'}")
    monkeypatch.delenv(DEMO_ENV, raising=False)
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(APP, default_timeout=90)
    at.secrets.update(OIDC_SECRETS)
    at.user = (
        {"is_logged_in": True, "email": email, "name": "OIDC-bruger"}
        if email
        else {"is_logged_in": False}
    )
    at.run()
    at.switch_page(PAGE)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def test_oidc_login_of_a_listed_editor_shows_the_form(tmp_path, monkeypatch) -> None:
    at = _oidc_app(tmp_path, monkeypatch, "Anne.Jensen@hedensted.dk")
    assert any("Logget ind som redaktør: **OIDC-bruger**" in m.value for m in at.markdown)
    assert f"{KEY}_value_flere_i_job_202601_aktivitetsparate_antal" not in {
        w.key for w in at.text_input
    }  # the default project is Klar, parat – i job
    assert any(w.key.startswith(f"{KEY}_value_klar_parat_i_job_") for w in at.text_input)
    assert f"{KEY}_login_username" not in {w.key for w in at.text_input}  # no local login


def test_oidc_user_who_is_not_an_editor_cannot_see_the_form(tmp_path, monkeypatch) -> None:
    at = _oidc_app(tmp_path, monkeypatch, "bo@hedensted.dk")
    assert any("men er ikke redaktør" in i.value for i in at.info)
    assert not any(w.key and w.key.startswith(f"{KEY}_value_") for w in at.text_input)


def test_oidc_configured_and_logged_out_offers_the_login_button(tmp_path, monkeypatch) -> None:
    at = _oidc_app(tmp_path, monkeypatch, None)
    assert f"{KEY}_login_oidc" in {b.key for b in at.button}
    assert not any(w.key and w.key.startswith(f"{KEY}_value_") for w in at.text_input)


def test_a_second_editor_is_told_and_shown_the_newer_value(app: AppTest, tmp_path) -> None:
    from hedensted.core.catalog import PACKAGED_DATA_DIR, load_catalog
    from hedensted.monthly.auth import User
    from hedensted.monthly.db import open_register
    from hedensted.monthly.indicators import indicators_from_catalog
    from hedensted.monthly.service import latest_entries, save_entries
    from hedensted.monthly.validation import EntryDraft

    _login(app)
    app.selectbox(key=f"{KEY}_entry_project").select("flere_i_job")
    app.run()
    app.selectbox(key=f"{KEY}_month_flere_i_job").select(date(2024, 3, 1))
    app.run()  # Anne's form is open on an empty March

    # Meanwhile Bo saves March in another session.
    other = open_register(f"sqlite:///{tmp_path / 'register.sqlite'}")
    bo = User(username="bo", name="Bo Nielsen", is_editor=True, method="lokal")
    indicators = indicators_from_catalog(load_catalog(PACKAGED_DATA_DIR))
    bo_draft = EntryDraft(
        project_id="flere_i_job",
        indicator_id="aktivitetsparate_antal",
        month=date(2024, 3, 1),
        raw_value="104",
    )
    save_entries(other, indicators, bo, [bo_draft], "bo", date(2024, 6, 1))

    app.text_input(key=FIELD).input("101")
    app.button(key=f"{KEY}_save_flere_i_job_202403").click()
    app.run()
    warnings = [w.value for w in app.warning]
    assert any("Intet er gemt – en anden har gemt nyere tal" in w for w in warnings), warnings
    assert any("Bo Nielsen (bo) gemte 104 personer" in w for w in warnings), warnings
    assert app.text_input(key=FIELD).value == "104"  # the field now shows the newer value
    assert [r.value for r in latest_entries(other)] == [104.0]
    other.engine.dispose()
