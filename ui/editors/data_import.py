"""The Streamlit side of »Opdater data«: template, upload → preview → confirm, versions.

Only editors (the same login as the monthly entry, :func:`ui.editors.monthly_entry.login_panel`)
see the upload and the rollback; everyone sees the versions. Names and file
names typed by people are shown as text (dataframes or escaped markdown).
"""

from __future__ import annotations

from functools import partial

import streamlit as st
from sqlalchemy.exc import SQLAlchemyError

from hedensted.core.catalog import Catalog, Dataset, DatasetError
from hedensted.core.periods import period_label
from hedensted.importing.api import Fetched, JobindsatsError
from hedensted.importing.display import changes_table, summary, versions_table
from hedensted.importing.period_views import choices
from hedensted.importing.refresh import (
    FetchError,
    Sources,
    fetch_period,
    newest_source_period,
    source_description,
)
from hedensted.importing.service import Preview, confirm, preview, preview_fetched
from hedensted.importing.store import (
    ImportConflict,
    all_versions,
    dataset_state,
    rollback_to,
    undo_switch,
)
from hedensted.importing.template import instructions, template_csv, template_xlsx
from hedensted.importing.validation import OutliersNotConfirmed
from hedensted.monthly.auth import NotAnEditorError, User
from hedensted.monthly.db import Register
from ui.editors.monthly_entry import plain
from ui.state.data import refresh_catalog
from ui.state.import_store import import_register

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def open_store() -> Register | None:
    """The database with the versions, or ``None`` after a Danish error message."""
    try:
        return import_register()
    except (SQLAlchemyError, OSError, ValueError) as error:
        st.error(
            "Databasen med de importerede versioner kan ikke åbnes, så data kan ikke "
            "opdateres. Tjek DATABASE_URL (se README).\n\n" + plain(str(error).splitlines()[0]),
            icon=":material/error:",
        )
        return None


def flash(key: str) -> None:
    """The message left by the last import or rollback (after its rerun)."""
    message = st.session_state.pop(f"{key}_flash", None)
    if message:
        st.success(message, icon=":material/check_circle:")


def current_periods(dataset: Dataset) -> str:
    """»Perioder nu: dec. 2023 og mar. 2024 (nyeste: mar. 2024)«."""
    periods = choices(dataset) or [max(dataset.metadata.periods)]
    newest = period_label(periods[0])
    return f"Perioder nu: {dataset.metadata.period_label} – siderne viser {newest} som standard."


def template_downloads(dataset: Dataset, key: str) -> None:
    """The dataset's own template as CSV and Excel, with how to fill it in."""
    st.caption(instructions(dataset))
    formats = [
        ("CSV", "csv", "text/csv", template_csv),
        ("Excel", "xlsx", XLSX, template_xlsx),
    ]
    for column, (label, ext, mime, build) in zip(st.columns([1, 1, 2])[:2], formats, strict=True):
        with column:
            st.download_button(
                f"Hent skabelon ({label})",
                data=partial(build, dataset),
                file_name=f"{dataset.id}_skabelon.{ext}",
                mime=mime,
                icon=":material/download:",
                key=f"{key}_template_{ext}",
                on_click="ignore",
            )


def _checked(
    register: Register,
    full: Catalog,
    dataset: Dataset,
    name: str,
    data: bytes,
    replace: bool,
    key: str,
) -> Preview | None:
    """The preview of a file – kept while the same file is shown, so a confirm saves
    against exactly the version the preview was made from."""
    from hedensted.importing.validation import sha256_of

    token = (dataset.id, name, sha256_of(data), replace)
    kept = st.session_state.get(f"{key}_preview")
    if kept and kept[0] == token:
        return kept[1]
    try:
        checked = preview(register, full, dataset.id, name, data, replace=replace)
    except (DatasetError, ValueError) as error:
        st.session_state.pop(f"{key}_preview", None)
        st.error(
            "**Filen er afvist – intet er gemt.** Ret dette og indlæs filen igen:\n\n"
            + plain(str(error)),
            icon=":material/error:",
        )
        return None
    st.session_state[f"{key}_preview"] = (token, checked)
    return checked


def _checked_fetched(
    register: Register, full: Catalog, dataset: Dataset, fetched: Fetched, replace: bool, key: str
) -> Preview | None:
    """The preview of a fetched table (kept like a file's, see :func:`_checked`)."""
    token = (dataset.id, fetched.file_name, fetched.sha256, replace)
    kept = st.session_state.get(f"{key}_preview")
    if kept and kept[0] == token:
        return kept[1]
    try:
        checked = preview_fetched(register, full, dataset.id, fetched, replace=replace)
    except (DatasetError, ValueError) as error:
        st.session_state.pop(f"{key}_preview", None)
        st.error(
            "**Det hentede er afvist – intet er gemt.**\n\n" + plain(str(error)),
            icon=":material/error:",
        )
        return None
    st.session_state[f"{key}_preview"] = (token, checked)
    return checked


