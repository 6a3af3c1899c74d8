"""The command line: template, import (preview, then --yes), versions, rollback, refusals."""

from __future__ import annotations

import io

import pytest

from hedensted.importing import __main__ as cli
from hedensted.importing.store import all_versions
from hedensted.monthly.auth import hash_password
from hedensted.monthly.db import DATABASE_URL_ENV, DEMO_ENV, open_register
from tests.import_support import FULLTIME, data_fingerprint, template_file


@pytest.fixture
def setup(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'register.sqlite'}"
    monkeypatch.setenv(DATABASE_URL_ENV, url)
    monkeypatch.delenv(DEMO_ENV, raising=False)
    secrets = tmp_path / "secrets.toml"
    secrets.write_text(
        '[register.editors.anne]\nname = "Anne Jensen"\n'
        f'password_hash = "{hash_password("korrekt-hest-batteri", b"0123456789abcdef")}"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(cli, "SECRETS_FILE", secrets)
    return tmp_path, url


def _run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    return cli.run(list(argv), out=out), out.getvalue()


def test_template_import_versions_rollback(setup) -> None:
    tmp_path, url = setup
    code, text = _run("template", FULLTIME, "-o", str(tmp_path / "skabelon.xlsx"))
    assert code == 0 and (tmp_path / "skabelon.xlsx").read_bytes().startswith(b"PK")

    upload = tmp_path / "marts.csv"
    upload.write_bytes(template_file(FULLTIME, "2024-03"))
    code, text = _run("import", FULLTIME, str(upload), "--user", "anne")
    assert code == 0
    assert "Ny periode mar. 2024 (2024-03): 70 rækker." in text
    assert "Intet er gemt. Kør igen med --yes" in text
    register = open_register(url)
    assert all_versions(register) == []

    code, text = _run("import", FULLTIME, str(upload), "--user", "anne", "--yes")
    assert (code, text.splitlines()[-1]) == (0, f"Gemt som version 2 af {FULLTIME}.")
    assert [v.author for v in all_versions(register)] == ["Anne Jensen (anne)"]

    code, text = _run("versions", FULLTIME)
    assert "marts.csv" in text and "altid med (ændres aldrig)" in text

    code, text = _run("rollback", FULLTIME, "--user", "anne")
    assert (code, text.strip()) == (0, f"Version 2 af {FULLTIME} er rullet tilbage.")
    assert not all_versions(register)[0].active


def test_refusals(setup, capsys) -> None:
    tmp_path, url = setup
    upload = tmp_path / "marts.csv"
    upload.write_bytes(template_file(FULLTIME, "2024-03"))
    before = data_fingerprint()
    assert _run("import", FULLTIME, str(upload), "--user", "bo", "--yes")[0] == 1
    assert "»bo« er ikke redaktør" in capsys.readouterr().err

    upload.write_bytes(template_file(FULLTIME, "2024-03").replace(b"Skanderborg,", b"Vejle,", 1))
    assert _run("import", FULLTIME, str(upload), "--user", "anne", "--yes")[0] == 1
    assert "fil marts.csv, række 5, kolonne 'area'" in capsys.readouterr().err

    assert _run("rollback", FULLTIME, "--user", "anne")[0] == 1
    assert "ingen importeret version at rulle tilbage" in capsys.readouterr().err
    assert all_versions(open_register(url)) == [] and data_fingerprint() == before
