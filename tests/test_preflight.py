"""Start-up failures are explained: no display, a platform plugin that cannot load its libraries."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.commands.cli import EXIT_CANNOT_START
from kiosk.system import preflight

ROOT = Path(__file__).resolve().parent.parent

LDD_MISSING_CURSOR = """\
\tlinux-vdso.so.1 (0x00007ffc)
\tlibQt6XcbQpa.so.6 => /x/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-cursor.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f)
"""


def fake_qt(tmp_path: Path) -> Path:
    """A PySide6 Qt folder with the X11 and Wayland plugins (empty files)."""
    for name, (plugin, library) in preflight.PLUGINS.items():
        (tmp_path / "plugins" / "platforms").mkdir(parents=True, exist_ok=True)
        (tmp_path / "lib").mkdir(exist_ok=True)
        (tmp_path / "plugins" / "platforms" / plugin).write_text(name)
        (tmp_path / "lib" / library).write_text(name)
    return tmp_path


def no_ldd_problem(path: Path) -> str:
    return "\tlibc.so.6 => /lib/libc.so.6 (0x1)\n"


def test_the_platform_follows_the_environment() -> None:
    assert preflight.platforms({}) == ["xcb"]
    assert preflight.platforms({"QT_QPA_PLATFORM": "offscreen:configfile=x.json"}) == ["offscreen"]
    assert preflight.platforms({"QT_QPA_PLATFORM": "wayland;xcb"}) == ["wayland", "xcb"]
    session = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-1"}
    assert preflight.platforms(session) == ["wayland", "xcb"]


def test_missing_libraries_are_named_with_their_packages(tmp_path: Path) -> None:
    qt = fake_qt(tmp_path)
    env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"}
    text = preflight.check(env, qt, ldd=lambda p: LDD_MISSING_CURSOR, can_connect=lambda n: True)
    assert text is not None
    assert "libxcb-cursor.so.0, libxcb-icccm.so.4" in text, "each library once, in order"
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4" in text
    assert "sudo dnf install xcb-util-cursor xcb-util-wm" in text
    assert "kiosk --windowed" in text and "QT_QPA_PLATFORM" in text
    assert "does not answer" not in text and "not set" not in text, "the display is fine here"


def test_an_unknown_missing_library_is_still_named(tmp_path: Path) -> None:
    qt = fake_qt(tmp_path)
    text = preflight.check(
        {"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":0"},
        qt,
        ldd=lambda p: "\tlibweird.so.7 => not found\n",
        can_connect=lambda n: True,
    )
    assert text is not None and "Install the package that provides libweird.so.7" in text


def test_no_display_is_said_plainly(tmp_path: Path) -> None:
    qt = fake_qt(tmp_path)
    text = preflight.check({}, qt, ldd=no_ldd_problem, can_connect=lambda n: True)
    assert text is not None and "DISPLAY is not set" in text


def test_a_display_that_does_not_answer_is_named(tmp_path: Path) -> None:
    qt = fake_qt(tmp_path)
    asked: list[int] = []

    def connect(number: int) -> bool:
        asked.append(number)
        return False

    text = preflight.check({"DISPLAY": ":37.0"}, qt, ldd=no_ldd_problem, can_connect=connect)
    assert asked == [37]
    assert text is not None and "The display :37.0 does not answer" in text
    ok = preflight.check({"DISPLAY": ":37"}, qt, ldd=no_ldd_problem, can_connect=lambda n: True)
    assert ok is None


def test_a_remote_display_is_not_probed(tmp_path: Path) -> None:
    """The kiosk opens no network connection: a display on another host is left to Qt."""
    qt = fake_qt(tmp_path)

    def connect(number: int) -> bool:
        raise AssertionError("probed a remote display")

    env = {"DISPLAY": "booth-pc:0"}
    assert preflight.check(env, qt, ldd=no_ldd_problem, can_connect=connect) is None


def test_wayland_needs_its_compositor_socket(tmp_path: Path) -> None:
    qt = fake_qt(tmp_path / "qt")
    runtime = tmp_path / "run"
    runtime.mkdir()
    env = {"QT_QPA_PLATFORM": "wayland", "XDG_RUNTIME_DIR": str(runtime)}
    text = preflight.check(env, qt, ldd=no_ldd_problem)
    assert text is not None and "no Wayland compositor" in text
    (runtime / "wayland-0").write_text("")
    assert preflight.check(env, qt, ldd=no_ldd_problem) is None


def test_the_first_platform_that_works_is_enough(tmp_path: Path) -> None:
    qt = fake_qt(tmp_path)
    env = {"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0", "XDG_RUNTIME_DIR": str(tmp_path)}
    assert preflight.check(env, qt, ldd=no_ldd_problem, can_connect=lambda n: True) is None


def test_headless_platforms_and_other_systems_need_nothing(tmp_path: Path) -> None:
    qt = fake_qt(tmp_path)
    env = {"QT_QPA_PLATFORM": "offscreen"}
    assert preflight.check(env, qt, ldd=lambda p: LDD_MISSING_CURSOR) is None
    assert preflight.check({}, qt, ldd=lambda p: LDD_MISSING_CURSOR, system="win32") is None


def test_the_real_plugin_is_found() -> None:
    qt = preflight.pyside_qt_dir()
    assert qt is not None
    if sys.platform.startswith("linux"):
        assert preflight.plugin_files("xcb", qt)[0].name == "libqxcb.so"


def _start(env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "DISPLAY", "WAYLAND"))}
    base.update(
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        PYTHONPATH=str(ROOT),
        **env,
    )
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "--windowed"],
        env=base,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is checked on Linux")
def test_the_kiosk_explains_an_unreachable_display_and_exits(tmp_path: Path) -> None:
    done = _start({"QT_QPA_PLATFORM": "xcb", "DISPLAY": ":93"}, tmp_path)
    assert done.returncode == EXIT_CANNOT_START, done.stderr
    assert done.stderr.startswith("kiosk cannot start."), done.stderr
    assert "kiosk --windowed" in done.stderr
    log = (tmp_path / "state" / "kiosk" / "log" / "kiosk.log").read_text(encoding="utf-8")
    assert "kiosk cannot start." in log, "the log says it too"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is checked on Linux")
def test_the_kiosk_explains_a_missing_display_and_exits(tmp_path: Path) -> None:
    done = _start({"QT_QPA_PLATFORM": "xcb"}, tmp_path)
    assert done.returncode == EXIT_CANNOT_START, done.stderr
    assert "DISPLAY is not set" in done.stderr


def test_the_libraries_are_looked_up_while_the_kiosk_loads(tmp_path: Path) -> None:
    if shutil.which("ldd") is None:
        pytest.skip("no ldd here")
    qt = fake_qt(tmp_path)
    env = {"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}
    libraries = preflight.Libraries(env, qt)
    started = set(libraries._running)
    assert started == {f for name in ("wayland", "xcb") for f in preflight.plugin_files(name, qt)}
    plugin = preflight.plugin_files("xcb", qt)[0]
    assert libraries.ldd(plugin) == preflight.run_ldd(plugin), "as if ldd ran when asked"
    libraries.close()
    assert not libraries._running


def test_no_lookup_is_started_for_a_platform_without_a_screen(tmp_path: Path) -> None:
    libraries = preflight.Libraries({"QT_QPA_PLATFORM": "offscreen"}, fake_qt(tmp_path))
    assert not libraries._running
    assert preflight.check({"QT_QPA_PLATFORM": "offscreen"}, ldd=libraries.ldd) is None


@pytest.mark.parametrize("path", [None, "", "/nonexistent", "/tmp:/usr/bin:/bin", "::/usr/bin"])
def test_ldd_is_found_where_shutil_finds_it(
    monkeypatch: pytest.MonkeyPatch, path: str | None
) -> None:
    """Without importing shutil (and the compression modules it brings) on the way to Qt."""
    if path is None:
        monkeypatch.delenv("PATH", raising=False)
    else:
        monkeypatch.setenv("PATH", path)
    assert preflight.find_ldd() == shutil.which("ldd")


def _fake_ldd(tmp_path: Path, printed: str) -> Path:
    """An ``ldd`` that prints *printed* and writes down each file it was asked about."""
    script = tmp_path / "bin" / "ldd"
    script.parent.mkdir(exist_ok=True)
    (tmp_path / "printed.txt").write_text(printed)
    script.write_text(f'#!/bin/sh\necho "$1" >> {tmp_path}/asked\ncat {tmp_path}/printed.txt\n')
    script.chmod(0o755)
    return script


def _lookups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, printed: str
) -> tuple[Path, Path, Path]:
    """A fake Qt folder, an ``ldd`` printing *printed* and a linker cache of its own: the Qt
    folder, the linker cache and the file of known plugins."""
    qt = fake_qt(tmp_path / "qt")
    ldd = _fake_ldd(tmp_path, printed)
    linker = tmp_path / "ld.so.cache"
    linker.write_text("one")
    monkeypatch.setattr(preflight, "find_ldd", lambda: str(ldd))
    monkeypatch.setattr(preflight, "LINKER_CACHE", linker)
    return qt, linker, tmp_path / "cache" / "platform-libraries"


def _checked(env: dict[str, str], qt: Path, known: Path) -> str | None:
    """The start's check, as the kiosk makes it: lookups started, checked, closed."""
    libraries = preflight.Libraries(env, qt, known=known)
    problem = preflight.check(env, qt, ldd=libraries.ldd)
    libraries.close()
    return problem


