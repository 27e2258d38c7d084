"""Before Qt starts: is there a screen to show the kiosk on, and can Qt's platform plugin load?

Qt aborts (exit 134) when its platform plugin cannot start, and says why only in its own message:
a booth technician sees "Aborted" and nothing else. :func:`check` looks first, the way Qt will, and
returns one paragraph that says what is missing and how to install it, or None when all is well:

* the platform Qt will use (``QT_QPA_PLATFORM``, else Wayland in a Wayland session, else X11);
* X11: ``DISPLAY`` is set and, for a local display, its socket answers;
* Wayland: the compositor's socket exists in ``XDG_RUNTIME_DIR``;
* the system libraries the platform plugin links to (``ldd``), named with the Debian/Ubuntu and
  Fedora packages that bring them.

Nothing here imports Qt: the plugin is found through PySide6's package folder. Only local sockets
are opened (the X server's), never a network connection.
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import subprocess

# socket and subprocess are imported where they are used: a platform without a screen to check
# (offscreen) needs neither, and the kiosk's start waits for every import.

#: A missing library → (Debian/Ubuntu package, Fedora package).
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxcb-shape.so.0": ("libxcb-shape0", "libxcb"),
    "libxcb-randr.so.0": ("libxcb-randr0", "libxcb"),
    "libxcb-xfixes.so.0": ("libxcb-xfixes0", "libxcb"),
    "libxcb-xkb.so.1": ("libxcb-xkb1", "libxcb"),
    "libxcb-sync.so.1": ("libxcb-sync1", "libxcb"),
    "libxcb-shm.so.0": ("libxcb-shm0", "libxcb"),
    "libxcb-render.so.0": ("libxcb-render0", "libxcb"),
    "libxcb-xinput.so.0": ("libxcb-xinput0", "libxcb"),
    "libxcb-glx.so.0": ("libxcb-glx0", "libxcb"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libwayland-client.so.0": ("libwayland-client0", "libwayland-client"),
    "libwayland-cursor.so.0": ("libwayland-cursor0", "libwayland-cursor"),
    "libwayland-egl.so.1": ("libwayland-egl1", "libwayland-egl"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libSM.so.6": ("libsm6", "libSM"),
    "libICE.so.6": ("libice6", "libICE"),
}

#: The platform plugins checked, with the Qt library each one loads besides the plugin itself.
PLUGINS = {
    "xcb": ("libqxcb.so", "libQt6XcbQpa.so.6"),
    "wayland": ("libqwayland.so", "libQt6WaylandClient.so.6"),
}

#: Platforms that need no screen (nothing to check).
HEADLESS = {"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"}

_LDD_MISSING = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)
_LOCAL_DISPLAY = re.compile(r"^(?:unix)?:(\d+)(?:\.\d+)?$")

HINT = (
    "To try the kiosk in a window on a desktop: `kiosk --windowed`. To pick another platform, set "
    "QT_QPA_PLATFORM (for example `QT_QPA_PLATFORM=wayland kiosk` on a Wayland desktop, "
    '`QT_QPA_PLATFORM=xcb kiosk` for X11 or XWayland). README, "Set up on a fresh machine", '
    "lists the system packages per platform."
)


def platforms(env: Mapping[str, str]) -> list[str]:
    """The platforms Qt will try, in order (``QT_QPA_PLATFORM`` may list several with ``;``)."""
    chosen = env.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return [part.split(":", 1)[0].strip() for part in chosen.split(";") if part.strip()]
    if env.get("XDG_SESSION_TYPE") == "wayland" and env.get("WAYLAND_DISPLAY"):
        return ["wayland", "xcb"]
    return ["xcb"]


def plugin_files(name: str, qt_dir: Path | None = None) -> list[Path]:
    """The plugin of platform *name* and the Qt library it loads (those that exist)."""
    qt_dir = qt_dir or pyside_qt_dir()
    if qt_dir is None or name not in PLUGINS:
        return []
    plugin, library = PLUGINS[name]
    files = [qt_dir / "plugins" / "platforms" / plugin, qt_dir / "lib" / library]
    return [f for f in files if f.exists()]


def pyside_qt_dir() -> Path | None:
    """PySide6's ``Qt`` folder (plugins and libraries), found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    qt = Path(next(iter(spec.submodule_search_locations))) / "Qt"
    return qt if qt.is_dir() else None


def find_ldd() -> str | None:
    """The ``ldd`` program on ``PATH``, as ``shutil.which("ldd")`` finds it (shutil, with the
    compression modules it imports, took 3 ms of the start on X11)."""
    folders = os.environ.get("PATH")
    if folders is None:
        folders = os.confstr("CS_PATH") or os.defpath
    for folder in folders.split(os.pathsep) if folders else ():
        path = os.path.join(folder, "ldd")  # noqa: PTH118 - a string, as shutil gives it
        if os.access(path, os.F_OK | os.X_OK) and not os.path.isdir(path):  # noqa: PTH112
            return path
    return None


