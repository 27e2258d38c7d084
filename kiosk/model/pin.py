"""The admin PIN: salted scrypt hashes, constant-time checks and a lock after wrong attempts.

The settings keep only a hash of the PIN (``pin_hash``). While it is empty the documented
first-run PIN :data:`DEFAULT_PIN` is in force, and the admin must replace it at the first login
(:func:`must_change`). Neither PINs nor hashes are ever logged.

This module imports nothing from Qt.
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable
from typing import Literal, NamedTuple

log = logging.getLogger("kiosk.pin")

#: The documented first-run PIN, in force while ``pin_hash`` is empty.
DEFAULT_PIN = "2023"

#: scrypt cost parameters of new hashes: about 50 ms and 16 MiB per hash.
SCRYPT_N = 2**14
SCRYPT_R = 8
SCRYPT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32

#: Wrong PINs in a row before the pad locks, and how long it stays locked.
MAX_ATTEMPTS = 5
LOCK_SECONDS = 60.0

_PIN_RE = re.compile(r"[0-9]{4,8}")

PinStatus = Literal["ok", "wrong", "locked"]
#: Why a PIN cannot become the admin PIN: not 4 to 8 digits, or the first-run PIN.
PinProblem = Literal["format", "default"]


def valid_pin(pin: str) -> bool:
    """Whether *pin* is 4 to 8 ASCII digits."""
    return isinstance(pin, str) and _PIN_RE.fullmatch(pin) is not None


def new_pin_problem(pin: str) -> PinProblem | None:
    """Why *pin* cannot become the admin PIN, or ``None`` when it can.

    Returns:
        ``"format"`` (not 4 to 8 digits) or ``"default"`` (the first-run PIN); the UI shows
        the message of the code in the screen's language (UI string ``pin.problem.<code>``).
    """
    if not valid_pin(pin):
        return "format"
    if pin == DEFAULT_PIN:
        return "default"
    return None


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """The salted scrypt hash of *pin*: ``"scrypt$16384$8$1$<salt b64>$<hash b64>"``.

    Args:
        pin: 4 to 8 digits.
        salt: The salt; by default 16 fresh random bytes.

    Raises:
        ValueError: *pin* is not 4 to 8 digits, or *salt* is empty.
    """
    if not valid_pin(pin):
        raise ValueError("a PIN is 4 to 8 digits (0-9)")
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    if not salt:
        raise ValueError("the salt must not be empty")
    digest = _scrypt(pin, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, HASH_BYTES)
    return "$".join(
        ["scrypt", str(SCRYPT_N), str(SCRYPT_R), str(SCRYPT_P), _b64(salt), _b64(digest)]
    )


def verify_pin(pin: str, stored: str) -> bool:
    """Whether *pin* matches *stored* (a :func:`hash_pin` value), in constant time.

    An empty *stored* means the first-run PIN :data:`DEFAULT_PIN`. A malformed *stored* value
    matches no PIN; this never raises.
    """
    if not isinstance(pin, str) or not isinstance(stored, str):
        return False
    import hmac  # here, not at the top: the PIN is checked long after start-up

    candidate = pin.encode("utf-8", "surrogatepass")
    if stored == "":
        return hmac.compare_digest(candidate, DEFAULT_PIN.encode("ascii"))
    parsed = _parse(stored)
    if parsed is None:
        log.error("the stored PIN hash is malformed; no PIN matches it (run `kiosk set-pin`)")
        return False
    n, r, p, salt, expected = parsed
    try:
        digest = _scrypt(pin, salt, n, r, p, len(expected))
    except (ValueError, MemoryError, UnicodeError):
        return False
    return hmac.compare_digest(digest, expected)


def must_change(stored: str) -> bool:
    """Whether the first-run PIN is in force (the admin must set a new PIN)."""
    return stored == ""


class PinResult(NamedTuple):
    """The outcome of one PIN attempt.

    Attributes:
        status: ``"ok"`` (correct), ``"wrong"`` or ``"locked"`` (not checked, or the attempt
            that used up the last try).
        attempts_left: Wrong PINs still allowed before the pad locks.
        locked_for: Seconds until the pad unlocks (0 when it is not locked).
    """

    status: PinStatus
    attempts_left: int
    locked_for: float = 0.0

    @property
    def ok(self) -> bool:
        """Whether the PIN was correct."""
        return self.status == "ok"


class PinGuard:
    """Counts wrong PINs in a row and locks the pad after too many.

    After *max_attempts* wrong PINs in a row the pad locks for *lock_seconds*: attempts then
    return ``"locked"`` without checking the PIN. A correct PIN, or the end of a lock, resets the
    count.

    Args:
        clock: Seconds from a monotonic clock (injectable for tests).
        max_attempts: Wrong PINs in a row before the lock.
        lock_seconds: Length of the lock.
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        max_attempts: int = MAX_ATTEMPTS,
        lock_seconds: float = LOCK_SECONDS,
    ) -> None:
        self._clock = clock
        self._max_attempts = max_attempts
        self._lock_seconds = lock_seconds
        self._failures = 0
        self._locked_until: float | None = None

    @property
    def attempts_left(self) -> int:
        """Wrong PINs still allowed before the pad locks (0 while locked)."""
        if self.locked_for() > 0:
            return 0
        return self._max_attempts - self._failures

    def locked_for(self) -> float:
        """Seconds until the pad unlocks; 0 when it is not locked."""
        if self._locked_until is None:
            return 0.0
        remaining = self._locked_until - self._clock()
        if remaining <= 0:
            self._locked_until = None
            self._failures = 0
            return 0.0
        return remaining

    def attempt(self, pin: str, stored: str) -> PinResult:
        """Check *pin* against *stored* (see :func:`verify_pin`), unless the pad is locked.

        The attempt that uses up the last try returns ``"locked"`` with the full lock time.
        """
        remaining = self.locked_for()
        if remaining > 0:
            return PinResult("locked", 0, remaining)
        if verify_pin(pin, stored):
            self._failures = 0
            return PinResult("ok", self._max_attempts)
        self._failures += 1
        if self._failures >= self._max_attempts:
            self._locked_until = self._clock() + self._lock_seconds
            self._failures = 0
            log.warning(
                "%d wrong admin PINs in a row: PIN pad locked for %.0f s",
                self._max_attempts,
                self._lock_seconds,
            )
            return PinResult("locked", 0, self._lock_seconds)
        log.warning("wrong admin PIN (%d of %d)", self._failures, self._max_attempts)
        return PinResult("wrong", self._max_attempts - self._failures)

    def reset(self) -> None:
        """Forget wrong attempts and any lock."""
        self._failures = 0
        self._locked_until = None


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int, length: int) -> bytes:
    import hashlib

    maxmem = 128 * r * (n + p + 2) + 1024 * 1024
    return hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=maxmem, dklen=length
    )


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes] | None:
    """The parameters, salt and hash of a stored value, or ``None`` when it is malformed.

    The cost parameters are bounded so that a tampered value cannot make a check take minutes
    or gigabytes.
    """
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return None
    if not all(part.isascii() and part.isdigit() for part in parts[1:4]):
        return None
    n, r, p = (int(part) for part in parts[1:4])
    if not (2 <= n <= 2**20 and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
        return None
    if 128 * r * n * p > 256 * 1024 * 1024:
        return None
    import base64
    import binascii

    try:
        salt = base64.b64decode(parts[4], validate=True)
        digest = base64.b64decode(parts[5], validate=True)
    except (binascii.Error, ValueError):
        return None
    if not salt or not 16 <= len(digest) <= 64:
        return None
    return n, r, p, salt, digest


def _b64(data: bytes) -> str:
    import base64

    return base64.b64encode(data).decode("ascii")
