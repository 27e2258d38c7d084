"""Keep exceptions inside the Qt virtual that raised them, and report them from the event loop.

PySide6 (6.5.2 and later, PYSIDE-2335) stores an exception raised in a Python override of a Qt
virtual while a Python call into Qt is running, to re-raise it when that call returns. That goes
wrong when the call paints: an exception in a ``paintEvent`` during ``QWidget.grab()`` (the page
host grabs both pages of every transition) is not re-raised, the overrides painted after it in
the same call (children, qtawesome's icon engine) fail with the stored error, QPainter is left with
saved states, and the process can die of a segmentation fault soon after (PySide6 6.11.3;
tests/test_contain.py shows it in a child process).

:func:`contain` wraps the Qt virtuals a class overrides: an exception is caught where it is raised,
the frames' locals are cleared (a QPainter in them ends at once), the virtual returns a neutral
value (``False`` for ``event``/``eventFilter``, ``-1`` for ``heightForWidth``, an invalid size for
size hints, None otherwise), and the exception goes to ``sys.excepthook`` from the event loop a
moment later, where :func:`kiosk.logs.install_excepthook` logs it and recovers.
"""

from __future__ import annotations

import functools
import inspect
import logging
import sys
import traceback
from collections.abc import Callable, Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeVar, cast

from PySide6.QtCore import QCoreApplication, QObject, QSize, QTimer

if TYPE_CHECKING:
    from importlib.abc import Loader

log = logging.getLogger("kiosk.contain")

T = TypeVar("T", bound=type)

#: The Qt virtuals that are contained, with the value each returns after an exception.
VIRTUALS: dict[str, Callable[[], Any]] = {
    "event": lambda: False,
    "eventFilter": lambda: False,
    "paintEvent": lambda: None,
    "resizeEvent": lambda: None,
    "moveEvent": lambda: None,
    "showEvent": lambda: None,
    "hideEvent": lambda: None,
    "changeEvent": lambda: None,
    "timerEvent": lambda: None,
    "mousePressEvent": lambda: None,
    "mouseMoveEvent": lambda: None,
    "mouseReleaseEvent": lambda: None,
    "mouseDoubleClickEvent": lambda: None,
    "touchEvent": lambda: None,
    "wheelEvent": lambda: None,
    "keyPressEvent": lambda: None,
    "keyReleaseEvent": lambda: None,
    "enterEvent": lambda: None,
    "leaveEvent": lambda: None,
    "focusInEvent": lambda: None,
    "focusOutEvent": lambda: None,
    "heightForWidth": lambda: -1,
    "hasHeightForWidth": lambda: False,
    "sizeHint": QSize,
    "minimumSizeHint": QSize,
}

_MARK = "__kiosk_contained__"


def contain(cls: T) -> T:
    """Wrap the Qt virtuals *cls* itself defines (see :data:`VIRTUALS`); returns *cls*.

    Apply it before the first instance exists: PySide looks an override up once per object.
    Wrapping twice does nothing more.
    """
    for name, neutral in VIRTUALS.items():
        method = cls.__dict__.get(name)
        if not inspect.isfunction(method) or getattr(method, _MARK, False):
            continue
        setattr(cls, name, _contained(method, neutral))
    return cls


def contain_module(module: ModuleType) -> int:
    """:func:`contain` every QObject subclass *module* defines; returns how many."""
    classes = [
        cls
        for cls in list(vars(module).values())
        if inspect.isclass(cls) and issubclass(cls, QObject) and cls.__module__ == module.__name__
    ]
    for cls in classes:
        contain(cls)
    return len(classes)


def contain_loaded(package: str = "kiosk") -> int:
    """:func:`contain` every QObject subclass in the modules of *package* imported so far."""
    return sum(
        contain_module(module)
        for name, module in list(sys.modules.items())
        if module is not None and (name == package or name.startswith(f"{package}."))
    )


def install(package: str = "kiosk") -> int:
    """Contain the classes of *package*: those loaded now and those of modules imported later.

    The kiosk imports page modules when a page of their kind is first built (a quick first
    frame); an import hook contains their classes as they load, before any instance exists.
    Call it once, early (before the shell is built); returns how many classes were contained now.
    """
    if not any(isinstance(f, _ContainingFinder) and f.package == package for f in sys.meta_path):
        sys.meta_path.insert(0, _ContainingFinder(package))
    return contain_loaded(package)


class _ContainingFinder:
    """Finds *package*'s modules with the other finders; their loader contains after loading.

    (A meta path finder by its methods: importlib.abc's base classes would cost the start its
    importlib.resources modules.)"""

    def __init__(self, package: str) -> None:
        self.package = package

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        if fullname != self.package and not fullname.startswith(f"{self.package}."):
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is None:
                continue
            if spec.loader is not None and hasattr(spec.loader, "exec_module"):
                spec.loader = cast("Loader", _ContainingLoader(spec.loader))
            return spec
        return None


class _ContainingLoader:
    """Runs the module with the real loader, then contains its classes."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return cast(ModuleType | None, self.inner.create_module(spec))

    def exec_module(self, module: ModuleType) -> None:
        self.inner.exec_module(module)
        contain_module(module)

    def __getattr__(self, name: str) -> Any:  # get_data, get_filename … of the real loader
        return getattr(self.inner, name)


def _contained(method: Callable[..., Any], neutral: Callable[[], Any]) -> Callable[..., Any]:
    @functools.wraps(method)
    def contained(self: object, *args: Any) -> Any:
        try:
            return method(self, *args)
        except Exception as exc:
            _report(exc)
            return neutral()

    setattr(contained, _MARK, True)
    return contained


def _report(exc: Exception) -> None:
    """Clear the frames' locals now (a painter ends), hand the exception on from the loop."""
    tb = exc.__traceback__
    if tb is not None:
        traceback.clear_frames(tb)  # the running frame (ours) is skipped
    info = (type(exc), exc, tb)
    app = QCoreApplication.instance()
    if app is None:
        sys.excepthook(*info)
    else:
        QTimer.singleShot(0, app, lambda: sys.excepthook(*info))
