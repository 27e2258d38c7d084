"""Re-make the bundled CJK font subset.

The kiosk ships Noto Sans CJK SC (for Chinese, and all text on Chinese screens) and Noto Sans
(the Latin companion for English screens, with proportional quotes and dashes), both under the SIL
Open Font License 1.1, cut down with fontTools to the characters they can ever need: GB2312,
Latin, punctuation, a few symbols, and every character of the bundled content and UI translations.
Run it after adding text that uses a rare character::

    python tools/subset_fonts.py       # fetches Debian's fonts-noto-cjk and fonts-noto-core
    python tools/subset_fonts.py --source DIR   # DIR holds NotoSansCJK-*.ttc and NotoSans-*.ttf

then rebuild the resources (``python tools/build_resources.py``). The package is only unpacked into
a temporary folder, never installed, so the machine keeps no system-wide CJK font that could hide a
missing glyph.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "fonts"
WEIGHTS = ("Regular", "Bold")
FAMILY = "Noto Sans CJK SC"
LATIN_FAMILY = "Noto Sans"

# Unicode blocks kept whole (where the source font has them).
RANGES = [
    (0x0020, 0x007E),  # ASCII
    (0x00A0, 0x017F),  # Latin-1 supplement, Latin Extended-A (pinyin, ü, é …)
    (0x01CD, 0x01DC),  # pinyin tone letters with caron
    (0x0391, 0x03C9),  # Greek (µ-like symbols, Ω …)
    (0x2000, 0x206F),  # general punctuation (– — ‘ ’ “ ” … ‰)
    (0x2070, 0x209F),  # superscripts and subscripts
    (0x20A0, 0x20BF),  # currency (¥ is Latin-1)
    (0x2100, 0x214F),  # letterlike (℃ №)
    (0x2150, 0x218F),  # number forms
    (0x2190, 0x21FF),  # arrows
    (0x2200, 0x22FF),  # maths operators (≈ ≥ ≤ ×)
    (0x2460, 0x24FF),  # enclosed numbers ①
    (0x2500, 0x25FF),  # box drawing, geometric shapes (● ○ ▶)
    (0x3000, 0x303F),  # CJK symbols and punctuation
    (0xFF00, 0xFFEF),  # full-width forms
]


def gb2312_chars() -> set[int]:
    """Every character of the GB2312 set."""
    chars: set[int] = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(ord(bytes([hi, lo]).decode("gb2312")))
            except UnicodeDecodeError:
                continue
    return chars


def project_chars() -> set[int]:
    """Every character used by the bundled content and the UI translations."""
    chars: set[int] = set()
    for pattern in ("assets/content/**/*.toml", "assets/i18n/*.ts", "kiosk/**/*.py"):
        for path in ROOT.glob(pattern):
            chars.update(ord(c) for c in path.read_text(encoding="utf-8"))
    return {c for c in chars if c >= 0x20}


def wanted_chars() -> set[int]:
    chars = gb2312_chars() | project_chars()
    for lo, hi in RANGES:
        chars.update(range(lo, hi + 1))
    return chars


def latin_chars() -> set[int]:
    """What the Latin companion keeps: the Latin and punctuation ranges (CJK falls back)."""
    chars: set[int] = set()
    for lo, hi in RANGES[:9]:
        chars.update(range(lo, hi + 1))
    return chars


def fetch_debian_fonts(workdir: Path) -> Path:
    """Download and unpack Debian's Noto packages into *workdir* (no install); returns a folder
    with every source font file side by side."""
    out = workdir / "fonts"
    out.mkdir()
    for package in ("fonts-noto-cjk", "fonts-noto-core"):
        subprocess.run(["apt-get", "download", package], cwd=workdir, check=True)
        deb = next(workdir.glob(f"{package}_*.deb"))
        subprocess.run(["dpkg-deb", "-x", str(deb), str(workdir / "x")], check=True)
    x = workdir / "x" / "usr" / "share" / "fonts"
    for weight in WEIGHTS:
        (out / f"NotoSansCJK-{weight}.ttc").symlink_to(
            x / "opentype/noto" / f"NotoSansCJK-{weight}.ttc"
        )
        (out / f"NotoSans-{weight}.ttf").symlink_to(x / "truetype/noto" / f"NotoSans-{weight}.ttf")
    return out


def sc_face(ttc_path: Path) -> TTFont:
    """The Simplified Chinese face of a Noto CJK collection (not the Japanese default)."""
    for font in TTCollection(str(ttc_path)).fonts:
        if font["name"].getDebugName(1) == FAMILY:
            return font
    raise SystemExit(f"{ttc_path}: no face named {FAMILY!r}")


def subset_one(src: Path, dest: Path, chars: set[int]) -> int:
    font = sc_face(src) if src.suffix == ".ttc" else TTFont(str(src))
    options = subset.Options()
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = False
    available = set(font.getBestCmap())
    keep = chars & available
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(keep))
    subsetter.subset(font)
    font.recalcTimestamp = False  # the same sources give the same bytes
    font.save(str(dest))
    return len(keep)


def write_licence(copyright_file: Path | None) -> None:
    header = (
        "The bundled fonts are subsets of Noto Sans CJK SC (Regular and Bold),\n"
        "Copyright 2014-2021 Adobe (http://www.adobe.com/), with Reserved Font Name 'Source',\n"
        "and of Noto Sans (Regular and Bold), Copyright 2012 Google Inc.\n"
        "Noto is a trademark of Google Inc.\n"
        "They are licensed under the SIL Open Font License, Version 1.1, reproduced below.\n\n"
    )
    text = ""
    if copyright_file and copyright_file.exists():
        raw = copyright_file.read_text(encoding="utf-8")
        match = re.search(r"^License: SIL-1\.1\n((?: .*\n?)+)", raw, re.M)
        if match:
            lines = [ln[1:] for ln in match.group(1).splitlines()]
            text = "\n".join("" if ln == "." else ln for ln in lines) + "\n"
    if text:
        (OUT / "OFL.txt").write_text(header + text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, help="folder with NotoSansCJK-*.ttc")
    parser.add_argument("--copyright", type=Path, help="Debian copyright file with the OFL text")
    args = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    chars = wanted_chars()
    with tempfile.TemporaryDirectory() as tmp:
        source = args.source or fetch_debian_fonts(Path(tmp))
        copyright_file = args.copyright
        if copyright_file is None and args.source is None:
            copyright_file = Path(tmp) / "x/usr/share/doc/fonts-noto-cjk/copyright"
        jobs = []
        for weight in WEIGHTS:
            jobs.append((f"NotoSansCJK-{weight}.ttc", f"NotoSansCJKsc-{weight}.otf", chars))
            jobs.append((f"NotoSans-{weight}.ttf", f"NotoSans-{weight}.ttf", latin_chars()))
        for name, out_name, wanted in jobs:
            dest = OUT / out_name
            count = subset_one(source / name, dest, wanted)
            size = dest.stat().st_size / 1e6
            print(f"{dest.relative_to(ROOT)}: {count} characters, {size:.2f} MB")
        write_licence(copyright_file)
    return 0


if __name__ == "__main__":
    sys.exit(main())
