"""The register's Streamlit side: the opened database, login, entry form and history.

- The register is the app's one database (``ui/state/database.py``: opened and
  migrated once per process); ``DATABASE_URL`` / ``HEDENSTED_DEMO`` choose it
  (see ``hedensted.monthly.settings``).
- Login: ``st.login`` (OIDC) when ``[auth]`` is in the secrets, otherwise the
  local editor accounts of ``[register.editors.*]`` (scrypt hashes).
- Names and comments typed by people are shown as text (dataframes, or markdown
  with every markdown character escaped), never as HTML.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Mapping
from datetime import UTC, date, datetime

import pandas as pd
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from hedensted.monthly.auth import (
    VIEWER,
    NotAnEditorError,
    User,
    authenticate,
    local_accounts,
    oidc_user,
)
from hedensted.monthly.db import Register
from hedensted.monthly.demo import ensure_demo_values
from hedensted.monthly.indicators import Indicator, IndicatorSet, first_of_month
from hedensted.monthly.service import (
    EntryRecord,
    SaveConflict,
    format_timestamp,
    history,
    month_entries,
    save_entries,
)
from hedensted.monthly.throttle import LoginThrottle, lock_message
from hedensted.monthly.tracking import format_indicator_value
from hedensted.monthly.validation import EntryDraft, EntryError
from hedensted.present.formatting import MISSING_TEXT, format_compact, format_month
from hedensted.present.markdown import escape_markdown
from ui.state.database import open_database

USER_KEY = "register_user"
FLASH_KEY = "register_flash"
FORM_SESSION_KEY = "register_form_session"
SEEN_KEY = "register_seen"


def plain(text: str) -> str:
    """Typed text on one line, through the one Markdown escaper (shown exactly as text)."""
    return escape_markdown(" ".join(str(text).splitlines()))


# --- the database -----------------------------------------------------------------


def get_register(indicators: IndicatorSet) -> Register | None:
    """The register for this process, or ``None`` after a Danish error message."""
    try:
        register = open_database()

        if register.demo:
            ensure_demo_values(register, indicators, date.today())
    except (SQLAlchemyError, OSError, ValueError) as error:
        st.error(
            "Registret med de månedlige tal kan ikke åbnes, så tallene og indtastningen "
            "vises ikke. Tjek DATABASE_URL (se README).\n\n" + plain(str(error).splitlines()[0]),
            icon=":material/error:",
        )
        return None
    return register


def demo_banner(register: Register) -> None:
    """The visible »Eksempeldata« notice whenever the demo database is in use."""
    st.warning(
        "**Eksempeldata** – siden viser den separate demodatabase med opdigtede, "
        "illustrative månedstal. De er ikke rigtige resultater, og intet herfra kommer i "
        "det rigtige register. Start appen uden HEDENSTED_DEMO for at se de rigtige tal.",
        icon=":material/science:",
    )


# --- login --------------------------------------------------------------------------


def _secrets_section(name: str) -> Mapping[str, object]:
    try:
        section = st.secrets.get(name)
    except Exception:  # no or malformed secrets.toml: nobody is an editor
        return {}
    return section if isinstance(section, Mapping) else {}


def oidc_configured() -> bool:
    """True when ``[auth]`` is configured in the secrets (use ``st.login``)."""
    return bool(_secrets_section("auth"))


def current_user() -> User:
    """The logged-in user, or the anonymous viewer."""
    if oidc_configured():
        try:
            if st.user.is_logged_in:
                return oidc_user(st.user.to_dict(), _secrets_section("register"))
        except Exception:  # no OIDC session in this context
            return VIEWER
        return VIEWER
    user = st.session_state.get(USER_KEY)
    return user if isinstance(user, User) else VIEWER


def _logout_button(user: User, key: str) -> None:
    if st.button("Log ud", key=f"{key}_logout", icon=":material/logout:"):
        st.session_state.pop(USER_KEY, None)
        if user.method == "oidc":
            st.logout()
        st.rerun()


def login_panel(key: str, purpose: str = "for at indtaste månedstal") -> User:
    """Show who is logged in, or a way to log in as editor. Returns the user.

    ``purpose`` ends the form's heading ("Log ind som redaktør …").
    """
    user = current_user()
    if user.is_editor:
        st.markdown(f"Logget ind som redaktør: **{plain(user.name)}**")
        _logout_button(user, key)
        return user
    if oidc_configured():
        if user.username:
            st.info(
                f"Du er logget ind som {plain(user.name)}, men er ikke redaktør. Bed om at "
                "blive skrevet på listen over redaktører (oidc_editors).",
                icon=":material/lock:",
            )
            _logout_button(user, key)
            return user
        provider = _secrets_section("register").get("oidc_provider")
        if st.button("Log ind som redaktør", key=f"{key}_oidc", icon=":material/login:"):
            try:
                # A secrets.toml value is a string here:
                st.login(provider) if provider else st.login()  # type: ignore[arg-type]
            except Exception as error:
                st.error(f"Login virker ikke: {plain(str(error))}", icon=":material/error:")
        return user
    try:
        accounts = local_accounts(_secrets_section("register"))
    except ValueError as error:
        st.error(plain(str(error)), icon=":material/error:")
        return user
    if not accounts:
        st.info(
            "Der er ikke oprettet redaktører endnu, så tallene kan kun læses. En "
            "administrator opretter dem i .streamlit/secrets.toml (se README).",
            icon=":material/lock:",
        )
        return user
    with st.form(f"{key}_login", border=True):
        st.markdown(f"**Log ind som redaktør** {purpose}")
        username = st.text_input("Brugernavn", key=f"{key}_username")
        password = st.text_input("Adgangskode", type="password", key=f"{key}_password")
        submitted = st.form_submit_button("Log ind", icon=":material/login:", key=f"{key}_submit")
    if submitted:
        _check_login(accounts, username, password)
    return user


def client_address() -> str:
    """The browser's address as Streamlit sees it (``ukendt`` when not known)."""
    try:
        address = st.context.ip_address
    except Exception:  # no browser session (bare mode)
        return "ukendt"
    return address if isinstance(address, str) and address else "ukendt"


