"""Editors: scrypt password hashes, local accounts from secrets, OIDC mapping, the hash command."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from hedensted.monthly.auth import (
    VIEWER,
    NotAnEditorError,
    authenticate,
    hash_password,
    local_accounts,
    oidc_user,
    require_editor,
    verify_password,
)

ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "korrekt-hest-batteri"


def test_a_hash_verifies_only_its_own_password() -> None:
    encoded = hash_password(PASSWORD)
    scheme, n, r, p, _salt, _key = encoded.split("$")
    assert (scheme, n, r, p) == ("scrypt", "16384", "8", "1")
    assert verify_password(PASSWORD, encoded)
    assert not verify_password(PASSWORD + "x", encoded)
    assert hash_password(PASSWORD) != encoded  # a new random salt every time


@pytest.mark.parametrize("stored", ["", "scrypt$1$2", "bcrypt$x$y$z$a$b", "scrypt$a$b$c$d$e"])
def test_a_malformed_hash_never_matches(stored: str) -> None:
    assert not verify_password(PASSWORD, stored)


def test_short_passwords_are_refused_in_danish() -> None:
    with pytest.raises(ValueError, match="mindst 12 tegn"):
        hash_password("kort")


def test_local_accounts_log_in_editors_only_with_the_right_password() -> None:
    secrets = {
        "editors": {"Anne": {"name": "Anne Jensen", "password_hash": hash_password(PASSWORD)}}
    }
    accounts = local_accounts(secrets)
    user = authenticate(accounts, " anne ", PASSWORD)
    assert user is not None and user.is_editor and user.name == "Anne Jensen"
    assert user.author == "Anne Jensen (anne)"
    assert authenticate(accounts, "anne", "forkert-adgangskode") is None
    assert authenticate(accounts, "bo", PASSWORD) is None
    assert local_accounts({}) == {}


def test_an_account_without_a_hash_is_a_danish_error() -> None:
    with pytest.raises(ValueError, match="mangler en password_hash"):
        local_accounts({"editors": {"anne": {"name": "Anne", "password": "klartekst"}}})


def test_oidc_users_are_editors_only_when_listed() -> None:
    secrets = {"oidc_editors": ["Anne.Jensen@hedensted.dk"]}
    anne = oidc_user({"email": "anne.jensen@hedensted.dk", "name": "Anne Jensen"}, secrets)
    bo = oidc_user({"email": "bo@hedensted.dk", "name": "Bo"}, secrets)
    assert anne.is_editor and anne.method == "oidc"
    assert not bo.is_editor
    assert not oidc_user({"name": "Uden mail"}, secrets).is_editor


def test_require_editor_refuses_viewers() -> None:
    for user in (None, VIEWER, oidc_user({"email": "bo@x.dk"}, {})):
        with pytest.raises(NotAnEditorError, match="Kun redaktører kan gemme tal"):
            require_editor(user)


def test_the_hash_command_prints_a_working_hash_and_a_secrets_section() -> None:
    command = [sys.executable, "-m", "hedensted.monthly.hash_password", "--stdin"]
    done = subprocess.run(
        [*command, "--username", "anne", "--name", "Anne Jensen"],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    lines = done.stdout.strip().splitlines()
    assert lines[:2] == ["[register.editors.anne]", 'name = "Anne Jensen"']
    encoded = lines[2].removeprefix('password_hash = "').removesuffix('"')
    assert verify_password(PASSWORD, encoded)
    assert PASSWORD not in done.stdout
    refused = subprocess.run(
        command, input="kort\n", capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert refused.returncode == 1 and "mindst 12 tegn" in refused.stderr


def test_login_throttle_locks_per_name_and_address_with_growing_waits(tmp_path) -> None:
    from datetime import UTC, datetime, timedelta

    from hedensted.monthly.db import open_register
    from hedensted.monthly.throttle import LoginThrottle

    url = f"sqlite:///{tmp_path / 'register.sqlite'}"
    throttle = LoginThrottle(open_register(url))
    start = datetime(2026, 11, 22, 10, 0, tzinfo=UTC)

    def at(minutes: float) -> datetime:
        return start + timedelta(minutes=minutes)

    for minute in range(4):
        throttle.failed("Anne", "10.0.0.9", at(minute))
    assert throttle.locked_until("anne", "10.0.0.9", at(4)) is None
    throttle.failed(" anne ", "10.0.0.9", at(4))  # the same name, typed loosely: 5 failures
    assert throttle.locked_until("anne", "10.0.0.9", at(4.5)) == at(5)  # 1 minute
    assert throttle.locked_until("anne", "10.0.0.1", at(4.5)) is None  # her own desk
    assert throttle.locked_until("bo", "10.0.0.9", at(4.5)) is None  # others may try
    throttle.failed("anne", "10.0.0.9", at(5))  # 6 failures: 2 minutes
    assert throttle.locked_until("anne", "10.0.0.9", at(6)) == at(7)
    throttle.failed("anne", "10.0.0.9", at(7))  # 7 failures: 4 minutes
    assert throttle.locked_until("anne", "10.0.0.9", at(10)) == at(11)
    assert throttle.locked_until("anne", "10.0.0.9", at(11)) is None

    # The count lives in the database: a new process (a restart, another server) sees it.
    again = LoginThrottle(open_register(url))
    assert again.locked_until("anne", "10.0.0.9", at(10)) == at(11)

    again.succeeded("anne", "10.0.0.9", at(12))  # a correct login ends the count
    throttle.failed("anne", "10.0.0.9", at(13))
    assert throttle.locked_until("anne", "10.0.0.9", at(13)) is None