def run_ldd(path: Path) -> str:
    """What ``ldd`` prints for *path* ("" where there is no ldd, as on Windows and macOS)."""
    import subprocess

    ldd = find_ldd()
    if ldd is None:
        return ""
    try:
        done = subprocess.run([ldd, str(path)], capture_output=True, text=True, timeout=20)
    except (OSError, subprocess.SubprocessError):
        return ""
    return done.stdout


def missing_libraries(files: list[Path], ldd: Callable[[Path], str] = run_ldd) -> list[str]:
    """The libraries that *files* link to and the system does not have, in order, once each."""
    missing: list[str] = []
    for path in files:
        for name in _LDD_MISSING.findall(ldd(path)):
            if name not in missing:
                missing.append(name)
    return missing


def display_problem(env: Mapping[str, str], can_connect: Callable[[int], bool]) -> str | None:
    """Why X11 has no screen to show the kiosk on, or None."""
    display = env.get("DISPLAY", "").strip()
    if not display:
        return (
            "there is no display: DISPLAY is not set (the kiosk needs a graphical session, a "
            "screen with X11 or Wayland; over SSH or from a system service there is none unless "
            "you start one)."
        )
    local = _LOCAL_DISPLAY.match(display)
    if local and not can_connect(int(local.group(1))):
        return (
            f"the display {display} does not answer: no X server is running there (DISPLAY names "
            "a screen that is not there, or the kiosk runs outside the desktop session)."
        )
    return None


def connect_x11(number: int) -> bool:
    """Whether the local X server *number* accepts a connection on its Unix socket."""
    import socket

    names: list[str | bytes] = [f"/tmp/.X11-unix/X{number}"]
    if sys.platform.startswith("linux"):
        names.append(f"\0/tmp/.X11-unix/X{number}".encode())
    for name in names:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(2.0)
            try:
                sock.connect(name)
            except OSError:
                continue
            return True
    return False


#: The dynamic linker's cache: ``ldconfig`` writes it again whenever a library is installed or
#: removed through the system's packages.
LINKER_CACHE = Path("/etc/ld.so.cache")


def known_file() -> Path:
    """Where the platform plugins last found with every library they need are listed."""
    from kiosk.system.paths import cache_dir

    return cache_dir() / "platform-libraries"


def forget_known(path: Path | None = None) -> None:
    """Forget which plugins had their libraries (Qt stopped: the next start looks again)."""
    with contextlib.suppress(OSError):
        (path or known_file()).unlink(missing_ok=True)


def _file_key(path: Path) -> str | None:
    """*path* with its size and modification time, or None where it cannot be read."""
    try:
        status = path.stat()
    except OSError:
        return None
    return f"{path}\t{status.st_size}\t{status.st_mtime_ns}"


def _system_key(env: Mapping[str, str]) -> str | None:
    """What the libraries ``ldd`` finds depend on besides the plugin: the linker's cache and
    ``LD_LIBRARY_PATH`` (None without a linker cache: nothing is then taken as known)."""
    linker = _file_key(LINKER_CACHE)
    return None if linker is None else f"{linker}\tLD_LIBRARY_PATH={env.get('LD_LIBRARY_PATH', '')}"


