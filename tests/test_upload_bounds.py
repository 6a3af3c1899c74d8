"""Issue 18: crafted and corrupt uploads are refused in Danish, within 5 s and 300 MB,
on both upload paths (»Opdater data« and the monthly status tables' Excel upload).

Time and memory are measured in a fresh Python process per crafted file: the
CPU time of the read (on an idle machine the same as the wall time; CPU time
keeps the test meaningful on a shared, busy CI machine) and the peak resident
memory after reading minus the peak before it.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from hedensted.core.catalog import DatasetError
from hedensted.importing.reading import read_upload
from hedensted.importing.template import template_xlsx
from hedensted.monthly.excel import WorkbookError, read_workbook, status_workbook
from tests import upload_bombs
from tests.import_support import FULLTIME, shipped
from tests.register_support import TODAY, shipped_indicators

REPO = Path(__file__).resolve().parent.parent
MAX_SECONDS = 5.0
MAX_MEGABYTES = 300


@pytest.fixture(scope="module")
def indicators():
    return shipped_indicators()


@pytest.fixture(scope="module")
def names() -> dict[str, str]:
    frame = shipped().get("investeringsprojekter").frame
    return dict(zip(frame["project_id"], frame["project"], strict=True))


def _template() -> bytes:
    return template_xlsx(shipped().get(FULLTIME))


def _status(indicators, names) -> bytes:
    return status_workbook(indicators, names, {}, ["Kilde: test"])


WORDS = {
    "afkortet ark": "kan ikke læses som en Excel-projektmappe",
    "celle i række 1.000.000": "række nr. 1.000.000",
    "celle i kolonne XFD": "kolonne XFD",
    "pakker ud til 60 MB": "fylder for meget, når den pakkes ud",
    "2,2 mio. tomme celler": ("for mange XML-elementer", "fylder for meget", "for lang tid"),
    "DOCTYPE med entitet": "kan ikke læses som en Excel-projektmappe",
}


def _says(message: str, case: str) -> bool:
    words = WORDS[case]
    return any(
        w.lower() in message.lower() for w in ((words,) if isinstance(words, str) else words)
    )


@pytest.mark.parametrize("case", list(upload_bombs.BUILDERS))
def test_a_crafted_workbook_is_refused_in_danish_on_the_import_path(case) -> None:
    data = upload_bombs.BUILDERS[case](_template())
    with pytest.raises(DatasetError) as caught:
        read_upload("angreb.xlsx", data)
    assert _says(str(caught.value), case)
    assert str(caught.value).startswith("fil angreb.xlsx")


@pytest.mark.parametrize("case", list(upload_bombs.BUILDERS))
def test_a_crafted_workbook_is_refused_in_danish_on_the_register_path(
    case, indicators, names
) -> None:
    data = upload_bombs.BUILDERS[case](_status(indicators, names))
    with pytest.raises(WorkbookError) as caught:
        read_workbook(data, indicators, names, TODAY)
    assert _says(str(caught.value), case)


def _measure(path: str, kind: str) -> dict:
    """Read the file at ``path`` in a fresh process; its time, memory and outcome."""
    script = textwrap.dedent(
        f"""
        import json, resource, time
        from pathlib import Path
        from hedensted.core.catalog import DatasetError
        from hedensted.importing.reading import read_upload
        from hedensted.monthly.excel import WorkbookError, read_workbook
        from tests.register_support import TODAY, shipped_indicators
        from tests.import_support import shipped
        data = Path({path!r}).read_bytes()
        indicators = shipped_indicators()
        frame = shipped().get("investeringsprojekter").frame
        names = dict(zip(frame["project_id"], frame["project"]))
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.process_time()
        try:
            if {kind!r} == "import":
                read_upload("angreb.xlsx", data)
            else:
                read_workbook(data, indicators, names, TODAY)
            outcome = "accepted"
        except (DatasetError, WorkbookError) as error:
            outcome = str(error)
        seconds = time.process_time() - start
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(json.dumps({{"seconds": seconds, "mb": (after - before) / 1024, "outcome": outcome}}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("kind", ["import", "register"])
@pytest.mark.parametrize(
    "case", ["celle i række 1.000.000", "pakker ud til 60 MB", "2,2 mio. tomme celler"]
)
def test_reading_a_crafted_workbook_stays_within_5_seconds_and_300_mb(
    tmp_path, case, kind, indicators, names
) -> None:
    base = _template() if kind == "import" else _status(indicators, names)
    path = tmp_path / "angreb.xlsx"
    path.write_bytes(upload_bombs.BUILDERS[case](base))
    assert path.stat().st_size < 5 * 1024 * 1024
    measured = _measure(str(path), kind)
    assert measured["outcome"] != "accepted"
    assert measured["seconds"] <= MAX_SECONDS, measured
    assert measured["mb"] <= MAX_MEGABYTES, measured
