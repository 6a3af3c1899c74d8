"""The command line: template, import (preview, then --yes), versions, rollback, refusals."""

from __future__ import annotations

import io

import pytest

from hedensted.importing import __main__ as cli
from hedensted.importing.store import all_versions, dataset_state
from hedensted.monthly.auth import hash_password
from hedensted.monthly.db import open_register
from hedensted.monthly.settings import DATABASE_URL_ENV, DEMO_ENV
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
    monkeypatch.setenv(cli.PASSWORD_ENV, "korrekt-hest-batteri")
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


def test_rollback_to_any_version(setup, capsys) -> None:
    tmp_path, url = setup
    for period in ("2024-03", "2024-04"):
        upload = tmp_path / f"{period}.csv"
        upload.write_bytes(template_file(FULLTIME, period))
        assert _run("import", FULLTIME, str(upload), "--user", "anne", "--yes")[0] == 0
    register = open_register(url)
    assert dataset_state(register, FULLTIME).current == 3

    code, text = _run("rollback", FULLTIME, "--to", "1", "--user", "anne")
    assert (code, text.strip()) == (0, f"Version 1 af {FULLTIME} er nu i brug (før: version 3).")
    assert dataset_state(register, FULLTIME).current == 1
    code, text = _run("rollback", FULLTIME, "--to", "3", "--user", "anne")
    assert (code, text.strip()) == (0, f"Version 3 af {FULLTIME} er nu i brug (før: version 1).")

    code, _ = _run("rollback", FULLTIME, "--to", "9", "--user", "anne")
    err = capsys.readouterr().err
    assert code == 1 and "Afvist – intet er gemt: Version 9 findes ikke for datasættet." in err
    code, _ = _run("rollback", FULLTIME, "--to", "3", "--user", "anne")
    assert code == 1 and "Version 3 er allerede den, der er i brug." in capsys.readouterr().err
    code, _ = _run("rollback", FULLTIME, "--to", "nul", "--user", "anne")
    err = capsys.readouterr().err
    assert code == 1 and "Afvist – forkert kommando" in err
    assert "»nul« er ikke et versionsnummer" in err and "Traceback" not in err
    assert dataset_state(register, FULLTIME).current == 3

    # The old form still goes one step back: from 3 to the version it was saved on (2).
    code, text = _run("rollback", FULLTIME, "--user", "anne")
    assert (code, text.strip()) == (0, f"Version 3 af {FULLTIME} er rullet tilbage.")
    assert dataset_state(register, FULLTIME).current == 2


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


# --- fetch and refresh from the sources (local servers that answer like the real ones) ---


@pytest.fixture
def sources(setup, monkeypatch):
    from tests.fake_sources import TOKEN, serving

    with serving() as (jobindsats, statbank, log):
        monkeypatch.setenv("JOBINDSATS_URL", jobindsats)
        monkeypatch.setenv("JOBINDSATS_TOKEN", TOKEN)
        monkeypatch.setenv("STATBANK_URL", statbank)
        yield log


def test_fetch_by_metadata(setup, sources) -> None:
    _tmp_path, url = setup
    code, text = _run(
        "fetch", "beskaeftigelsesministeriets_benchmark", "--period", "2020QMAT04", "--user", "anne"
    )
    assert code == 0, text
    assert "jobindsats_y30r21_2020QMAT04.json: Jobindsats API v3 (tabel y30r21)" in text
    assert "Intet er gemt" in text and all_versions(open_register(url)) == []
    code, text = _run(
        "fetch", "beskaeftigelsesministeriets_benchmark", "--period", "2020QMAT04",
        "--user", "anne", "--yes",
    )  # fmt: skip
    assert (code, text.splitlines()[-1]) == (
        0,
        "Gemt som version 2 af beskaeftigelsesministeriets_benchmark.",
    )


def test_fetch_refused_without_traceback(setup, sources, capsys) -> None:
    code, _ = _run("fetch", "ledighedsprocent", "--period", "2030M01", "--user", "anne")
    err = capsys.readouterr().err
    assert code == 1 and "Traceback" not in err
    assert "Statistikbankens tabel AUP01 har ikke perioden 2030M01" in err
    assert _run("fetch", "findes_ikke", "--period", "2024M01", "--user", "anne")[0] == 1
    code, _ = _run(
        "fetch", "udgifter_pr_person_arbejdsstyrke", "--period", "2024M01", "--user", "anne"
    )
    assert code == 1
    err = capsys.readouterr().err
    assert "kan ikke hentes automatisk" in err
    assert "udgifter i alt (fx ptvg01, y01g01), ikke pr. person" in err  # why: what was found


