"""Refresh the UI translation: extract strings, then compile the Chinese translation.

    python tools/update_translations.py

1. ``pyside6-lupdate`` collects every ``QT_TRANSLATE_NOOP`` / ``tr`` string of ``kiosk/`` into
   ``assets/i18n/kiosk_zh_CN.ts`` (existing translations are kept; new strings are marked
   unfinished; strings no longer used are dropped), and the plural (``%n``) strings alone into
   ``assets/i18n/kiosk_en.ts``, where English gets its singular and plural forms.
2. Every generated file is rebuilt (``tools/build_resources.py``): lrelease compiles each ``.ts``
   into its ``.qm`` (not kept in git), which go into the resources the kiosk reads (``:/i18n``).

Translate new strings in between (Qt Linguist: ``pyside6-linguist assets/i18n/kiosk_zh_CN.ts``,
or any text editor) and run it again. ``tests/test_i18n.py`` fails while a string is untranslated.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "assets" / "i18n"
#: Translation file → its language, and whether it holds only the plural strings.
TRANSLATIONS = {I18N / "kiosk_zh_CN.ts": ("zh_CN", False), I18N / "kiosk_en.ts": ("en", True)}


def tool(name: str) -> str:
    exe = Path(sys.executable).parent / name
    return str(exe) if exe.exists() else name


def main() -> int:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "kiosk").rglob("*.py"))
    sources = [s for s in sources if "_generated" not in s]
    for ts, (language, plural_only) in TRANSLATIONS.items():
        subprocess.run(
            [
                tool("pyside6-lupdate"),
                *sources,
                "-no-obsolete",
                *(["-pluralonly"] if plural_only else []),
                "-source-language",
                "en",
                "-target-language",
                language,
                "-ts",
                str(ts.relative_to(ROOT)),
            ],
            cwd=ROOT,
            check=True,
        )
    sys.path.insert(0, str(ROOT / "tools"))
    from build_resources import main as build_everything

    return build_everything()


if __name__ == "__main__":
    sys.exit(main())
