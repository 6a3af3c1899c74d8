"""Fetch a dataset's period from its source – by the dataset's metadata, never typed codes.

A dataset with ``[refresh]`` in its metadata is fetched from Jobindsats' API v3
(needs a key) or Statistikbanken (keyless); the result goes through the same
checks, preview, versions and rollback as a file (:mod:`hedensted.importing.service`).

:func:`refresh_all` is the scheduled refresh: for every such dataset the
source's newest period is fetched, checked and saved as a version – or the
reason why not is reported; with ``dry_run`` nothing is saved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hedensted.core.catalog import Catalog, Dataset, DatasetError
from hedensted.core.periods import period_label
from hedensted.importing.api import (
    ApiSettings,
    Fetched,
    JobindsatsClient,
    JobindsatsError,
    api_settings,
)
from hedensted.importing.jobindsats_periods import catalog_period, period_shape
from hedensted.importing.specs import importable_ids
from hedensted.importing.statbank import StatbankClient, StatbankError, statbank_url
from hedensted.importing.validation import period_order

FetchError = (JobindsatsError, StatbankError)


@dataclass(frozen=True)
class Sources:
    """The configured services (``jobindsats`` is ``None`` without a key)."""

    jobindsats: ApiSettings | None
    statbank_url: str
    timeout: float = 60

    @classmethod
    def from_settings(
        cls, secrets: Mapping[str, object] | None, environ: Mapping[str, str] | None
    ) -> Sources:
        return cls(api_settings(secrets, environ), statbank_url(environ))


def refreshable_ids(catalog: Catalog) -> list[str]:
    """The importable datasets whose metadata says where new periods come from."""
    return [
        i
        for i in importable_ids()
        if i in catalog.datasets and catalog.datasets[i].metadata.refresh is not None
    ]


# Why these Jobindsats datasets are refreshed by file, not fetched: what the search of
# public clients found (see README, »Hent direkte fra kilden«). Kept with the fetch code,
# so the page, the command line and the README say the same.
FILE_ONLY_REASONS = {
    "udgifter_pr_person_arbejdsstyrke": (
        "Jobindsats-tabellen med udgifter pr. person i arbejdsstyrken er ikke fundet: de "
        "offentlige klienter bruger kun udgiftstabeller med udgifter i alt (fx ptvg01, "
        "y01g01), ikke pr. person, og deres mål er ikke bekræftet."
    ),
    "status_efter_afsluttet_forloeb": (
        "Tabellen med status 1 måned efter afsluttet forløb er ikke fundet: de offentlige "
        "klienter bruger tabeller med status 6 og 12 måneder efter (y01b15, y60b15, y07b15 "
        "…), og datasættets fem målgrupper ligger i hver sin tabel."
    ),
    "varighed_afsluttede_forloeb": (
        "Varigheden ligger i én Jobindsats-tabel pr. ydelse (fx y07a07 for sygedagpenge, "
        "y01a27 for a-dagpenge), og datasættets periode er år-til-dato (januar – november), "
        "som API'et ikke er bekræftet at have; en hentning tager én tabel pr. datasæt."
    ),
}


def source_description(dataset: Dataset) -> str:
    """»Jobindsats' API v3, tabel y30r21 (Beskæftigelsesministeriet …)« – for the page."""
    refresh = dataset.metadata.refresh
    if refresh is None:
        why = FILE_ONLY_REASONS.get(
            dataset.id, "Datasættets metadata siger ikke, hvor nye perioder kommer fra."
        )
        return (
            f"Opdateres kun med en fil (skabelonen eller en eksport fra jobindsats.dk), "
            f"ikke med »Hent«. {why}"
        )
    return f"{refresh.service_name}, tabel {refresh.table}. Producent: {refresh.producer}."


def _refresh_of(dataset: Dataset):
    refresh = dataset.metadata.refresh
    if refresh is None:
        why = FILE_ONLY_REASONS.get(
            dataset.id, "Dets metadata siger ikke, hvor nye perioder kommer fra."
        )
        raise ValueError(
            f"Datasættet »{dataset.id}« kan ikke hentes automatisk. {why} Indlæs en fil i "
            "stedet (python -m hedensted.importing import … eller siden Opdater data)."
        )
    return refresh


