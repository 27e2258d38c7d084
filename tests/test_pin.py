"""The admin PIN: hashing, checking, the lock after wrong attempts and ``kiosk set-pin``."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
import rtoml

from kiosk.commands.set_pin import set_pin_command
from kiosk.model.pin import (
    DEFAULT_PIN,
    PinGuard,
    PinResult,
    hash_pin,
    must_change,
    new_pin_problem,
    valid_pin,
    verify_pin,
)
from kiosk.model.settings import Settings, load_settings, save_settings


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def stored() -> str:
    """The hash of PIN 4711 (computed once: scrypt takes ~50 ms)."""
    return hash_pin("4711")


@pytest.mark.parametrize("pin", ["1234", "00000000", "0123", "98765"])
def test_valid_pins(pin: str) -> None:
    assert valid_pin(pin)


@pytest.mark.parametrize(
    "pin", ["", "123", "123456789", "12a4", "12 34", "1234\n", "١٢٣٤", "１２３４"]
)
def test_invalid_pins(pin: str) -> None:
    assert not valid_pin(pin)


def test_new_pin_must_differ_from_the_default() -> None:
    assert new_pin_problem("4711") is None
    assert new_pin_problem(DEFAULT_PIN) is not None
    assert new_pin_problem("12a4") is not None


def test_hash_verify_round_trip(stored: str) -> None:
    assert verify_pin("4711", stored)
    assert not verify_pin("4712", stored)
    assert not verify_pin("", stored)
    assert not verify_pin(DEFAULT_PIN, stored)


def test_stored_format(stored: str) -> None:
    parts = stored.split("$")
    assert stored.startswith("scrypt$")
    assert parts[:4] == ["scrypt", "16384", "8", "1"]
    assert len(parts) == 6
    assert "4711" not in stored


def test_two_hashes_of_the_same_pin_differ(stored: str) -> None:
    again = hash_pin("4711")
    assert again != stored
    assert again.split("$")[4] != stored.split("$")[4]  # a fresh salt
    assert verify_pin("4711", again)


def test_a_given_salt_gives_the_same_hash() -> None:
    assert hash_pin("4711", b"0123456789abcdef") == hash_pin("4711", b"0123456789abcdef")


def test_hashing_an_invalid_pin_raises() -> None:
    with pytest.raises(ValueError):
        hash_pin("12a4")


@pytest.mark.parametrize(
    "bad",
    [
        "garbage",
        "4711",
        "scrypt$",
        "scrypt$16384$8$1$c2FsdA==",
        "scrypt$16384$8$1$!!!$AAAAAAAAAAAAAAAAAAAAAA==",
        "scrypt$16384$8$1$c2FsdA==$dG9vIHNob3J0",
        "scrypt$1000$8$1$c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$1073741824$8$1$c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "scrypt$16384$x$1$c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
        "bcrypt$16384$8$1$c2FsdA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
    ],
)
def test_malformed_stored_value_matches_nothing(bad: str) -> None:
    assert not verify_pin("4711", bad)
    assert not verify_pin(DEFAULT_PIN, bad)


def test_tampered_hash_matches_nothing(stored: str) -> None:
    head, digest = stored.rsplit("$", 1)
    flipped = ("B" if digest[0] == "A" else "A") + digest[1:]
    assert not verify_pin("4711", f"{head}${flipped}")


def test_empty_stored_means_the_default_pin() -> None:
    assert verify_pin(DEFAULT_PIN, "")
    assert not verify_pin("4711", "")
    assert not verify_pin("", "")
    assert must_change("")


def test_set_pin_no_longer_must_change(stored: str) -> None:
    assert not must_change(stored)


def test_guard_locks_after_five_wrong_pins(stored: str) -> None:
    clock = FakeClock()
    guard = PinGuard(clock=clock)
    results = [guard.attempt("0000", stored) for _ in range(5)]
    assert [r.status for r in results] == ["wrong"] * 4 + ["locked"]
    assert [r.attempts_left for r in results] == [4, 3, 2, 1, 0]
    assert results[-1].locked_for == pytest.approx(60.0)
    clock.now += 10
    assert guard.locked_for() == pytest.approx(50.0)
    assert guard.attempts_left == 0


def test_guard_rejects_the_right_pin_while_locked(stored: str) -> None:
    clock = FakeClock()
    guard = PinGuard(clock=clock)
    for _ in range(5):
        guard.attempt("0000", stored)
    clock.now += 59.5
    result = guard.attempt("4711", stored)
    assert (result.status, result.attempts_left) == ("locked", 0)
    assert result.locked_for == pytest.approx(0.5)
    assert not result.ok


def test_guard_unlocks_after_sixty_seconds(stored: str) -> None:
    clock = FakeClock()
    guard = PinGuard(clock=clock)
    for _ in range(5):
        guard.attempt("0000", stored)
    clock.now += 60
    assert guard.locked_for() == 0.0
    assert guard.attempts_left == 5
    result = guard.attempt("4711", stored)
    assert result.status == "ok"
    assert result.ok
    assert result.locked_for == 0.0


def test_guard_success_resets_the_count(stored: str) -> None:
    guard = PinGuard(clock=FakeClock())
    for _ in range(4):
        assert guard.attempt("0000", stored).status == "wrong"
    assert guard.attempt("4711", stored) == PinResult("ok", 5, 0.0)
    results = [guard.attempt("0000", stored).status for _ in range(4)]
    assert results == ["wrong"] * 4  # four more wrong PINs do not lock: the count restarted


def test_guard_with_the_default_pin() -> None:
    guard = PinGuard(clock=FakeClock())
    assert guard.attempt("1111", "").status == "wrong"
    assert guard.attempt(DEFAULT_PIN, "").status == "ok"


def run_set_pin(config: Path, text: str) -> tuple[int, str]:
    out = io.StringIO()
    code = set_pin_command(config, stdin=io.StringIO(text), stdout=out)
    return code, out.getvalue()


def test_set_pin_writes_a_hash_that_verifies(tmp_path: Path) -> None:
    config = tmp_path / "conf" / "settings.toml"
    code, output = run_set_pin(config, "4711\n4711\n")
    assert code == 0
    settings, messages = load_settings(config)
    assert messages == []
    assert settings.pin_hash.startswith("scrypt$")
    assert verify_pin("4711", settings.pin_hash)
    assert not must_change(settings.pin_hash)
    assert len(output.splitlines()) == 1
    assert str(config) in output
    assert "4711" not in output
    assert settings.pin_hash not in output


def test_set_pin_keeps_other_settings(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    save_settings(Settings.defaults().replace(language="en", screen=2), config)
    code, _ = run_set_pin(config, "13579\r\n13579\r\n")
    assert code == 0
    settings, _ = load_settings(config)
    assert settings.language == "en"
    assert settings.screen == 2
    assert verify_pin("13579", settings.pin_hash)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("4711\n4712\n", "differ"),
        ("12a4\n12a4\n", "4 to 8 digits"),
        ("123\n123\n", "4 to 8 digits"),
        ("123456789\n123456789\n", "4 to 8 digits"),
        (f"{DEFAULT_PIN}\n{DEFAULT_PIN}\n", "first-run PIN"),
        ("4711\n", "no PIN given"),
        ("", "no PIN given"),
    ],
)
def test_set_pin_rejects_bad_input_and_leaves_the_file(
    tmp_path: Path, text: str, words: str
) -> None:
    config = tmp_path / "settings.toml"
    save_settings(Settings.defaults().replace(language="en"), config)
    before = config.read_bytes()
    code, output = run_set_pin(config, text)
    assert code == 1
    assert words in output
    assert len(output.splitlines()) == 1
    assert config.read_bytes() == before


def test_set_pin_rejects_bad_input_without_creating_a_file(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    code, _ = run_set_pin(config, "12a4\n12a4\n")
    assert code == 1
    assert not config.exists()


def test_set_pin_leaves_a_broken_file_alone(tmp_path: Path) -> None:
    config = tmp_path / "settings.toml"
    config.write_text('language = "en"\nidle_timout = 30\n', encoding="utf-8")
    before = config.read_bytes()
    code, output = run_set_pin(config, "4711\n4711\n")
    assert code == 1
    assert "idle_timout" in output
    assert config.read_bytes() == before
    assert rtoml.loads(before.decode()) == {"language": "en", "idle_timout": 30}
