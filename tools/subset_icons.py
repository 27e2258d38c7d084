"""Re-make the bundled icon font: the Material Design Icons the kiosk names, and no others.

The kiosk's icons are qtawesome's ``mdi6`` set (Material Design Icons 6.9.96, Pictogrammers,
Apache License 2.0). qtawesome itself costs about 150 ms and 25 MB to import and another 19 MB
for its twelve fonts and 24,610 glyph names at the first icon; the kiosk draws about forty icons.
This tool finds every ``"mdi6.name"`` the kiosk's code and bundled content name, cuts qtawesome's
own mdi6 font down to those glyphs with fontTools and writes:

- ``assets/icons/mdi6-kiosk.ttf``: the subset font (a few kB);
- ``assets/icons/mdi6-kiosk.json``: ``{"mdi6.name": codepoint}`` for those glyphs.

``kiosk/ui/icons.py`` draws these directly; a name that is not in the subset (an editor chose a
new icon in the content) still comes from qtawesome, loaded only then. The files are generated,
never committed: ``tools/build_resources.py`` (and the package build hook) makes them with
:func:`build` before it compiles the resources. Run it after naming a new icon in the code or the
bundled content (running this file does the same)::

    python tools/build_resources.py

``tests/test_icons.py`` fails when a name used by the code or the bundled content is missing.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "icons"
FONT_NAME = "mdi6-kiosk.ttf"
MAP_NAME = "mdi6-kiosk.json"
NAME_RE = re.compile(r"""["'](mdi6\.[a-z0-9-]+)["']""")


def used_names(root: Path = ROOT) -> set[str]:
    """Every ``mdi6.*`` name the kiosk's code and bundled content name."""
    files = [*(root / "kiosk").rglob("*.py"), *(root / "assets" / "content").glob("*.toml")]
    names: set[str] = set()
    for path in files:
        names.update(NAME_RE.findall(path.read_text(encoding="utf-8")))
    return names


def qtawesome_mdi6() -> tuple[Path, dict[str, int]]:
    """qtawesome's mdi6 font file and its glyph names (without the ``mdi6.`` prefix).

    The package is found, not imported: importing qtawesome loads Qt's GUI libraries, which a
    build machine need not have.
    """
    spec = importlib.util.find_spec("qtawesome")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("qtawesome is not installed")
    fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    font = next(fonts.glob("materialdesignicons6-webfont-[0-9]*.ttf"))
    charmap = next(fonts.glob("materialdesignicons6-webfont-charmap-*.json"))
    raw = json.loads(charmap.read_text(encoding="utf-8"))
    return font, {name: int(code, 16) for name, code in raw.items()}


@contextmanager
def _quiet_fonttools() -> Iterator[None]:
    """Keep fontTools' notes on the source font's oddities (extra bytes in its ``post`` table,
    early timestamps) out of the build's output; they change nothing in the subset."""
    logger = logging.getLogger("fontTools")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def build(names: set[str], out: Path = OUT) -> dict[str, int]:
    """Write the subset font and its map for *names* into *out*; return the map."""
    font_path, charmap = qtawesome_mdi6()
    unknown = sorted(n for n in names if n.removeprefix("mdi6.") not in charmap)
    if unknown:
        raise SystemExit(f"not in qtawesome's mdi6 set: {', '.join(unknown)}")
    mapping = {n: charmap[n.removeprefix("mdi6.")] for n in sorted(names)}
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["FFTM"]  # a build timestamp: keeps the output reproducible
    with _quiet_fonttools():
        font = TTFont(font_path, recalcTimestamp=False)
        subsetter = subset.Subsetter(options)
        subsetter.populate(unicodes=sorted(mapping.values()))
        subsetter.subset(font)
        # The source font stores every glyph's left side bearing as 0 and its xMin as 0, whatever
        # its outline; saving recomputes xMin from the outline, and a bearing that no longer matches
        # shifts the glyph left in FreeType. Bearing = xMin keeps it where the source font draws it.
        glyf, hmtx = font["glyf"], font["hmtx"]
        for name in font.getGlyphOrder():
            glyph = glyf[name]
            glyph.recalcBounds(glyf)
            advance, _ = hmtx[name]
            hmtx[name] = (advance, getattr(glyph, "xMin", 0))
    out.mkdir(parents=True, exist_ok=True)
    font.save(out / FONT_NAME, reorderTables=True)
    text = json.dumps(mapping, indent=1, sort_keys=True) + "\n"
    (out / MAP_NAME).write_text(text, encoding="utf-8")
    return mapping


def main() -> int:
    """Rebuild every generated file: the subset, then the resources that bundle it."""
    from build_resources import main as build_everything

    print(f"{len(used_names())} icons named by the code and the bundled content")
    return build_everything()


if __name__ == "__main__":
    sys.exit(main())