def _show_preview(checked: Preview, dataset: Dataset, key: str) -> None:
    plan = checked.plan
    st.markdown(
        f"**Forhåndsvisning af »{plain(plan.file_name)}«** ({plan.source_format}, "
        f"SHA-256 `{plan.sha256[:16]}…`)"
    )
    st.markdown("\n".join(f"- {line}" for line in summary(plan)))
    only_changed = bool(plan.replaced_periods) and st.toggle(
        "Vis kun ændrede tal", value=True, key=f"{key}_only_changed"
    )
    st.dataframe(
        changes_table(plan, dataset, only_changed=only_changed),
        hide_index=True,
        width="stretch",
        height=300,
        key=f"{key}_preview_table",
    )


def confirm_outliers(checked: Preview, key: str) -> set[str]:
    """One checkbox per value that jumps more than 10 times; the keys ticked."""
    outliers = checked.plan.outliers
    if not outliers:
        return set()
    st.warning(
        f"**{len(outliers)} tal ændrer sig mere end 10 gange i forhold til perioden før.** "
        "Det er ofte en tastefejl (fx 2,674 for 2.674). Tjek hvert tal, og sæt flueben ved "
        "dem, der er rigtige – ellers gemmes intet.",
        icon=":material/warning:",
    )
    sha = checked.plan.sha256[:12]
    return {
        outlier.key
        for number, outlier in enumerate(outliers)
        if st.checkbox(
            f"Tallet er rigtigt: {plain(outlier.text)}", key=f"{key}_outlier_{sha}_{number}"
        )
    }


def upload_and_confirm(
    register: Register, full: Catalog, dataset: Dataset, user: User, key: str
) -> None:
    """Upload (or API file) → preview → »Bekræft og gem« (editors only)."""
    round_number = st.session_state.setdefault(f"{key}_round", 0)
    uploaded = st.file_uploader(
        "Indlæs en udfyldt skabelon eller en Jobindsats-eksport (CSV eller Excel)",
        type=["csv", "xlsx"],
        key=f"{key}_upload_{round_number}",
        help="Højst 5 MB. Intet gemmes, før du har set forhåndsvisningen og bekræftet.",
    )
    replace = st.checkbox(
        "Erstat en eksisterende periode",
        key=f"{key}_replace",
        help="Kun hvis tallene for en periode, der allerede findes, skal rettes.",
    )
    fetched = st.session_state.get(f"{key}_api_file")
    if uploaded is not None:
        checked = _checked(
            register, full, dataset, uploaded.name, uploaded.getvalue(), replace, key
        )
    elif fetched is not None and fetched[0] == dataset.id:
        checked = _checked_fetched(register, full, dataset, fetched[1], replace, key)
    else:
        return
    if checked is None:
        return
    _show_preview(checked, dataset, key)
    accepted = confirm_outliers(checked, key)
    if st.button("Bekræft og gem", type="primary", icon=":material/save:", key=f"{key}_confirm"):
        try:
            version = confirm(register, checked, user, accepted)
        except (NotAnEditorError, ImportConflict, OutliersNotConfirmed) as error:
            st.error(plain(str(error)), icon=":material/error:")
            return
        except SQLAlchemyError as error:
            st.error(
                "Intet er gemt: databasen svarede ikke. " + plain(str(error).splitlines()[0]),
                icon=":material/error:",
            )
            return
        refresh_catalog()
        st.session_state.pop(f"{key}_preview", None)
        st.session_state.pop(f"{key}_api_file", None)
        st.session_state[f"{key}_round"] = round_number + 1
        periods = ", ".join(period_label(p) for p in version.periods)
        st.session_state[f"{key}_flash"] = (
            f"Gemt som version {version.version} af {dataset.metadata.title}: {periods} "
            f"({version.row_count} rækker). Siderne viser nu den nyeste periode."
        )
        st.rerun()


def versions_and_rollback(register: Register, dataset: Dataset, user: User, key: str) -> None:
    """Every version with who, when and checksum; for editors: roll back to any version
    (after a confirmation) and undo the newest rollback."""
    versions = all_versions(register, dataset.id)
    st.dataframe(
        versions_table(versions, dataset),
        hide_index=True,
        width="stretch",
        key=f"{key}_versions",
        column_config={"SHA-256": st.column_config.TextColumn(width="small")},
    )
    if not user.is_editor:
        return
    if not versions:
        st.caption("Datasættet er den leverede version 1; der er intet at rulle tilbage.")
        return
    state = dataset_state(register, dataset.id)
    if state.last_switch is not None:
        _undo_button(register, dataset, user, key, state.last_switch)
    targets = [v.version for v in reversed(versions) if v.version != state.current]
    targets += [1] if state.current != 1 else []
    if not targets:
        return
    _rollback_to_any(register, dataset, user, key, state.current, targets)