def _check_login(accounts, username: str, password: str) -> None:
    """Log in, unless this user name is locked from this address (database lockout)."""
    try:
        throttle = login_throttle()
    except (SQLAlchemyError, OSError, ValueError) as error:
        st.error(
            "Login er ikke muligt, fordi databasen ikke kan åbnes: "
            + plain(str(error).splitlines()[0]),
            icon=":material/error:",
        )
        return
    address, now = client_address(), datetime.now(UTC)
    locked = throttle.locked_until(username, address, now)
    if locked is not None:
        st.error(lock_message(locked, now), icon=":material/lock_clock:")
        return
    found = authenticate(accounts, username, password)
    if found is None:
        throttle.failed(username, address, now)
        st.error("Forkert brugernavn eller adgangskode.", icon=":material/error:")
        return
    throttle.succeeded(username, address, now)
    st.session_state[USER_KEY] = found
    st.rerun()


def login_throttle() -> LoginThrottle:
    """The lockout, counted in the app's database (shared by every server and restart)."""
    return LoginThrottle(open_database())


# --- entry form ---------------------------------------------------------------------


def value_text(value: float | None) -> str:
    """How a saved value is put back in a text field (Danish, no thousands separator)."""
    if value is None:
        return ""
    return format_compact(value).replace(".", "")


def flash() -> None:
    """Show the message left by the last save (after its rerun)."""
    message = st.session_state.pop(FLASH_KEY, None)
    if message:
        st.success(message, icon=":material/check_circle:")


def _form_session() -> str:
    if FORM_SESSION_KEY not in st.session_state:
        st.session_state[FORM_SESSION_KEY] = uuid.uuid4().hex
    return st.session_state[FORM_SESSION_KEY]


def _field_key(key: str, project_id: str, month: date, indicator_id: str) -> str:
    return f"{key}_value_{project_id}_{month:%Y%m}_{indicator_id}"


def _prepare_field(field: str, record: EntryRecord | None) -> None:
    """Fix a field's starting text and the version behind it, once per showing.

    The version the editor saw is recorded together with the text the field was
    filled with, so a save compares against exactly what was on the screen.
    """
    seen = st.session_state.setdefault(SEEN_KEY, {})
    if field not in st.session_state:
        st.session_state[field] = value_text(record.value if record else None)
        seen[field] = (record.version if record else 0, st.session_state[field])


def _reset_fields(fields: list[str]) -> None:
    seen = st.session_state.setdefault(SEEN_KEY, {})
    for field in fields:
        st.session_state.pop(field, None)
        seen.pop(field, None)


def _token(project_id: str, month: date, drafts: list[EntryDraft]) -> str:
    content = "|".join(
        f"{d.indicator_id}={d.raw_value}@{d.seen_version}:{d.comment}" for d in drafts
    )
    digest = hashlib.sha256(f"{_form_session()}|{project_id}|{month}|{content}".encode())
    return digest.hexdigest()[:40]


