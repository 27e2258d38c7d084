"""Content whose wording was found clean is not checked again at the next start, and only then."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.content import Environment, check
from kiosk.content import wording as wording_module
from kiosk.system.memo import FileMemo
from kiosk.system.paths import bundled_content_dir


def _folder(tmp_path: Path) -> Path:
    dest = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), dest)
    return dest


def _environment(memo: FileMemo) -> Environment:
    return Environment(wording_known=memo.known, wording_clean=memo.add)


def test_the_same_texts_skip_the_wording_rules(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder, memo = _folder(tmp_path), FileMemo(tmp_path / "memo")
    assert check(folder, _environment(memo))[1] == []
    assert len((tmp_path / "memo").read_text().split()) == 1, "the clean texts are remembered"

    def rules(texts: object) -> list[tuple[str, str]]:
        raise AssertionError("the wording rules ran again")

    monkeypatch.setattr(wording_module, "wording_problems", rules)
    content, problems = check(folder, _environment(FileMemo(tmp_path / "memo")))
    assert content is not None and problems == []


def test_changed_texts_are_checked_and_a_problem_is_not_remembered(tmp_path: Path) -> None:
    folder, memo = _folder(tmp_path), FileMemo(tmp_path / "memo")
    assert check(folder, _environment(memo))[1] == []
    forum = folder / "forum.toml"
    text = forum.read_text(encoding="utf-8")
    name = 'en = "2023 Zhongguancun Forum"'
    assert name in text
    forum.write_text(text.replace(name, "en = \"2023 'Zhongguancun' Forum\""), encoding="utf-8")
    again = FileMemo(tmp_path / "memo")
    problems = check(folder, _environment(again))[1]
    assert any("quote" in p.message for p in problems), problems
    assert len((tmp_path / "memo").read_text().split()) == 1, "only the clean texts"
    assert check(folder, _environment(again))[1] == problems, "and checked every time"


def test_the_memo_keeps_the_newest_keys_and_survives_a_bad_file(tmp_path: Path) -> None:
    path = tmp_path / "memo"
    path.write_bytes(b"\xff\xfe")
    memo = FileMemo(path, limit=2)
    assert not memo.known("a")
    for key in ("a", "b", "c"):
        memo.add(key)
    again = FileMemo(path, limit=2)
    assert not again.known("a") and again.known("b") and again.known("c")
    FileMemo(tmp_path / "missing" / "deeper" / "memo").add("x")  # folders are made
    blocked = tmp_path / "file"
    blocked.write_text("")
    FileMemo(blocked / "memo").add("x")  # a folder that cannot be made: nothing raised