def _rollback_to_any(
    register: Register, dataset: Dataset, user: User, key: str, current: int, targets: list[int]
) -> None:
    """Choose a version, then confirm: »Rul tilbage til version N« → »Ja, …«."""
    parent = dataset_state(register, dataset.id).parents.get(current, 1)
    target = st.selectbox(
        "Gå tilbage til version",
        targets,
        index=targets.index(parent) if parent in targets else 0,
        format_func=lambda v: f"Version {v}" + (" (de leverede tal)" if v == 1 else ""),
        key=f"{key}_rollback_target",
    )
    pending = st.session_state.get(f"{key}_rollback_pending")
    if pending != (current, target):
        if st.button(
            f"Rul tilbage til version {target}",
            icon=":material/undo:",
            key=f"{key}_rollback",
            help=f"Version {current} tages ud af brug. Intet slettes, og det kan fortrydes.",
        ):
            st.session_state[f"{key}_rollback_pending"] = (current, target)
            st.rerun()
        return
    st.warning(
        f"**Rul tilbage fra version {current} til version {target}?** Siderne viser derefter "
        f"tallene fra version {target}. Intet slettes, og du kan fortryde bagefter.",
        icon=":material/help:",
    )
    yes, no = st.columns([1, 1])[:2]
    if no.button("Annuller", key=f"{key}_rollback_cancel"):
        st.session_state.pop(f"{key}_rollback_pending", None)
        st.rerun()
    if yes.button("Ja, rul tilbage", type="primary", key=f"{key}_rollback_yes"):
        st.session_state.pop(f"{key}_rollback_pending", None)
        try:
            rollback_to(register, dataset.id, target, user, expected_current=current)
        except (NotAnEditorError, ImportConflict, ValueError) as error:
            st.error(plain(str(error)), icon=":material/error:")
            return
        _after_change(key, f"Version {current} er rullet tilbage; version {target} gælder igen.")


def _undo_button(
    register: Register, dataset: Dataset, user: User, key: str, last: tuple[int, int]
) -> None:
    before, now_current = last
    if st.button(
        f"Fortryd: gå tilbage til version {before}",
        icon=":material/redo:",
        key=f"{key}_undo",
        help=f"Fortryder den seneste tilbagerulning (fra version {before} til {now_current}).",
    ):
        try:
            undo_switch(register, dataset.id, user)
        except (NotAnEditorError, ImportConflict, ValueError) as error:
            st.error(plain(str(error)), icon=":material/error:")
            return
        _after_change(key, f"Tilbagerulningen er fortrudt; version {before} gælder igen.")


def _after_change(key: str, message: str) -> None:
    refresh_catalog()
    st.session_state.pop(f"{key}_preview", None)
    st.session_state[f"{key}_flash"] = message
    st.rerun()


def api_fetch(dataset: Dataset, key: str) -> None:
    """»Hent«: the dataset's newest (or a chosen) period from its source, into the preview.

    The table, measure and dimensions come from the dataset's metadata; the
    editor only picks a period. Jobindsats needs a key; Statistikbanken none.
    """
    refresh = dataset.metadata.refresh
    if refresh is None:
        st.caption(source_description(dataset))
        return
    try:
        sources = Sources.from_settings(_secrets(), None)
    except JobindsatsError as error:
        st.error(str(error), icon=":material/error:")
        return
    if refresh.service == "jobindsats" and sources.jobindsats is None:
        st.caption(
            f"{source_description(dataset)} Hentning fra Jobindsats' API er slået fra: den "
            "kræver en nøgle i JOBINDSATS_TOKEN eller [jobindsats] token i secrets (se README)."
        )
        return
    with st.container(border=True):
        st.markdown(f"**Hent fra {refresh.service_name}**")
        st.caption(source_description(dataset))
        period_key = f"{key}_api_period_{dataset.id}"
        if st.button("Vis kildens nyeste periode", key=f"{key}_source_newest"):
            try:
                st.session_state[period_key] = newest_source_period(dataset, sources)
            except FetchError as error:
                st.error(str(error), icon=":material/error:")
        with st.form(f"{key}_api_form", border=False):
            period = st.text_input(
                "Periode (som kilden skriver den)",
                key=period_key,
                placeholder="fx 2022QMAT04 eller 2024M01",
                help="Tom: kildens nyeste periode.",
            )
            submitted = st.form_submit_button("Hent", icon=":material/cloud_download:")
    if not submitted:
        return
    try:
        chosen = period.strip() or newest_source_period(dataset, sources)
        fetched = fetch_period(dataset, chosen, sources)
    except (*FetchError, ValueError) as error:
        st.error(str(error), icon=":material/error:")
        return
    st.session_state[f"{key}_api_file"] = (dataset.id, fetched)
    st.rerun()


def _secrets() -> dict:
    try:
        return dict(st.secrets)
    except Exception:  # no secrets.toml
        return {}
