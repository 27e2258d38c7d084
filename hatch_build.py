"""Build hook of the kiosk package: makes the generated files before the wheel is built.

hatchling runs it for ``pip install .`` (a wheel), ``pip install -e .`` (an editable install) and
so for the PyInstaller bundle, which is built from an installed kiosk. It runs
``tools/build_resources.py``'s ``build_all`` on the source tree: the translation (.qm), the icon
subset and ``kiosk/_generated/resources.rcc``, where ``kiosk/system/paths.py`` looks for it (an
editable install reads it there; a wheel carries it as an artifact, see ``pyproject.toml``). The
generated files are not kept in git; PySide6, fontTools and qtawesome come from the build
requirements.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


def _load(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("kiosk_build_resources", path)
    if spec is None or spec.loader is None:
        raise RuntimeError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class GeneratedFilesHook(BuildHookInterface):
    """Builds the generated files for the wheel and editable targets (the sdist has sources)."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        root = Path(self.root)
        builder = _load(root / "tools" / "build_resources.py")
        for path in builder.build_all(root):
            self.app.display_info(f"built {path.relative_to(root)}")
