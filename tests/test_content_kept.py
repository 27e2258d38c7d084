"""Content validated at one start is read back at the next, while nothing it came from changed."""

from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.content import kept, load
from kiosk.system.paths import bundled_content_dir


def _folder(tmp_path: Path) -> Path:
    dest = tmp_path / "content"
    shutil.copytree(bundled_content_dir(), dest)
    return dest


def test_kept_content_comes_back_equal(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    content = load(folder)
    key = kept.fingerprint(folder)
    assert key is not None
    kept.write(tmp_path / "kept", key, content)
    again = kept.read(tmp_path / "kept", key)
    assert again == content and again is not content
    assert again.index == content.index and again.folder == folder


def test_any_change_of_the_folder_changes_the_key(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    key = kept.fingerprint(folder)
    assert key == kept.fingerprint(folder)
    assert key != kept.fingerprint(folder, b"other resources")
    forum = folder / "forum.toml"
    forum.write_text(forum.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    edited = kept.fingerprint(folder)
    assert edited != key
    (folder / "photo.jpg").write_bytes(b"x")  # an image appears: its references may resolve
    assert kept.fingerprint(folder) != edited
    assert kept.fingerprint(tmp_path / "missing") != key


def test_another_key_or_a_damaged_file_reads_nothing(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    path = tmp_path / "kept"
    assert kept.read(path, "k") is None
    kept.write(path, "k", load(folder))
    assert kept.read(path, "other") is None
    path.write_bytes(path.read_bytes()[:200])
    assert kept.read(path, "k") is None
    path.write_bytes(b"k\n" + b"\x80\x05K\x01.")  # a pickle of something else
    assert kept.read(path, "k") is None