class Libraries:
    """``ldd`` of the platform plugins Qt may use, started at once and read when needed: the
    kiosk loads its modules meanwhile instead of waiting for it (``check(ldd=...ldd)``).

    With *known* (a file), a plugin that had every library it needs at an earlier start, with
    the same plugin file, linker cache and ``LD_LIBRARY_PATH``, is not looked up again (each
    lookup starts a process: 3-8 ms of an X11 start); :meth:`close` writes down those found so.
    """

    def __init__(
        self,
        env: Mapping[str, str] | None = None,
        qt_dir: Path | None = None,
        known: Path | None = None,
    ):
        self._running: dict[Path, subprocess.Popen[str]] = {}
        env = os.environ if env is None else env
        self._known_file = known
        self._system = _system_key(env) if known is not None else None
        self._known = self._read_known()
        self._found: set[str] = set()  # plugins found with every library at this start
        files = [f for name in platforms(env) for f in plugin_files(name, qt_dir)]
        files = [f for f in files if _file_key(f) not in self._known]
        if not files:  # nothing to look up (offscreen, or every plugin known)
            return
        import subprocess

        ldd = find_ldd()
        if ldd is None:
            return
        for path in files:
            try:
                self._running[path] = subprocess.Popen(
                    [ldd, str(path)],
                    stdout=subprocess.PIPE,
                    stderr=subprocess.DEVNULL,
                    stdin=subprocess.DEVNULL,
                    text=True,
                )
            except OSError:
                continue

    def _read_known(self) -> set[str]:
        if self._known_file is None or self._system is None:
            return set()
        try:
            lines = self._known_file.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError):
            return set()
        return set(lines[1:]) if lines[:1] == [self._system] else set()

    def ldd(self, path: Path) -> str:
        """What ``ldd`` printed for *path* (run now if it was not started; nothing for a plugin
        known to have its libraries: then without importing subprocess, 4 ms of an X11 start)."""
        key = _file_key(path)
        if key is not None and key in self._known:
            return ""
        import subprocess

        process = self._running.pop(path, None)
        if process is None:
            out = run_ldd(path)
        else:
            try:
                out, _ = process.communicate(timeout=20)
            except subprocess.SubprocessError:
                process.kill()
                process.communicate()
                return ""
        if key is not None and out and not _LDD_MISSING.search(out):
            self._found.add(key)
        return out or ""

    def close(self) -> None:
        """End the lookups nobody read (a platform Qt did not need to try), and write down the
        plugins found with every library."""
        for process in self._running.values():
            process.kill()
            process.communicate()
        self._running.clear()
        if self._known_file is None or self._system is None or not self._found:
            return
        lines = [self._system, *sorted(self._known | self._found)]
        try:
            self._known_file.parent.mkdir(parents=True, exist_ok=True)
            self._known_file.write_text("\n".join(lines) + "\n", encoding="utf-8")
        except OSError:
            pass  # looked up again at the next start


def wayland_problem(env: Mapping[str, str]) -> str | None:
    """Why Wayland has no compositor to show the kiosk in, or None."""
    name = env.get("WAYLAND_DISPLAY", "") or "wayland-0"
    runtime = env.get("XDG_RUNTIME_DIR", "")
    path = Path(name) if name.startswith("/") else Path(runtime or "/nonexistent") / name
    if path.exists():
        return None
    return (
        f"there is no Wayland compositor: the socket {path} does not exist (WAYLAND_DISPLAY and "
        "XDG_RUNTIME_DIR must name a running compositor's socket)."
    )


def library_problem(name: str, missing: list[str]) -> str:
    """The paragraph for a platform plugin that cannot load its system libraries."""
    debian = sorted({PACKAGES[lib][0] for lib in missing if lib in PACKAGES})
    fedora = sorted({PACKAGES[lib][1] for lib in missing if lib in PACKAGES})
    unknown = [lib for lib in missing if lib not in PACKAGES]
    lines = [
        f"Qt's {_label(name)} platform plugin cannot load: the system lacks {', '.join(missing)}."
    ]
    if debian:
        lines.append(f"  Debian/Ubuntu: sudo apt-get install {' '.join(debian)}")
        lines.append(f"  Fedora:        sudo dnf install {' '.join(fedora)}")
    if unknown:
        lines.append(f"  Install the package that provides {', '.join(unknown)}.")
    return "\n".join(lines)


def _label(name: str) -> str:
    return {"xcb": 'X11 ("xcb")', "wayland": 'Wayland ("wayland")'}.get(name, f'"{name}"')


def problem_with(
    name: str,
    env: Mapping[str, str],
    qt_dir: Path | None = None,
    ldd: Callable[[Path], str] = run_ldd,
    can_connect: Callable[[int], bool] = connect_x11,
) -> str | None:
    """Why platform *name* cannot start here, or None."""
    if name in HEADLESS or name not in PLUGINS:
        return None
    missing = missing_libraries(plugin_files(name, qt_dir), ldd)
    screen = display_problem(env, can_connect) if name == "xcb" else wayland_problem(env)
    problems = [library_problem(name, missing)] if missing else []
    problems += [screen[0].upper() + screen[1:]] if screen else []
    return "\n".join(problems) or None


def check(
    env: Mapping[str, str] | None = None,
    qt_dir: Path | None = None,
    ldd: Callable[[Path], str] = run_ldd,
    can_connect: Callable[[int], bool] = connect_x11,
    system: str = sys.platform,
) -> str | None:
    """One paragraph saying why the kiosk cannot show a window here, or None when it can.

    Only Linux and the BSDs are checked (Windows and macOS bring their own platform).
    """
    if not (system.startswith("linux") or "bsd" in system):
        return None
    env = os.environ if env is None else env
    problems = []
    for name in platforms(env):
        problem = problem_with(name, env, qt_dir, ldd, can_connect)
        if problem is None:
            return None  # Qt takes the first platform that starts
        problems.append(problem)
    if not problems:
        return None
    return "kiosk cannot start.\n" + "\n".join(problems) + "\n" + HINT
