"""The static checks are part of the test run, so the README's one test command is
what CI runs: ruff lint and format, the import contracts (import-linter) and the
type check (mypy), each as configured in pyproject.toml."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TYPED_PACKAGES = ("hedensted", "ui")


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_check() -> None:
    result = _run("-m", "ruff", "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format() -> None:
    result = _run("-m", "ruff", "format", "--check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


def test_import_contracts() -> None:
    """hedensted never imports Streamlit, ui or the pages; ui never imports the pages;
    inside hedensted, core and present sit below the themes."""
    result = _run(
        "-c",
        "import sys; from importlinter.cli import lint_imports_command; "
        "sys.exit(lint_imports_command())",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout, result.stdout


def test_every_hedensted_package_is_in_a_layer() -> None:
    """A new theme package must be placed in the layers contract, or nothing checks it."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    layers = next(c["layers"] for c in contracts if c.get("containers") == ["hedensted"])
    layered = {name.strip() for layer in layers for name in re.split(r"[|:]", layer)}
    packages = {path.parent.name for path in (ROOT / "hedensted").glob("*/__init__.py")}
    assert packages == layered


def test_mypy() -> None:

    result = _run("-m", "mypy")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout, result.stdout


IGNORE = re.compile(r"#\s*type:\s*ignore(?P<rest>.*)$")
IGNORE_WITH_REASON = re.compile(r"^\[[a-z-]+(,\s*[a-z-]+)*\]\s+#\s*\S")


def type_ignores_without_reason(text: str) -> list[str]:
    """The ``# type: ignore`` comments in ``text`` that lack an error code or a reason.

    The reason follows on the same line (``# type: ignore[code]  # why``) or is a
    comment line just above.
    """
    lines = text.splitlines()
    missing = []
    for number, line in enumerate(lines):
        found = IGNORE.search(line)
        if found is None:
            continue
        rest = found["rest"].strip()
        has_code = re.match(r"^\[[a-z-]+(,\s*[a-z-]+)*\]", rest) is not None
        reason_after = IGNORE_WITH_REASON.match(rest) is not None
        reason_above = number > 0 and lines[number - 1].strip().startswith("# ")
        if not (has_code and (reason_after or reason_above)):
            missing.append(line.strip())
    return missing


def test_type_ignore_rule_is_checked() -> None:
    assert type_ignores_without_reason("x = f()  # type: ignore") == ["x = f()  # type: ignore"]
    assert type_ignores_without_reason("x = f()  # type: ignore[arg-type]") != []
    assert type_ignores_without_reason("x = f()  # type: ignore[arg-type]  # pandas scalar") == []
    assert type_ignores_without_reason("# pandas scalar\nx = f()  # type: ignore[arg-type]") == []
    assert type_ignores_without_reason("# pandas scalar\nx = f()  # type: ignore") != []


def test_every_type_ignore_has_a_code_and_a_reason() -> None:
    found = {
        str(path.relative_to(ROOT)): bad
        for package in TYPED_PACKAGES
        for path in sorted((ROOT / package).rglob("*.py"))
        if (bad := type_ignores_without_reason(path.read_text(encoding="utf-8")))
    }
    assert found == {}
