"""The bundled CJK font: registered before any widget, used for all text, covering all content.

Coverage is tested against the bundled font itself (QRawFont of the registered file), never
against whatever fonts the test machine happens to have. ``QRawFont.supportsCharacter`` is given
code points: PySide's ``QChar`` overload answers wrongly for some ranges.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QImage, QPainter, QRawFont
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.adapters import fonts, resources
from kiosk.content import Content, Text

SAMPLE = "中关村论坛 开放合作·共享未来 2023"


def raw_font() -> QRawFont:
    return QRawFont(resources.read_bytes(fonts.FONT_FILES[0]), 32)


def test_bundled_family_is_the_application_font(qapp: QApplication) -> None:
    assert fonts.FAMILY in QFontDatabase.families()
    assert QFontInfo(qapp.font()).family() == fonts.FAMILY
    label = QLabel(SAMPLE)
    assert QFontInfo(label.font()).family() == fonts.FAMILY
    label.deleteLater()


def test_both_weights_are_registered(qapp: QApplication) -> None:
    styles = QFontDatabase.styles(fonts.FAMILY)
    assert "Regular" in styles and "Bold" in styles


def test_the_font_covers_every_character_of_the_content(
    qapp: QApplication, content: Content
) -> None:
    raw = raw_font()
    assert raw.isValid()
    text = repr(content)
    missing = sorted({c for c in text if c.isprintable() and not raw.supportsCharacter(ord(c))})
    assert not missing


def test_glyph_set_used_by_check_matches_the_font(qapp: QApplication) -> None:
    raw = raw_font()
    glyphs = fonts.glyphs()
    assert len(glyphs) > 7000  # GB2312 alone has 7,445 characters
    for code in (0x4E2D, 0x5173, 0x6751, ord("A"), ord("·"), 0x3002):
        assert code in glyphs and raw.supportsCharacter(code)
    assert 0x20000 not in glyphs and not raw.supportsCharacter(0x20000)


def test_chinese_is_drawn_with_real_glyphs(qapp: QApplication) -> None:
    """Each character has its own outline: no tofu boxes, which would all look the same."""
    raw = raw_font()
    indexes = raw.glyphIndexesForString("中关村论坛")
    assert all(i > 0 for i in indexes)
    paths = [raw.pathForGlyph(i).boundingRect() for i in indexes]
    assert len({(round(r.width()), round(r.height())) for r in paths}) > 1
    image = QImage(200, 60, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    font = QFont(fonts.FAMILY)
    font.setPixelSize(40)
    painter.setFont(font)
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, "中")
    painter.end()
    dark = sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixelColor(x, y).lightness() < 128
    )
    assert dark > 50


def test_simplified_chinese_face_not_japanese(qapp: QApplication) -> None:
    """Both bundled files are the Simplified Chinese face, not the collection's Japanese default."""
    for path in fonts.FONT_FILES:
        raw = QRawFont(resources.read_bytes(path), 32)
        assert raw.familyName() == fonts.FAMILY, path


def test_english_screens_use_the_latin_companion(qapp: QApplication) -> None:
    """English text gets proportional quotes; Chinese names beside it still have glyphs."""
    from PySide6.QtGui import QFontMetricsF

    en = fonts.font_for("en", 40)
    zh = fonts.font_for("zh", 40)
    assert QFontInfo(en).family() == fonts.LATIN_FAMILY
    assert QFontInfo(zh).family() == fonts.FAMILY
    assert QFontMetricsF(en).horizontalAdvance("“") < QFontMetricsF(zh).horizontalAdvance("“") * 0.8
    latin = QRawFont(resources.read_bytes(fonts.LATIN_FILES[0]), 32)
    assert latin.familyName() == fonts.LATIN_FAMILY
    assert latin.supportsCharacter(ord("é")) and not latin.supportsCharacter(ord("中"))


def test_english_content_is_covered_by_the_two_fonts(qapp: QApplication, content: Content) -> None:
    latin = QRawFont(resources.read_bytes(fonts.LATIN_FILES[0]), 32)
    cjk = raw_font()
    text = "".join(value.en for value in _texts(content))
    missing = sorted(
        {
            c
            for c in text
            if c.isprintable()
            and not latin.supportsCharacter(ord(c))
            and not cjk.supportsCharacter(ord(c))
        }
    )
    assert not missing


def _texts(obj: object) -> list[Text]:
    """Every Text inside a record, recursively."""
    import dataclasses

    if isinstance(obj, Text):
        return [obj]
    if isinstance(obj, tuple | list):
        return [t for item in obj for t in _texts(item)]
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return [t for f in dataclasses.fields(obj) for t in _texts(getattr(obj, f.name))]
    return []


def test_a_font_file_is_read_whole_and_a_missing_one_as_nothing(tmp_path: Path) -> None:
    for path in (*fonts.FONT_FILES, *fonts.LATIN_FILES):
        assert fonts._contents(path).data() == Path(path).read_bytes(), path
    short = tmp_path / "short.otf"
    short.write_bytes(b"OTTO\0\1")
    assert fonts._contents(str(short)).data() == b"OTTO\0\1"
    assert fonts._contents(str(tmp_path / "gone.otf")).isEmpty()
    assert QFontDatabase.addApplicationFontFromData(fonts._contents(str(short))) < 0
