"""The compiled resources match resources.qrc and the assets: they cannot go stale unnoticed."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QDirIterator, QFileInfo, QResource

from kiosk.adapters import resources
from kiosk.system.paths import RESOURCES_RCC

ROOT = Path(__file__).resolve().parent.parent
QRC = ROOT / "resources.qrc"


def qrc_entries() -> dict[str, Path]:
    """Resource path (``:/fonts/x.otf``) → source file, as resources.qrc lists them."""
    entries = {}
    for qresource in ET.parse(QRC).getroot().iter("qresource"):
        prefix = qresource.get("prefix", "/").rstrip("/")
        for file in qresource.iter("file"):
            assert file.text is not None
            alias = file.get("alias") or file.text
            entries[f":{prefix}/{alias}"] = ROOT / file.text
    return entries


def compiled_entries() -> set[str]:
    """Every file in the compiled resource file (and none of Qt's own, such as ``:/qt``)."""
    root = "/compiled-entries"  # the same file mapped once more, under a root of its own
    assert QResource.registerResource(str(RESOURCES_RCC), root)
    found = set()
    try:
        it = QDirIterator(f":{root}", QDirIterator.IteratorFlag.Subdirectories)
        while it.hasNext():
            path = it.next()
            if QFileInfo(path).isFile():
                found.add(":" + path.removeprefix(f":{root}"))
    finally:
        QResource.unregisterResource(str(RESOURCES_RCC), root)
    return found


def test_every_listed_file_exists() -> None:
    """Generated ones (the translation, the icon subset) included: the build makes them."""
    missing = [str(src) for src in qrc_entries().values() if not src.is_file()]
    assert not missing, "run `python tools/build_resources.py`"


def test_compiled_resources_match_their_sources() -> None:
    """Fails when an asset or resources.qrc changed after the last `tools/build_resources.py`
    (or the last `pip install -e .`, whose build hook runs it)."""
    stale = []
    for path, src in qrc_entries().items():
        try:
            data = resources.read_bytes(path)
        except FileNotFoundError:
            stale.append(f"{path}: listed in resources.qrc but not compiled")
            continue
        if data != src.read_bytes():
            stale.append(f"{path}: differs from {src.relative_to(ROOT)}")
    extra = compiled_entries() - set(qrc_entries())
    stale += [f"{path}: compiled but no longer listed" for path in sorted(extra)]
    assert not stale, "run `python tools/build_resources.py`:\n" + "\n".join(stale)


def test_every_asset_is_listed() -> None:
    """Every file under assets/ except the editable content and the fonts (read as files: see
    ``bundled_fonts_dir``) is bundled through resources.qrc."""
    listed = {src.resolve() for src in qrc_entries().values()}
    assets = [
        p
        for p in (ROOT / "assets").rglob("*")
        if p.is_file()
        and not {"content", "fonts"} & set(p.relative_to(ROOT / "assets").parts)
        and p.suffix != ".ts"  # the translation source; its compiled .qm is bundled
    ]
    unlisted = [str(p.relative_to(ROOT)) for p in assets if p.resolve() not in listed]
    assert not unlisted


def test_the_app_reads_assets_only_through_resource_paths() -> None:
    """Resource paths, or the folders kiosk/system/paths.py finds (content, fonts)."""
    offenders = []
    for path in (ROOT / "kiosk").rglob("*.py"):
        if path == ROOT / "kiosk" / "system" / "paths.py":
            continue
        text = path.read_text(encoding="utf-8")
        if "assets/fonts" in text or "assets/illustrations" in text:
            offenders.append(str(path.relative_to(ROOT)))
    assert not offenders
