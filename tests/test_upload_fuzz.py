"""Fuzz test (Hypothesis): malformed CSV and XLSX thrown at both upload paths.

For every generated file the upload is either refused – with a Danish message
that names the file and pastes nothing long, and nothing stored – or accepted
with exactly the values that were written into it. Every read stays within the
CPU-time bound (5 s) and the process's peak memory grows by less than 300 MB.

The examples are derandomized and limited, so the test takes well under two
minutes in CI; the crafted worst cases (huge rows, zip bombs) are in
``test_upload_bounds.py``.
"""

from __future__ import annotations

import io
import re
import resource
import time
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from hedensted.core.catalog import DatasetError
from hedensted.importing.service import effective_catalog, preview
from hedensted.importing.store import all_versions
from hedensted.monthly.db import open_register
from hedensted.monthly.excel import WorkbookError, read_workbook, status_workbook
from tests.import_support import UNEMPLOYED, shipped, template_file
from tests.register_support import TODAY, shipped_indicators

FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
MAX_SECONDS = 5.0
MAX_MEGABYTES = 300
# English words that would show an untranslated library message.
ENGLISH = re.compile(
    r"\b(error|field|line|expected|invalid|cannot|not a|unexpected|Traceback|File \")\b"
)


@pytest.fixture(scope="module")
def setup(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzz") / "register.sqlite"
    register = open_register(f"sqlite:///{path}")
    full = effective_catalog(None, register)
    start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    yield register, full
    grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start) / 1024
    assert grown < MAX_MEGABYTES, f"peak memory grew {grown:.0f} MB"


def _danish_refusal(message: str, file_name: str) -> None:
    assert message.startswith(f"fil {file_name}"), message
    assert not ENGLISH.search(message), message
    assert len(message) < 1500, message[:300]


def _timed(call):
    start = time.thread_time()
    try:
        return call()
    finally:
        assert time.thread_time() - start <= MAX_SECONDS


# --- CSV on the import path ---------------------------------------------------------

BASE = template_file(UNEMPLOYED, "2025-01").decode()
AREAS = [line.split(",")[0] for line in BASE.splitlines()[1:]]
KINDS = [line.split(",")[3] for line in BASE.splitlines()[1:]]

NUMBER_STYLES = ["plain", "danish", "english", "spaced"]
CORRUPTIONS = [
    "none",
    "extra cell",
    "missing cell",
    "unclosed quote",
    "foreign digit",
    "nul byte",
    "cut",
    "utf-16",
    "latin-1",
    "random bytes",
]


def _number(value: int, style: str) -> str:
    if style == "danish":
        return f"{value:,}".replace(",", ".")
    if style == "english":
        return f'"{value:,}"'
    if style == "spaced":
        return f" {value} "
    return str(value)


@st.composite
def csv_files(draw):
    values = draw(st.lists(st.integers(0, 500_000), min_size=len(AREAS), max_size=len(AREAS)))
    styles = draw(
        st.lists(st.sampled_from(NUMBER_STYLES), min_size=len(AREAS), max_size=len(AREAS))
    )
    corruption = draw(st.sampled_from(CORRUPTIONS))
    row = draw(st.integers(0, len(AREAS) - 1))
    lines = ["area,period,value,area_type"]
    for area, kind, value, style in zip(AREAS, KINDS, values, styles, strict=True):
        lines.append(f"{area},2025-01,{_number(value, style)},{kind}")
    target = row + 1
    if corruption == "extra cell":
        lines[target] += ",22,9"
    elif corruption == "missing cell":
        lines[target] = lines[target].rsplit(",", 1)[0]
    elif corruption == "unclosed quote":
        lines[target] = '"' + lines[target]
    elif corruption == "foreign digit":
        lines[target] = lines[target].replace("2025", "２０２５", 1)
    text = "\n".join(lines) + "\n"
    data = text.encode()
    if corruption == "nul byte":
        data = data.replace(b"\n", b"\x00\n", 1)
    elif corruption == "cut":
        data = data[: draw(st.integers(1, len(data) - 1))]
    elif corruption == "utf-16":
        data = text.encode("utf-16")
    elif corruption == "latin-1":
        data = text.replace("RAR", "RÅR").encode("latin-1")
    elif corruption == "random bytes":
        position = draw(st.integers(0, len(data) - 1))
        junk = draw(st.binary(min_size=1, max_size=8))
        data = data[:position] + junk + data[position + 1 :]
    return data, corruption, values, styles


