"""Lock-out after repeated wrong passwords, per user name AND client address, in the database.

Every login attempt is a row in ``login_attempts`` (append-only), so the count
survives a restart and holds across several servers on one database. The
failures that count are those for the same user name from the same address
since that pair's last successful login, within ``WINDOW``:

- fewer than ``FREE_FAILURES``: no wait;
- then a wait from the last failure that doubles with every further failure:
  1, 2, 4, 8 … minutes, at most ``MAX_WAIT`` – also for the right password.

Because the pair is the key, someone guessing from another address cannot lock
an editor out at their own desk; and a guesser's waits grow with every try.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from hedensted.monthly.models import LoginAttempt

if TYPE_CHECKING:
    from hedensted.monthly.db import Register

FREE_FAILURES = 5
FIRST_WAIT = timedelta(minutes=1)
MAX_WAIT = timedelta(hours=1)
WINDOW = timedelta(hours=24)
UNKNOWN_ADDRESS = "ukendt"


def _name(username: str) -> str:
    return username.strip().lower()[:200]


def _address(address: str | None) -> str:
    return (address or UNKNOWN_ADDRESS).strip()[:100] or UNKNOWN_ADDRESS


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def wait_after(failures: int) -> timedelta:
    """How long to wait after ``failures`` consecutive wrong passwords."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    return min(FIRST_WAIT * 2 ** (failures - FREE_FAILURES), MAX_WAIT)


class LoginThrottle:
    """Counts wrong passwords per user name and address in the register's database."""

    def __init__(self, register: Register) -> None:
        self.register = register

    def _failures(self, username: str, address: str | None, now: datetime) -> list[datetime]:
        """The failures since the pair's last success (within ``WINDOW``), oldest first."""
        query = (
            select(LoginAttempt.succeeded, LoginAttempt.created_at)
            .where(
                LoginAttempt.username == _name(username),
                LoginAttempt.address == _address(address),
            )
            .order_by(LoginAttempt.id.desc())
            .limit(200)
        )
        failures: list[datetime] = []
        with self.register.sessions() as session:
            for succeeded, created_at in session.execute(query):
                if succeeded or _aware(created_at) < now - WINDOW:
                    break
                failures.append(_aware(created_at))
        return list(reversed(failures))

    def locked_until(
        self, username: str, address: str | None, now: datetime | None = None
    ) -> datetime | None:
        """When the lock on this user name from this address ends, or ``None``."""
        now = _aware(now or datetime.now(UTC))
        failures = self._failures(username, address, now)
        wait = wait_after(len(failures))
        if not failures or not wait:
            return None
        until = failures[-1] + wait
        return until if now < until else None

    def _add(self, username: str, address: str | None, succeeded: bool, now: datetime | None):
        with self.register.sessions.begin() as session:
            session.add(
                LoginAttempt(
                    username=_name(username),
                    address=_address(address),
                    succeeded=succeeded,
                    created_at=_aware(now or datetime.now(UTC)),
                )
            )

    def failed(self, username: str, address: str | None, now: datetime | None = None) -> None:
        """Count a wrong password."""
        self._add(username, address, False, now)

    def succeeded(self, username: str, address: str | None, now: datetime | None = None) -> None:
        """A correct login ends the pair's count."""
        self._add(username, address, True, now)


def lock_message(until: datetime, now: datetime) -> str:
    """Danish: how long until the next try."""
    minutes = max(1, -(-int((until - now).total_seconds()) // 60))
    return (
        "For mange forkerte forsøg med dette brugernavn herfra. Prøv igen om "
        f"{minutes} {'minut' if minutes == 1 else 'minutter'} (ventetiden vokser for hvert "
        "forkert forsøg), eller bed en administrator om hjælp."
    )