def _asked(tmp_path: Path) -> list[str]:
    asked = tmp_path / "asked"
    return asked.read_text().split() if asked.exists() else []


def test_a_plugin_found_with_its_libraries_is_not_looked_up_at_the_next_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each lookup starts a process: a plugin whose libraries were all there is not looked up
    again while its file, the linker's cache and LD_LIBRARY_PATH are the same."""
    qt, linker, known = _lookups(tmp_path, monkeypatch, no_ldd_problem(Path()))
    env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": "remote:0"}
    files = preflight.plugin_files("xcb", qt)

    def start() -> str | None:
        return _checked(env, qt, known)

    assert start() is None and len(_asked(tmp_path)) == len(files) == 2
    assert start() is None and len(_asked(tmp_path)) == 2, "known: not looked up again"
    linker.write_text("a library installed or removed")
    assert start() is None and len(_asked(tmp_path)) == 4, "the linker's cache changed"
    files[0].write_text("a new Qt")
    assert start() is None and len(_asked(tmp_path)) == 5, "only the plugin that changed"
    env["LD_LIBRARY_PATH"] = "/opt/lib"
    assert start() is None and len(_asked(tmp_path)) == 7
    preflight.forget_known(known)  # as Qt stopping does
    assert start() is None and len(_asked(tmp_path)) == 9


