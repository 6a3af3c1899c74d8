"""The Excel round trip on the page: download the status tables, upload, preview, confirm."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from datetime import date

import pandas as pd
import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from hedensted.core.catalog import Dataset
from hedensted.monthly.auth import User
from hedensted.monthly.db import Register
from hedensted.monthly.excel import (
    Change,
    WorkbookError,
    change_drafts,
    preview_changes,
    read_workbook,
    status_workbook,
)
from hedensted.monthly.indicators import IndicatorSet
from hedensted.monthly.service import SaveConflict, latest_entries, save_entries
from hedensted.monthly.tracking import format_indicator_value
from hedensted.monthly.validation import EntryError
from hedensted.present.formatting import MISSING_TEXT, format_month
from ui.editors.monthly_entry import FLASH_KEY, plain

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def excel_download(
    indicators: IndicatorSet,
    names: Mapping[str, str],
    values: Mapping[tuple[str, str, date], float],
    schema: Dataset,
    key: str,
) -> None:
    """Download button: all five status tables with the latest values, as .xlsx.

    The workbook is built when the button is clicked (it took about half a second
    of every rerun of Investeringsprojekter when built up front).
    """
    sources = [schema.metadata.source_line()]
    st.download_button(
        "Hent statusskemaerne som Excel (.xlsx)",
        data=lambda: status_workbook(indicators, names, values, sources),
        on_click="ignore",
        file_name="statusskemaer_investeringsprojekter.xlsx",
        mime=XLSX_MIME,
        key=key,
        icon=":material/download:",
    )


def preview_table(changes: list[Change], indicators: IndicatorSet, names: Mapping[str, str]):
    """The changes an upload would make, as a Danish text table."""
    rows = []
    for change in changes:
        cell = change.cell
        indicator = indicators.get(cell.project_id, cell.indicator_id)
        rows.append(
            {
                "Projekt": names[cell.project_id],
                "Indikator": indicator.label,
                "Måned": format_month(cell.month),
                "Celle": f"{cell.sheet}!{cell.cell}",
                "Nu": (
                    format_indicator_value(change.old_value, indicator.unit)
                    if change.old_value is not None
                    else MISSING_TEXT
                ),
                "Nyt tal": format_indicator_value(cell.value, indicator.unit),
            }
        )
    return pd.DataFrame(rows)


def excel_upload(
    register: Register,
    indicators: IndicatorSet,
    names: Mapping[str, str],
    user: User,
    today: date,
    key: str,
) -> None:
    """Upload a filled-in workbook → preview of what changes → confirm (editors only)."""
    if not user.is_editor:
        return
    st.markdown("**Indlæs et udfyldt statusskema fra Excel**")
    st.caption(
        "Hent skemaet ovenfor under »Pr. projekt«, udfyld månedskolonnerne, og indlæs filen her. "
        "Du ser ændringerne, før noget gemmes."
    )
    uploaded = st.file_uploader("Udfyldt statusskema (.xlsx)", type=["xlsx"], key=f"{key}_file")
    if uploaded is None:
        st.session_state.pop(f"{key}_preview", None)
        return
    data = uploaded.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    stored = st.session_state.get(f"{key}_preview")
    if stored is None or stored[0] != digest:
        try:
            cells = read_workbook(data, indicators, names, today)
        except WorkbookError as error:
            st.error(
                "Filen er afvist, og intet er gemt:\n\n"
                + "\n".join(f"- {plain(p)}" for p in error.problems),
                icon=":material/error:",
            )
            return
        latest = {r.key: (r.value, r.version) for r in latest_entries(register)}
        # The preview (with the versions it was made from) is kept until confirmed.
        stored = (digest, preview_changes(cells, latest))
        st.session_state[f"{key}_preview"] = stored
    changes: list[Change] = stored[1]
    if not changes:
        st.info("Filen ændrer ingen tal i registret.", icon=":material/info:")
        return
    st.markdown(f"**Forhåndsvisning:** {len(changes)} tal ændres eller tilføjes.")
    st.dataframe(
        preview_table(changes, indicators, names), hide_index=True, key=f"{key}_preview_table"
    )
    if not st.button(f"Bekræft og gem {len(changes)} tal", key=f"{key}_confirm", type="primary"):
        return
    drafts = change_drafts(changes, f"Indlæst fra Excel-filen {uploaded.name}")
    token = hashlib.sha256(
        (
            digest + "|" + "|".join(f"{c.cell.indicator_id}@{c.old_version}" for c in changes)
        ).encode()
    ).hexdigest()[:40]
    try:
        result = save_entries(register, indicators, user, drafts, token, today)
    except SaveConflict as conflict:
        st.session_state.pop(f"{key}_preview", None)
        st.warning(
            "**Intet er gemt – en anden har gemt nyere tal, efter forhåndsvisningen blev vist.**"
            "\n\n" + "\n".join(f"- {plain(c.message)}" for c in conflict.conflicts),
            icon=":material/sync_problem:",
        )
        return
    except (EntryError, SQLAlchemyError) as error:
        st.error(f"Intet er gemt: {plain(str(error))}", icon=":material/error:")
        return
    st.session_state.pop(f"{key}_preview", None)
    st.session_state[FLASH_KEY] = (
        "Filen var allerede indlæst; intet er gemt igen."
        if result.repeated
        else f"Gemt fra Excel: {len(result.written)} tal."
    )
    st.rerun()
