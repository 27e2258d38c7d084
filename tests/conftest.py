"""Test harness: offscreen Qt, bundled fonts, and strictness about leaks and warnings.

Qt warnings fail tests (``qt_log_level_fail`` in pyproject.toml, with a short ignore list) and
Python warnings are errors (``filterwarnings``). A test that leaves a top-level widget alive fails.
"""

from __future__ import annotations

import os
from pathlib import Path

# Before anything imports Qt: no display. The offscreen screen is 4K (its default, 800×800, is
# smaller than the kiosk window, and Qt then finds no widget under a touch beyond 800 px).
_SCREEN = Path(__file__).resolve().parent / "offscreen.json"
os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_SCREEN}"
os.environ.setdefault("QT_ENABLE_HIGHDPI_SCALING", "1")

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractEventDispatcher, QCoreApplication, QEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.content import Content, Environment, load
from kiosk.model.session import Session
from kiosk.model.settings import Settings, save_settings
from kiosk.system.paths import bundled_content_dir
from kiosk.ui.shell import Shell

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    return QApplication


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str], qapp_cls: type[QApplication]) -> Iterator[QApplication]:
    """The application, built the way the kiosk builds it (bundled fonts installed first)."""
    from kiosk.app import create_application

    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else create_application("kiosk-tests")
    yield app


@pytest.fixture(scope="session")
def content() -> Content:
    """The bundled content, validated with the bundled resources."""
    from kiosk.adapters import resources

    return load(bundled_content_dir(), Environment(resource_exists=resources.exists))


@pytest.fixture(autouse=True)
def no_leaked_windows(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test that leaves a top-level widget alive; put the Chinese font back."""
    yield
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    from kiosk.adapters import fonts

    fonts.use_language(app, "zh")
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    leaked = [w for w in QApplication.topLevelWidgets() if not w.property("kiosk_ignore_leak")]
    if leaked:
        names = ", ".join(f"{type(w).__name__}({w.objectName()!r})" for w in leaked)
        for widget in leaked:
            widget.close()
            widget.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        pytest.fail(f"{request.node.nodeid} left top-level widgets alive: {names}")


SHELL_SIZE = (1920, 1080)


def _saver(path: Path | None) -> Callable[[Settings], object] | None:
    """Saves settings to *path*, as the kiosk does (None: not saved)."""
    if path is None:
        return None
    return lambda settings: save_settings(settings, path)


@pytest.fixture
def make_shell(qtbot: QtBot, content: Content) -> Iterator[Callable[..., Shell]]:
    shells: list[Shell] = []

    def make(
        settings: Settings | None = None, kiosk_mode: bool = True, settings_path: Path | None = None
    ) -> Shell:
        settings = settings or Settings.defaults().replace(transition_ms=200)
        session = Session(content, settings, saver=_saver(settings_path))
        shell = Shell(session, kiosk_mode=kiosk_mode)
        qtbot.addWidget(shell)
        shell.resize(*SHELL_SIZE)
        shell.show()
        qtbot.waitExposed(shell)
        qtbot.waitUntil(lambda: shell.ready)  # touch and keys watched from here on
        shells.append(shell)
        return shell

    yield make
    for shell in shells:
        shell.allow_close()


@pytest.fixture
def shell(make_shell: Callable[..., Shell]) -> Shell:
    """A kiosk-mode shell at 1920x1080 with short transitions."""
    return make_shell(Settings.defaults().replace(transition_ms=150))


@pytest.fixture
def turns(qapp: QApplication) -> Iterator[list[int]]:
    """How many turns of the event loop have begun (``[n]``, counted by the event dispatcher's
    ``awake``, emitted as each one begins): whether two steps ran in one turn."""
    dispatcher = QAbstractEventDispatcher.instance()
    assert dispatcher is not None
    count = [0]

    def began() -> None:
        count[0] += 1

    dispatcher.awake.connect(began)
    yield count
    dispatcher.awake.disconnect(began)