def test_a_start_with_every_plugin_known_imports_no_subprocess(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Importing subprocess is 4 ms of an X11 start: a start that looks nothing up needs none."""
    qt, linker, known = _lookups(tmp_path, monkeypatch, no_ldd_problem(Path()))
    env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": "remote:0"}
    assert _checked(env, qt, known) is None  # the first start looks the plugins up
    child = (
        "import sys\n"
        "from pathlib import Path\n"
        "from kiosk.system import preflight\n"
        f"preflight.LINKER_CACHE = Path({str(linker)!r})\n"
        f"env, qt, known = {env!r}, Path({str(qt)!r}), Path({str(known)!r})\n"
        "libraries = preflight.Libraries(env, qt, known=known)\n"
        "assert preflight.check(env, qt, ldd=libraries.ldd) is None\n"
        "libraries.close()\n"
        "print('subprocess' in sys.modules)\n"
    )
    for first in (False, True):
        if first:
            preflight.forget_known(known)  # the control: a start that looks up again
        result = subprocess.run(
            [sys.executable, "-c", child], cwd=ROOT, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.split() == [str(first)]


def test_a_plugin_missing_a_library_is_looked_up_at_every_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    qt, _, known = _lookups(tmp_path, monkeypatch, LDD_MISSING_CURSOR)
    env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": "remote:0"}
    for start in range(2):
        problem = _checked(env, qt, known)
        assert problem is not None and "libxcb-cursor0" in problem
        assert len(_asked(tmp_path)) == 2 * (start + 1)
    assert not known.exists()