def test_refresh_all(setup, sources, capsys, monkeypatch) -> None:
    _tmp_path, url = setup
    register = open_register(url)
    code, text = _run("refresh", "--all", "--user", "anne", "--dry-run")
    assert code == 0, capsys.readouterr().err
    assert "beskaeftigelsesministeriets_benchmark: forhåndsvist" in text
    assert "Intet er gemt (--dry-run)." in text and all_versions(register) == []

    # The sources' figures continue the published ones (no value jumps 10 times):
    # every dataset is saved without --accept-outliers.
    code, text = _run("refresh", "--all", "--user", "anne")
    assert code == 0, capsys.readouterr().err
    assert "skal bekræftes" not in text
    saved = {v.dataset_id: list(v.periods) for v in all_versions(register)}
    assert saved == {
        "fuldtidspersoner_pct_arbejdsstyrke": ["2024-03"],
        "bruttoledige_rar_kommuner": ["2024-02"],
        "ledighedsprocent": ["2024-02"],
        "beskaeftigelsesministeriets_benchmark": ["2021-H2/2022-H1"],
    }
    code, text = _run("refresh", "--all", "--user", "anne")
    assert code == 0 and text.count("er allerede indlæst") == 4

    monkeypatch.delenv("JOBINDSATS_TOKEN")
    code, text = _run("refresh", "--all", "--user", "anne", "--dry-run")
    assert code == 0
    assert "beskaeftigelsesministeriets_benchmark: sprunget over – ingen nøgle" in text


def test_the_password_is_checked_asked_for_and_counted(setup, monkeypatch, capsys) -> None:
    tmp_path, url = setup
    upload = tmp_path / "marts.csv"
    upload.write_bytes(template_file(FULLTIME, "2024-03"))
    monkeypatch.setenv(cli.PASSWORD_ENV, "forkert-adgangskode")
    code, _text = _run("import", FULLTIME, str(upload), "--user", "anne", "--yes")
    assert code == 1 and "Forkert brugernavn eller adgangskode." in capsys.readouterr().err
    assert all_versions(open_register(url)) == []

    # Without the variable and without a terminal (cron): refused in Danish, never asked.
    monkeypatch.delenv(cli.PASSWORD_ENV)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, _text = _run("refresh", "--all", "--user", "anne", "--dry-run")
    err = capsys.readouterr().err
    assert code == 1 and "Ingen adgangskode for anne: sæt HEDENSTED_EDITOR_PASSWORD" in err
    assert "EOFError" not in err

    # At a terminal the password is asked for (hidden input).
    terminal = io.StringIO("")
    terminal.isatty = lambda: True  # type: ignore[method-assign]
    monkeypatch.setattr("sys.stdin", terminal)
    asked: list[str] = []
    monkeypatch.setattr(
        "getpass.getpass", lambda prompt: asked.append(prompt) or "korrekt-hest-batteri"
    )
    code, _text = _run("import", FULLTIME, str(upload), "--user", "anne", "--yes")
    assert code == 0 and asked == ["Adgangskode for anne: "]
    assert [v.author for v in all_versions(open_register(url))] == ["Anne Jensen (anne)"]


def test_wrong_passwords_lock_the_command_line_too(setup, monkeypatch, capsys) -> None:
    monkeypatch.setenv(cli.PASSWORD_ENV, "forkert-adgangskode")
    for _ in range(5):
        assert _run("rollback", FULLTIME, "--user", "anne")[0] == 1
    capsys.readouterr()
    monkeypatch.setenv(cli.PASSWORD_ENV, "korrekt-hest-batteri")
    code, _text = _run("rollback", FULLTIME, "--user", "anne")
    assert code == 1 and "For mange forkerte forsøg" in capsys.readouterr().err


def test_an_oidc_editor_cannot_use_the_command_line_without_a_password(setup, capsys) -> None:
    cli.SECRETS_FILE.write_text('[register]\noidc_editors = ["bo@hedensted.dk"]\n')
    code, _text = _run("rollback", FULLTIME, "--user", "bo@hedensted.dk")
    assert code == 1 and "kræver en lokal redaktørkonto" in capsys.readouterr().err


def test_a_jump_needs_accept_outliers(setup, capsys) -> None:
    tmp_path, url = setup
    upload = tmp_path / "udgifter.csv"
    data = template_file("udgifter_pr_person_arbejdsstyrke", "2024-03").decode()
    lines = data.splitlines()
    header, first = lines[0], lines[1].rsplit(",", 1)[0]
    upload.write_text("\n".join([header, f"{first},2.6", *lines[2:]]) + "\n")
    code, text = _run("import", "udgifter_pr_person_arbejdsstyrke", str(upload), "--user", "anne")
    assert code == 0 and "Bekræft 1 tal, der ændrer sig mere end 10 gange" in text
    code, _text = _run(
        "import", "udgifter_pr_person_arbejdsstyrke", str(upload), "--user", "anne", "--yes"
    )
    assert code == 1 and "skal bekræftes hvert for sig" in capsys.readouterr().err
    assert all_versions(open_register(url)) == []
    code, _text = _run(
        "import",
        "udgifter_pr_person_arbejdsstyrke",
        str(upload),
        "--user",
        "anne",
        "--yes",
        "--accept-outliers",
    )
    assert code == 0 and len(all_versions(open_register(url))) == 1
