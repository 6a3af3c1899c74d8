"""Lock-out after repeated wrong passwords, so a password cannot be guessed by trying.

After ``MAX_FAILURES`` wrong passwords for one user name within ``WINDOW``, logins
for that name are refused for ``LOCKOUT`` — also with the right password. The
count lives in the server process (shared by every browser session), not in the
database: a restart clears it, which is acceptable for a small editor list.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from datetime import datetime, timedelta

MAX_FAILURES = 5
WINDOW = timedelta(minutes=15)
LOCKOUT = timedelta(minutes=15)


class LoginThrottle:
    """Counts wrong passwords per user name and says when a name is locked."""

    def __init__(
        self,
        max_failures: int = MAX_FAILURES,
        window: timedelta = WINDOW,
        lockout: timedelta = LOCKOUT,
    ) -> None:
        if max_failures < 1:
            raise ValueError("Antallet af tilladte forsøg skal være mindst 1.")
        self.max_failures = max_failures
        self.window = window
        self.lockout = lockout
        self._failures: dict[str, list[datetime]] = defaultdict(list)
        self._lock = threading.Lock()

    @staticmethod
    def _name(username: str) -> str:
        return username.strip().lower()

    def locked_until(self, username: str, now: datetime) -> datetime | None:
        """When the lock on ``username`` ends, or ``None`` if it may try now."""
        with self._lock:
            recent = [t for t in self._failures[self._name(username)] if now - t < self.window]
            if len(recent) < self.max_failures:
                return None
            until = recent[-1] + self.lockout
            return until if now < until else None

    def failed(self, username: str, now: datetime) -> None:
        """Count a wrong password for ``username``."""
        with self._lock:
            name = self._name(username)
            self._failures[name] = [t for t in self._failures[name] if now - t < self.window]
            self._failures[name].append(now)

    def succeeded(self, username: str) -> None:
        """A correct login clears the count."""
        with self._lock:
            self._failures.pop(self._name(username), None)
