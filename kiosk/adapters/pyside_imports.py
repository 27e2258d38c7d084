"""Every import after PySide's own: PySide's question about the new module, answered quicker.

PySide6 looks at each module imported after it, for its ``__feature__`` switches (snake_case,
true_property): it asks ``inspect.getsource`` for the module's text and notes whether "PySide6"
occurs in it. That goes through ``linecache``, which splits the file into lines and keeps them
all: for the hundred-odd modules imported before the kiosk's first frame, 7-10 ms of its start.
Importing this module (first, before the kiosk's other modules: :mod:`kiosk.app` does) makes
PySide look for the same text in the file's bytes; a module without a ``.py`` file, or one that
cannot be read, is still asked about PySide's own way. The answers are the same; the kiosk itself
uses no feature switch.

When PySide has no such question (another version), nothing is changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6.QtCore  # noqa: F401 - PySide's import hook and its feature module exist from here on

#: PySide's module holding the question (``shibokensupport.feature``).
FEATURE_MODULE = "PySide6.support.feature"
_QUESTION = "_mod_uses_pyside"


def _quicker(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        """Whether the source of *module* mentions PySide6 (as PySide's own answer)."""
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as file:  # noqa: PTH123 - the quickest way
                    return b"PySide6" in file.read()
            except OSError:
                pass
        return original(module)

    uses_pyside.original = original  # type: ignore[attr-defined]
    return uses_pyside


def install() -> bool:
    """Answer PySide's question the quick way from now on; True if it is (or already was)."""
    feature = sys.modules.get(FEATURE_MODULE)
    original = getattr(feature, _QUESTION, None)
    if feature is None or not callable(original):
        return False
    if not hasattr(original, "original"):
        setattr(feature, _QUESTION, _quicker(original))
    return True


install()
