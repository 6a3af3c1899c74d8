"""Who may write to the register: editors, by local account or by OIDC login.

Local accounts live in ``.streamlit/secrets.toml`` (never in git)::

    [register.editors.anne]
    name = "Anne Jensen"
    password_hash = "scrypt$16384$8$1$…"   # python -m hedensted.monthly.hash_password

With OIDC (``[auth]`` in secrets, e.g. Microsoft Entra ID through ``st.login``)
the logged-in user is an editor when their e-mail is listed::

    [register]
    oidc_editors = ["anne.jensen@hedensted.dk"]

Passwords are hashed with scrypt (``hashlib.scrypt``) and a random salt; the
stored text is ``scrypt$N$r$p$salt$hash`` with salt and hash in base64.
Everyone else is a viewer and can only read.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from dataclasses import dataclass

SCHEME = "scrypt"
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
KEY_BYTES = 32
MIN_PASSWORD_LENGTH = 12


@dataclass(frozen=True)
class User:
    """A person using the app; only editors may save values."""

    username: str
    name: str
    is_editor: bool
    method: str  # "lokal", "oidc" or "" for an anonymous viewer

    @property
    def author(self) -> str:
        """How the person is recorded in the history."""
        return (
            self.name
            if self.name.lower() == self.username.lower()
            else f"{self.name} ({self.username})"
        )


VIEWER = User(username="", name="Læser", is_editor=False, method="")


class NotAnEditorError(PermissionError):
    """Raised when someone who is not an editor tries to write."""

    def __init__(self) -> None:
        super().__init__("Kun redaktører kan gemme tal. Log ind som redaktør først.")


def require_editor(user: User | None) -> User:
    """Return ``user`` if it is an editor, else raise :class:`NotAnEditorError`."""
    if user is None or not user.is_editor or not user.username:
        raise NotAnEditorError()
    return user


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def hash_password(password: str, salt: bytes | None = None) -> str:
    """The scrypt hash of ``password`` as ``scrypt$N$r$p$salt$hash``.

    Raises ``ValueError`` for a password shorter than ``MIN_PASSWORD_LENGTH``.
    """
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValueError(f"Adgangskoden skal være mindst {MIN_PASSWORD_LENGTH} tegn.")
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    key = hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=KEY_BYTES
    )
    return f"{SCHEME}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"


def verify_password(password: str, encoded: str) -> bool:
    """True when ``password`` matches the stored hash (constant-time comparison).

    A malformed stored hash never matches.
    """
    try:
        scheme, n, r, p, salt_text, key_text = encoded.split("$")
        if scheme != SCHEME:
            return False
        salt, expected = base64.b64decode(salt_text), base64.b64decode(key_text)
        key = hashlib.scrypt(
            password.encode("utf-8"),
            salt=salt,
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
            maxmem=2**26,
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(key, expected)


@dataclass(frozen=True)
class LocalAccount:
    username: str
    name: str
    password_hash: str


def local_accounts(register_secrets: Mapping[str, object] | None) -> dict[str, LocalAccount]:
    """The editor accounts under ``[register.editors.<username>]``.

    Raises ``ValueError`` (Danish) for an account without a password hash.
    """
    editors = (register_secrets or {}).get("editors", {}) or {}
    accounts: dict[str, LocalAccount] = {}
    # Secrets.toml gives a table of tables here:
    for username, entry in dict(editors).items():  # type: ignore[call-overload]
        entry = dict(entry)
        password_hash = str(entry.get("password_hash", "")).strip()
        if not password_hash.startswith(f"{SCHEME}$"):
            raise ValueError(
                f"Redaktøren »{username}« i secrets.toml mangler en password_hash "
                "(lav den med: python -m hedensted.monthly.hash_password)."
            )
        accounts[str(username).lower()] = LocalAccount(
            username=str(username).lower(),
            name=str(entry.get("name") or username),
            password_hash=password_hash,
        )
    return accounts


def authenticate(accounts: Mapping[str, LocalAccount], username: str, password: str) -> User | None:
    """The editor for a correct username and password, else ``None``."""
    account = accounts.get(username.strip().lower())
    if account is None:
        # Spend the same time as a real check, so timing does not reveal names.
        verify_password(password, hash_password("x" * MIN_PASSWORD_LENGTH, b"0" * SALT_BYTES))
        return None
    if not verify_password(password, account.password_hash):
        return None
    return User(username=account.username, name=account.name, is_editor=True, method="lokal")


def oidc_user(
    user_info: Mapping[str, object], register_secrets: Mapping[str, object] | None
) -> User:
    """Map an OIDC login (``st.user``) to a user; editor if the e-mail is listed."""
    email = str(user_info.get("email") or "").strip().lower()
    name = str(user_info.get("name") or email or "Ukendt bruger")
    # secrets.toml gives a list here:
    listed = {str(e).strip().lower() for e in (register_secrets or {}).get("oidc_editors", [])}  # type: ignore[attr-defined]
    return User(username=email, name=name, is_editor=bool(email) and email in listed, method="oidc")
