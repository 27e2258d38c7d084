"""Architecture and code hygiene: the layers, no import cycles, module sizes, ruff and mypy.

The layers and the Qt-free packages are declared once, as import-linter contracts in
pyproject.toml (docs/architecture.md explains them); these tests run them.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PACKAGE = ROOT / "kiosk"

#: The most lines a module of the kiosk may have (split by responsibility past it).
MAX_MODULE_LINES = 400
#: The most lines of the window class: it is a thin view of the session model.
MAX_SHELL_LINES = 250


def run(*cmd: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_the_import_contracts_hold() -> None:
    """The layers (commands > app > ui > adapters > model > content > system) and the Qt-free
    model, content and system packages, imports inside functions included."""
    result = run(str(BIN / "lint-imports"), "--no-cache")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout, result.stdout


def _cycles(edges: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges[v]:
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for module in sorted(edges):
        if module not in index:
            visit(module)
    return found


def test_the_cycle_finder_finds_a_cycle() -> None:
    edges = {"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}
    assert _cycles(edges) == [["a", "b", "c"]]
    assert _cycles({"a": ["b"], "b": []}) == []


def test_no_module_imports_itself_back() -> None:
    """No import cycle between the kiosk's modules, counting imports inside functions."""
    graph = grimp.build_graph("kiosk", include_external_packages=False)
    edges = {
        m: sorted(x for x in graph.find_modules_directly_imported_by(m) if x != m)
        for m in graph.modules
    }
    assert _cycles(edges) == []


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_modules_are_small() -> None:
    big = {
        str(p.relative_to(ROOT)): _lines(p)
        for p in PACKAGE.rglob("*.py")
        if _lines(p) > MAX_MODULE_LINES
    }
    assert big == {}, f"split these by responsibility (at most {MAX_MODULE_LINES} lines)"


def test_the_window_is_thin() -> None:
    tree = ast.parse((PACKAGE / "ui" / "shell.py").read_text(encoding="utf-8"))
    shell = next(n for n in tree.body if isinstance(n, ast.ClassDef) and n.name == "Shell")
    assert shell.end_lineno is not None
    assert shell.end_lineno - shell.lineno + 1 <= MAX_SHELL_LINES


def test_model_content_and_system_import_without_qt() -> None:
    code = (
        "import sys, pkgutil, importlib, kiosk.model, kiosk.content, kiosk.system\n"
        "for pkg in (kiosk.model, kiosk.content, kiosk.system):\n"
        "    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        importlib.import_module(info.name)\n"
        "qt = ('PySide6', 'shiboken6', 'qtawesome')\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in qt]\n"
        "assert not bad, bad\n"
    )
    result = run(sys.executable, "-c", code)
    assert result.returncode == 0, result.stderr


@pytest.mark.slow
def test_ruff_is_clean() -> None:
    result = run(str(BIN / "ruff"), "check", ".")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_mypy_is_clean() -> None:
    result = run(str(BIN / "mypy"))
    assert result.returncode == 0, result.stdout + result.stderr
