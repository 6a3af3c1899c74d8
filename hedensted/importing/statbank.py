"""Statistikbanken (Danmarks Statistik) client – keyless.

- ``GET {base}/tableinfo/{TABLE}?format=JSON`` – the table's variables
  (``id``, ``text``, ``time``) and their values (``id``, ``text``);
- ``GET {base}/data/{TABLE}/CSV?<VARIABLE>=<ids>&Tid=<code>`` – ``;``-separated,
  UTF-8 with BOM, a header with the variable ids and ``INDHOLD`` for the value,
  value texts in the cells, ``..`` for a missing value.

The dataset's metadata (``[refresh]``) names the area variable (``OMRÅDE``) and
any variable held at one value (``YDELSESTYPE = "Bruttoledige"``) by their
Danish names; every other variable is held at its total (»I alt«). Names are
turned into ids from ``/tableinfo`` at fetch time. The decimal separator of
``INDHOLD`` is left to the importer, which decides it once per response.

Danmarks Statistik has municipalities and the whole country, not RAR areas. A
RAR area whose municipalities the dataset's own total check lists (RAR
Østjylland = its 12 municipalities) is computed as their sum – as the source
document did (»egne beregninger«) – and only for counts; every other area the
source does not have is written as missing (``..``), never invented.

``STATBANK_URL`` points at another server (the tests use a local one).
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import math
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from hedensted.core.catalog import Dataset
from hedensted.importing.api import Fetched
from hedensted.importing.areas import area_name
from hedensted.importing.columns import is_total, norm, same_name
from hedensted.importing.reading import RawTable

DEFAULT_BASE_URL = "https://api.statbank.dk/v1"
URL_ENV = "STATBANK_URL"
TIMEOUT_SECONDS = 60


class StatbankError(RuntimeError):
    """A Danish message about a failed request to Statistikbanken."""


@dataclass(frozen=True)
class Variable:
    id: str
    text: str
    time: bool
    values: tuple[tuple[str, str], ...]  # (id, text)

    def named(self, wanted: str) -> bool:
        return same_name(self.id, wanted) or same_name(self.text, wanted)


def statbank_url(environ: Mapping[str, str] | None = None) -> str:
    environ = os.environ if environ is None else environ
    return str(environ.get(URL_ENV) or DEFAULT_BASE_URL).rstrip("/")


def parse_tableinfo(table: str, body: bytes) -> list[Variable]:
    try:
        document = json.loads(body.decode("utf-8-sig"))
        return [
            Variable(
                str(v["id"]),
                str(v.get("text") or v["id"]),
                bool(v.get("time")) or norm(str(v["id"])) == "tid",
                tuple((str(x["id"]), str(x.get("text") or x["id"])) for x in v.get("values", [])),
            )
            for v in document["variables"]
        ]
    except (ValueError, KeyError, TypeError) as exc:
        raise StatbankError(
            f"Statistikbankens beskrivelse af tabellen {table} kan ikke læses ({exc})."
        ) from None


class StatbankClient:
    """Ask Statistikbanken (no key)."""

    def __init__(self, base_url: str | None = None, timeout: float = TIMEOUT_SECONDS):
        self.base_url = (base_url or statbank_url()).rstrip("/")
        self.timeout = timeout

    def _get(self, path: str, query: Sequence[tuple[str, str]], table: str) -> bytes:
        url = f"{self.base_url}/{path}?{urllib.parse.urlencode(query, safe=',*')}"
        request = urllib.request.Request(url, headers={"User-Agent": "hedensted-dashboard"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return response.read()
        except urllib.error.HTTPError as error:
            detail = ""
            with contextlib.suppress(ValueError, AttributeError, OSError):
                detail = str(json.loads(error.read().decode("utf-8")).get("message") or "")
            raise StatbankError(
                f"Statistikbanken afviste forespørgslen på tabellen {table} (HTTP {error.code})"
                + (f": »{detail}«." if detail else ".")
            ) from None
        except TimeoutError:
            raise StatbankError(
                f"Statistikbanken ({self.base_url}) svarede ikke inden for "
                f"{_seconds(self.timeout)} sekunder. Prøv igen senere."
            ) from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            raise StatbankError(
                f"Ingen forbindelse til Statistikbanken ({self.base_url}): {reason}. "
                "Tjek netværket."
            ) from None

    def variables(self, table: str) -> list[Variable]:
        body = self._get(f"tableinfo/{urllib.parse.quote(table)}", [("format", "JSON")], table)
        return parse_tableinfo(table, body)

    def newest_period(self, table: str) -> str:
        time = _time_variable(table, self.variables(table))
        if not time.values:
            raise StatbankError(f"Statistikbankens tabel {table} oplyser ingen perioder.")
        return time.values[-1][0]

    def fetch(self, dataset: Dataset, period: str) -> Fetched:
        """One period of the dataset from its table, as a table the importer checks."""
        refresh = dataset.metadata.refresh
        if refresh is None or refresh.service != "statistikbanken":
            raise StatbankError(f"Datasættet »{dataset.id}« hentes ikke fra Statistikbanken.")
        table = refresh.table
        variables = self.variables(table)
        area_source = refresh.dimension("area")
        if area_source is None:
            raise StatbankError("Statistikbanken bruges kun til datasæt efter område.")
        area_var = _variable(table, variables, area_source.name)
        time = _time_variable(table, variables)
        if period not in {v for v, _ in time.values}:
            newest = time.values[-1][0] if time.values else "ingen"
            raise StatbankError(
                f"Statistikbankens tabel {table} har ikke perioden {period}. Nyeste: {newest}."
            )
        for name in refresh.fixed:  # a held variable the table lacks is a wrong name
            _variable(table, variables, name)
        plan = area_plan(dataset, area_var)
        query = [(area_var.id, ",".join(plan.ids))]
        for variable in variables:
            if variable is area_var or variable is time:
                continue
            query.append((variable.id, _held_value(table, variable, refresh.fixed)))
        query.append((time.id, period))
        body = self._get(f"data/{urllib.parse.quote(table)}/CSV", query, table)
        name = f"statistikbanken_{table}_{period}.csv"
        raw = response_table(body, name, area_var, time, plan, dataset)
        return Fetched(
            raw=raw,
            sha256=hashlib.sha256(body).hexdigest(),
            source_format=f"Statistikbanken (tabel {table})",
            period=period,
        )


def _variable(table: str, variables: list[Variable], wanted: str) -> Variable:
    for variable in variables:
        if variable.named(wanted):
            return variable
    names = ", ".join(f"{v.id} ({v.text})" for v in variables)
    raise StatbankError(f"Statistikbankens tabel {table} har ikke variablen »{wanted}« ({names}).")


def _time_variable(table: str, variables: list[Variable]) -> Variable:
    for variable in variables:
        if variable.time:
            return variable
    raise StatbankError(f"Statistikbankens tabel {table} har ingen tidsvariabel.")


def _held_value(table: str, variable: Variable, fixed: Mapping[str, str]) -> str:
    wanted = next((value for name, value in fixed.items() if variable.named(name)), None)
    if wanted is not None:
        hits = [i for i, text in variable.values if norm(text) == norm(wanted)]
        hits = hits or [i for i, text in variable.values if norm(text).startswith(norm(wanted))]
    else:
        hits = [i for i, text in variable.values if is_total(text)]
        hits = hits or [i for i, _ in variable.values if i.upper() in ("TOT", "IALT")]
    if not hits:
        texts = ", ".join(text for _, text in variable.values[:10])
        what = f"»{wanted}«" if wanted else "en »I alt«-værdi"
        raise StatbankError(
            f"Statistikbankens tabel {table} har ikke {what} i variablen {variable.id} "
            f"({variable.text}); værdier: {texts}."
        )
    return hits[0]


@dataclass(frozen=True)
class AreaPlan:
    """Which of the dataset's areas are asked for, summed from parts, or missing."""

    ids: list[str]
    names: dict[str, str]  # source id and text → catalog area
    summed: dict[str, list[str]]  # catalog area → its parts (catalog areas)
    missing: list[str]


