"""One way to translate: every UI string key the code uses exists, every key is used, and no
code under kiosk/ui or kiosk/adapters builds text by comparing the language with "zh" or "en"."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from kiosk.ui.strings import SOURCES

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "kiosk"

#: Calls whose first argument is a UI string key.
KEY_CALLS = {"ui", "both", "say", "_t"}

#: Keys the code builds at run time (f"section.{id}"): the family prefix → its known members.
DYNAMIC_FAMILIES = {
    "section.": ("themes", "achievements", "zone", "beijing", "voices"),
    "mode.": ("large_text", "high_contrast", "low_reach", "speech"),
    "pin.problem.": ("format", "default"),
    "stats.lang.": ("zh", "en"),
}

#: Language comparisons that build no text (function → why).
NOT_STRING_BUILDING = {
    ("kiosk/adapters/fonts.py", "families_for"): "the font fallback order, not text",
    ("kiosk/ui/shell.py", "toggle_language"): "which language the switch goes to",
}


def modules() -> Iterator[tuple[str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        if "_generated" in path.parts or path.name == "strings.py":
            continue
        yield path.relative_to(ROOT).as_posix(), ast.parse(path.read_text(encoding="utf-8"))


def call_name(node: ast.Call) -> str:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def key_arguments() -> Iterator[tuple[str, int, ast.expr]]:
    """(module, line, first argument) of every call that takes a UI string key."""
    for name, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and call_name(node) in KEY_CALLS and node.args:
                yield name, node.lineno, node.args[0]


def literals() -> set[str]:
    """Every string constant of the kiosk's code (outside kiosk/ui/strings.py)."""
    found = set()
    for _name, tree in modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


def test_every_key_the_code_uses_exists() -> None:
    problems = []
    for module, line, arg in key_arguments():
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            if arg.value not in SOURCES:
                problems.append(f"{module}:{line}: {arg.value!r} is not in SOURCES")
        elif isinstance(arg, ast.JoinedStr):
            head = arg.values[0]
            prefix = head.value if isinstance(head, ast.Constant) else ""
            if prefix not in DYNAMIC_FAMILIES:
                problems.append(f"{module}:{line}: f-string key family {prefix!r} is not listed")
    assert not problems


def test_every_key_is_used() -> None:
    used = literals()
    members = {f"{prefix}{m}" for prefix, names in DYNAMIC_FAMILIES.items() for m in names}
    families = {f"{key}.hint" for key in members if key.startswith("section.")}
    unused = sorted(set(SOURCES) - used - members - families)
    assert not unused, "keys in SOURCES (and the .ts) that no code uses"


def test_the_dynamic_families_are_complete() -> None:
    for prefix, names in DYNAMIC_FAMILIES.items():
        for name in names:
            assert f"{prefix}{name}" in SOURCES, f"{prefix}{name}"
    from kiosk.model.pin import PinProblem
    from kiosk.model.routes import SECTIONS
    from kiosk.ui.navbar import MODES

    assert set(DYNAMIC_FAMILIES["section."]) == set(SECTIONS)
    assert set(DYNAMIC_FAMILIES["mode."]) == {mode for mode, _icon in MODES}
    assert set(DYNAMIC_FAMILIES["pin.problem."]) == set(PinProblem.__args__)


def language_comparisons(tree: ast.Module) -> Iterator[tuple[str, int]]:
    """(enclosing function, line) of every comparison of something with "zh" or "en"."""
    for func in ast.walk(tree):
        if not isinstance(func, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        for node in ast.walk(func):
            if not isinstance(node, ast.Compare):
                continue
            if not any(isinstance(op, ast.Eq | ast.NotEq | ast.In | ast.NotIn) for op in node.ops):
                continue
            sides = [node.left, *node.comparators]
            if any(isinstance(s, ast.Constant) and s.value in ("zh", "en") for s in sides):
                yield func.name, node.lineno


def test_no_language_branches_build_text() -> None:
    problems = []
    for module, tree in modules():
        if not module.startswith(("kiosk/ui/", "kiosk/adapters/")):
            continue
        for function, line in language_comparisons(tree):
            if (module, function) not in NOT_STRING_BUILDING:
                problems.append(f"{module}:{line} in {function}()")
    assert not problems, "write it with kiosk/ui/fmt.py or a translated pattern"


def test_the_scan_sees_a_language_branch() -> None:
    tree = ast.parse('def f(lang):\n    return "、" if lang == "zh" else ", "\n')
    assert list(language_comparisons(tree)) == [("f", 2)]