def entry_form(
    register: Register,
    indicators: IndicatorSet,
    project_id: str,
    project_name: str,
    user: User,
    today: date,
    key: str,
) -> None:
    """The monthly entry form for one project (editors only)."""
    if not user.is_editor:
        return  # viewers never see the form
    project_indicators = indicators.for_project(project_id)
    last = min(indicators.last_month, first_of_month(today))
    months = [m for m in reversed(indicators.months()) if m <= last]
    month = st.selectbox(
        "Måned (opfølgning primo måneden)",
        months,
        format_func=format_month,
        key=f"{key}_month_{project_id}",
    )
    saved = month_entries(register, project_id, month)
    fields = {
        i.indicator_id: _field_key(key, project_id, month, i.indicator_id)
        for i in project_indicators
    }
    for indicator in project_indicators:
        _prepare_field(fields[indicator.indicator_id], saved.get(indicator.indicator_id))
    comment_key = f"{key}_comment_{project_id}_{month:%Y%m}"
    with st.form(f"{key}_form_{project_id}_{month:%Y%m}", border=True):
        st.markdown(f"**{plain(project_name)} – {format_month(month)}**")
        st.caption(
            "Skriv tal på dansk: 22,7 eller 1.212. Procenter som tal mellem 0 og 100. "
            "Lad feltet stå tomt, hvis der ikke er et tal endnu."
        )
        columns = st.columns(2)
        for position, indicator in enumerate(project_indicators):
            record = saved.get(indicator.indicator_id)
            help_text = (
                f"Gemt: {format_indicator_value(record.value, indicator.unit)} "
                f"(version {record.version}, {record.author}, "
                f"{format_timestamp(record.created_at)})"
                if record
                else "Intet tal gemt for måneden."
            )
            with columns[position % 2]:
                st.text_input(
                    indicator.label_with_unit,
                    key=fields[indicator.indicator_id],
                    placeholder="fx 22,7" if indicator.unit == "pct." else "fx 12",
                    help=help_text,
                )
        st.text_area(
            "Kommentar (gemmes ved hvert ændret tal)",
            key=comment_key,
            max_chars=1000,
            height=80,
        )
        submitted = st.form_submit_button(
            "Gem månedens tal",
            type="primary",
            icon=":material/save:",
            key=f"{key}_save_{project_id}_{month:%Y%m}",
        )
    if not submitted:
        return
    seen = st.session_state.get(SEEN_KEY, {})
    drafts, emptied = [], []
    for indicator in project_indicators:
        field = fields[indicator.indicator_id]
        seen_version, seen_text = seen.get(field, (0, ""))
        text = str(st.session_state.get(field, "")).strip()
        if text == seen_text.strip():
            continue
        if not text:
            emptied.append(indicator.label)
            continue
        drafts.append(
            EntryDraft(
                project_id=project_id,
                indicator_id=indicator.indicator_id,
                month=month,
                raw_value=text,
                comment=str(st.session_state.get(comment_key, "")),
                seen_version=seen_version,
            )
        )
    if emptied:
        st.error(
            "Et gemt tal kan ikke slettes – skriv det rigtige tal i stedet. Tomt felt: "
            + plain("; ".join(emptied)),
            icon=":material/error:",
        )
        return
    if not drafts:
        st.info("Ingen tal er ændret, så intet er gemt.", icon=":material/info:")
        return
    try:
        result = save_entries(
            register, indicators, user, drafts, _token(project_id, month, drafts), today
        )
    except NotAnEditorError as error:
        st.error(str(error), icon=":material/lock:")
        return
    except EntryError as error:
        st.error(
            "Intet er gemt. Ret dette og gem igen:\n\n"
            + "\n".join(f"- {plain(m)}" for m in error.messages),
            icon=":material/error:",
        )
        return
    except SaveConflict as conflict:
        conflicted = [fields[c.newer.indicator_id] for c in conflict.conflicts]
        _reset_fields(conflicted)
        st.session_state[FLASH_KEY] = None
        st.session_state[f"{key}_conflict"] = [c.message for c in conflict.conflicts]
        st.rerun()
    except SQLAlchemyError as error:
        st.error(
            "Tallene kunne ikke gemmes, fordi databasen ikke svarede. Intet er gemt. "
            + plain(str(error).splitlines()[0]),
            icon=":material/error:",
        )
        return
    _reset_fields([*fields.values()])
    st.session_state.pop(comment_key, None)
    count = len(result.written)
    st.session_state[FLASH_KEY] = (
        "Tallene var allerede gemt (samme indsendelse to gange); intet er gemt igen."
        if result.repeated
        else f"Gemt: {count} tal for {format_month(month)}."
    )
    st.rerun()


def conflict_notice(key: str) -> None:
    """After a refused save: who saved what in the meantime (shown as text)."""
    messages = st.session_state.pop(f"{key}_conflict", None)
    if messages:
        st.warning(
            "**Intet er gemt – en anden har gemt nyere tal.** Felterne viser nu de nye tal.\n\n"
            + "\n".join(f"- {plain(m)}" for m in messages),
            icon=":material/sync_problem:",
        )


# --- history -------------------------------------------------------------------------


def history_table(register: Register, indicator: Indicator) -> pd.DataFrame:
    """Every version of one indicator as a text table (newest first)."""
    rows = []
    for item in history(register, indicator.project_id, indicator.indicator_id):
        record = item.record
        rows.append(
            {
                "Måned": format_month(record.month),
                "Version": str(record.version),
                "Tal": format_indicator_value(record.value, indicator.unit),
                "Tidligere tal": (
                    format_indicator_value(item.previous_value, indicator.unit)
                    if item.previous_value is not None
                    else MISSING_TEXT
                ),
                "Gemt af": record.author,
                "Tidspunkt": format_timestamp(record.created_at),
                "Kommentar": record.comment or MISSING_TEXT,
            }
        )
    return pd.DataFrame(
        rows,
        columns=["Måned", "Version", "Tal", "Tidligere tal", "Gemt af", "Tidspunkt", "Kommentar"],
    )