def _jobindsats(sources: Sources) -> JobindsatsClient:
    if sources.jobindsats is None:
        raise JobindsatsError(
            "Der er ingen nøgle til Jobindsats' API: sæt JOBINDSATS_TOKEN eller [jobindsats] "
            "token i secrets (se README, »Sådan får kommunen en nøgle«)."
        )
    return JobindsatsClient(sources.jobindsats, timeout=sources.timeout)


def wanted_values(dataset: Dataset) -> dict[str, list[str]]:
    """The dataset's own values per dimension (what a fetch must bring)."""
    frame = dataset.frame
    return {d: list(dict.fromkeys(frame[d].astype(str))) for d in dataset.metadata.dimensions}


def newest_source_period(dataset: Dataset, sources: Sources) -> str:
    """The newest period the dataset's source offers, as the source writes it."""
    refresh = _refresh_of(dataset)
    if refresh.service == "jobindsats":
        return _jobindsats(sources).newest_period(refresh)
    return StatbankClient(sources.statbank_url, sources.timeout).newest_period(refresh.table)


def fetch_period(dataset: Dataset, period: str, sources: Sources) -> Fetched:
    """One period (``2022QMAT04``, ``2024M01``) of the dataset from its source."""
    refresh = _refresh_of(dataset)
    period = period.strip().upper()
    if refresh.service == "jobindsats":
        return _jobindsats(sources).fetch(refresh, wanted_values(dataset), period)
    return StatbankClient(sources.statbank_url, sources.timeout).fetch(dataset, period)


def catalog_code(dataset: Dataset, source_period: str) -> str:
    """The catalog's code for a source period of this dataset (half years for y30r21)."""
    newest = max(set(dataset.frame["period"]), key=period_order)
    return catalog_period(source_period, period_shape(newest))


@dataclass(frozen=True)
class RefreshResult:
    dataset_id: str
    status: str  # "gemt", "forhåndsvist", "findes", "sprunget over", "afvist"
    message: str

    @property
    def failed(self) -> bool:
        return self.status == "afvist"


def refresh_all(
    register,
    full: Catalog,
    sources: Sources,
    user,
    dry_run: bool,
    out,
    accept_outliers: bool = False,
) -> list:
    """Fetch, check and save the newest period of every API-backed dataset.

    Prints one block per dataset to ``out``; returns the results. A dataset
    that fails does not stop the others. A dataset with values that jump more
    than 10 times against the period before is refused unless ``accept_outliers``.
    """
    from hedensted.importing.display import summary
    from hedensted.importing.service import confirm, preview_fetched

    results: list[RefreshResult] = []
    for dataset_id in refreshable_ids(full):
        dataset = full.get(dataset_id)
        refresh = dataset.metadata.refresh
        try:
            # refreshable_ids gives only datasets with a refresh:
            if refresh.service == "jobindsats" and sources.jobindsats is None:  # type: ignore[union-attr]
                results.append(
                    RefreshResult(
                        dataset_id,
                        "sprunget over",
                        "ingen nøgle til Jobindsats' API (JOBINDSATS_TOKEN).",
                    )
                )
                continue
            period = newest_source_period(dataset, sources)
            code = catalog_code(dataset, period)
            if code in set(dataset.frame["period"]):
                results.append(
                    RefreshResult(
                        dataset_id,
                        "findes",
                        f"nyeste periode {period_label(code)} ({period}) er allerede indlæst.",
                    )
                )
                continue
            checked = preview_fetched(
                register, full, dataset_id, fetch_period(dataset, period, sources)
            )
            lines = [line.replace("**", "") for line in summary(checked.plan)]
            if dry_run:
                results.append(RefreshResult(dataset_id, "forhåndsvist", "; ".join(lines)))
                continue
            accepted = {o.key for o in checked.plan.outliers} if accept_outliers else set()
            version = confirm(register, checked, user, accepted)
            results.append(
                RefreshResult(
                    dataset_id,
                    "gemt",
                    f"{period_label(code)} ({period}) gemt som version {version.version}. "
                    + "; ".join(lines),
                )
            )
        except (*FetchError, DatasetError, ValueError) as error:
            results.append(RefreshResult(dataset_id, "afvist", str(error)))
    for result in results:
        print(f"{result.dataset_id}: {result.status} – {result.message}", file=out)
    return results