def area_plan(dataset: Dataset, variable: Variable) -> AreaPlan:
    areas = list(dict.fromkeys(dataset.frame["area"].astype(str)))
    by_name: dict[str, str] = {}
    for identifier, text in variable.values:
        catalog = area_name(text, set(areas))
        if catalog in areas and catalog not in by_name.values():
            by_name[identifier] = catalog
            by_name[text] = catalog
    available = set(by_name.values())
    counts = dataset.metadata.short_unit == "personer"
    summed: dict[str, list[str]] = {}
    if counts:
        for check in dataset.metadata.totals:
            own = check.dimension == "area" and check.total_label not in available
            if own and check.parts and all(part in available for part in check.parts):
                summed[check.total_label] = list(check.parts)
    missing = [a for a in areas if a not in available and a not in summed]
    ids = [i for i, _ in variable.values if i in by_name]
    return AreaPlan(ids=ids, names=by_name, summed=summed, missing=missing)


def _number(text: str) -> float:
    compact = text.strip().replace(".", "").replace(",", ".")
    return float(compact)


def response_table(
    body: bytes,
    file_name: str,
    area_var: Variable,
    time: Variable,
    plan: AreaPlan,
    dataset: Dataset,
) -> RawTable:
    """The CSV response as a Jobindsats-shaped table: ``Område``, ``Periode``, the value.

    Sums (RAR Østjylland from its municipalities) and missing areas are added
    after the source's own rows.
    """
    text = body.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=";")
    header = [h.strip() for h in next(reader, [])]
    try:
        area_at = next(i for i, h in enumerate(header) if same_name(h, area_var.id))
        time_at = next(i for i, h in enumerate(header) if same_name(h, time.id))
        value_at = next(i for i, h in enumerate(header) if norm(h) == "indhold")
    except StopIteration:
        raise StatbankError(
            f"Statistikbankens svar har ikke de forventede kolonner ({', '.join(header)})."
        ) from None
    label = dataset.metadata.column_labels.get("value", "INDHOLD")
    rows: list[tuple[int, list[object]]] = []
    by_period: dict[str, dict[str, str]] = {}
    for number, cells in enumerate(reader, start=2):
        if not any(c.strip() for c in cells):
            continue
        area = plan.names.get(cells[area_at].strip(), cells[area_at].strip())
        period, value = cells[time_at].strip(), cells[value_at].strip()
        rows.append((number, [area, period, value]))
        by_period.setdefault(period, {})[area] = value
    next_row = len(rows) + 2
    for period, values in by_period.items():
        for total, parts in plan.summed.items():
            texts = [values.get(p, "..") for p in parts]
            if any(t in ("..", ".", "") for t in texts):
                value = ".."
            else:
                sum_ = sum(_number(t) for t in texts)
                whole = math.isclose(sum_, round(sum_))
                value = str(round(sum_)) if whole else repr(sum_).replace(".", ",")
            rows.append((next_row, [total, period, value]))
            next_row += 1
        for area in plan.missing:
            rows.append((next_row, [area, period, ".."]))
            next_row += 1
    return RawTable(file_name, "csv", ";", ["Område", "Periode", label], rows)


def _seconds(timeout: float) -> str:
    return f"{timeout:g}".replace(".", ",")