@FUZZ
@given(case=csv_files())
def test_fuzzed_csv_is_refused_in_danish_or_read_right(setup, case) -> None:
    register, full = setup
    data, corruption, values, styles = case
    before = len(all_versions(register))
    try:
        checked = _timed(
            lambda: preview(register, full, UNEMPLOYED, "fuzz.csv", data, replace=True)
        )
    except DatasetError as error:
        _danish_refusal(str(error), "fuzz.csv")
        assert len(all_versions(register)) == before
        assert corruption != "none" or "english" in styles or "danish" in styles
        return
    # Every deliberate corruption must be refused; random bytes may land harmlessly.
    assert corruption in ("none", "cut", "random bytes"), corruption
    read = {row["area"]: row["value"] for row in checked.plan.rows}
    if corruption in ("none", "cut"):  # a cut file is refused unless only the end was cut
        for area, value in zip(AREAS, values, strict=True):
            assert float(read[area]) == value, (area, read[area], value)
    assert len(all_versions(register)) == before


# --- XLSX on both paths ---------------------------------------------------------------

CELLS = st.one_of(
    st.none(),
    st.integers(-10, 10**7),
    st.floats(allow_nan=True, allow_infinity=True, width=32),
    st.booleans(),
    st.dates(min_value=date(1900, 3, 1), max_value=date(2100, 1, 1)),
    st.text(alphabet="0123456789.,-=+@ abcæøå٢２\t\n\"'", max_size=12),
)


def _corrupt(data: bytes, how: str, position: int, junk: bytes) -> bytes:
    if how == "cut":
        return data[: max(1, position % len(data))]
    if how == "flip":
        spot = position % len(data)
        return data[:spot] + junk + data[spot + len(junk) :]
    return data


@st.composite
def template_workbooks(draw):
    values = draw(st.lists(st.integers(0, 500_000), min_size=len(AREAS), max_size=len(AREAS)))
    extra = draw(st.lists(st.tuples(st.integers(1, 60), st.integers(2, 30), CELLS), max_size=4))
    how = draw(st.sampled_from(["none", "none", "cut", "flip"]))
    position = draw(st.integers(0, 10**6))
    junk = draw(st.binary(min_size=1, max_size=16))
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    sheet.append(["area", "period", "value", "area_type"])
    for area, kind, value in zip(AREAS, KINDS, values, strict=True):
        sheet.append([area, "2025-01", value, kind])
    for column, row, value in extra:
        sheet.cell(row=row, column=column, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return _corrupt(buffer.getvalue(), how, position, junk), how, values, extra


@FUZZ
@given(case=template_workbooks())
def test_fuzzed_xlsx_on_the_import_path(setup, case) -> None:
    register, full = setup
    data, how, values, extra = case
    before = len(all_versions(register))
    try:
        checked = _timed(
            lambda: preview(register, full, UNEMPLOYED, "fuzz.xlsx", data, replace=True)
        )
    except DatasetError as error:
        _danish_refusal(str(error), "fuzz.xlsx")
        assert len(all_versions(register)) == before
        return
    touched = {row for _column, row, value in extra if value not in (None, "")}
    read = {row["area"]: row["value"] for row in checked.plan.rows}
    for position, (area, value) in enumerate(zip(AREAS, values, strict=True), start=2):
        if position not in touched and how == "none":
            assert float(read[area]) == value
    assert len(all_versions(register)) == before


@pytest.fixture(scope="module")
def status_base():
    indicators = shipped_indicators()
    frame = shipped().get("investeringsprojekter").frame
    names = dict(zip(frame["project_id"], frame["project"], strict=True))
    return indicators, names, status_workbook(indicators, names, {}, ["Kilde: test"])


@FUZZ
@given(
    cells=st.lists(st.tuples(st.integers(1, 40), st.integers(1, 40), CELLS), max_size=6),
    how=st.sampled_from(["none", "none", "cut", "flip"]),
    position=st.integers(0, 10**6),
    junk=st.binary(min_size=1, max_size=16),
)
def test_fuzzed_xlsx_on_the_register_path(status_base, cells, how, position, junk) -> None:
    from openpyxl import load_workbook

    indicators, names, base = status_base
    workbook = load_workbook(io.BytesIO(base))
    sheet = workbook.worksheets[0]
    for column, row, value in cells:
        sheet.cell(row=row, column=column, value=value)
    buffer = io.BytesIO()
    workbook.save(buffer)
    data = _corrupt(buffer.getvalue(), how, position, junk)
    try:
        found = _timed(lambda: read_workbook(data, indicators, names, TODAY))
    except WorkbookError as error:
        for problem in error.problems:
            assert not ENGLISH.search(problem), problem
            assert len(problem) < 600, problem[:300]
        return
    written = {(row, column): value for column, row, value in cells}
    for cell in found:
        letters = re.match(r"[A-Z]+", cell.cell).group()
        row = int(cell.cell[len(letters) :])
        column = sum((ord(c) - 64) * 26**i for i, c in enumerate(reversed(letters)))
        value = written.get((row, column))
        if isinstance(value, int | float) and not isinstance(value, bool):
            assert cell.value == pytest.approx(float(value))
        elif isinstance(value, datetime | date):
            raise AssertionError(f"a date was read as a number: {cell}")
