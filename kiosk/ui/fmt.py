"""Numbers, dates, names and lists written for a visitor in the screen's language.

Every page and painted widget writes numbers, dates, lists and names through these functions, so
that one place decides how Chinese and English screens write them: QLocale for numbers, dates,
day names and lists, the translation (kiosk/ui/strings.py) for the patterns around them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QDate, QLocale

from kiosk.content import Content, Figure, Lang, Text
from kiosk.model.pages import page_kind
from kiosk.ui.strings import ui


def _locales() -> dict[str, QLocale]:
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    # Chinese figures are written without thousands separators (3000 亿元, 2023 年).
    chinese.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return {"zh": chinese, "en": english}


#: The QLocale of each screen language.
LOCALES: dict[str, QLocale] = _locales()


def locale(lang: Lang) -> QLocale:
    """The QLocale screens in *lang* write numbers, dates and lists with."""
    return LOCALES[lang]


def decimals(value: float) -> int:
    """How many decimals *value* is written with (6.5 → 1, 320.23 → 2, 10 → 0)."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return len(text.split(".", 1)[1]) if "." in text else 0


def number(value: float, places: int, lang: Lang) -> str:
    """*value* with *places* decimals, as *lang* writes it (thousands separators in English)."""
    return locale(lang).toString(float(value), "f", places)


def spaced_words(lang: Lang) -> bool:
    """Whether *lang* separates words by spaces (not so in Chinese)."""
    return locale(lang).script() == QLocale.Script.LatinScript


#: What stands between a number and its prefix or unit: a space that never breaks in English
#: ("about 660,000 m²"), nothing in Chinese ("约66万平方米", "2500余个项目").
_SPACED_GAP = "\u00a0"


def unit_gap(lang: Lang) -> str:
    """What *lang* writes between a number and its unit or prefix (never a line break)."""
    return _SPACED_GAP if spaced_words(lang) else ""


def prefix_text(prefix: str, lang: Lang) -> str:
    """A figure's prefix as it stands before the number ("about 3" but "约3")."""
    return f"{prefix}{unit_gap(lang)}" if prefix else prefix


def figure_text(figure: Figure, lang: Lang) -> str:
    """A figure as a visitor reads it: prefix, number, suffix (the unit is shown apart)."""
    value = figure.value.get(lang)
    prefix = prefix_text(figure.prefix.get(lang) if figure.prefix else "", lang)
    suffix = figure.suffix.get(lang) if figure.suffix else ""
    return f"{prefix}{number(value, decimals(value), lang)}{suffix}"


def figure_with_unit(figure: Figure, lang: Lang) -> str:
    """A figure and its unit as one unbreakable run: "超810亿元", "over 81 billion yuan".

    The one way a figure is written as text (cards, accessible names); figure tiles paint the
    same parts in the same order.
    """
    unit = figure.unit.get(lang) if figure.unit else ""
    text = figure_text(figure, lang)
    return f"{text}{unit_gap(lang)}{unit}" if unit else text


def heading_spacing(lang: Lang) -> float:
    """Letter spacing (percent) of small bold headings: Latin capitals get a little air."""
    return 108.0 if spaced_words(lang) else 100.0


def join(items: Sequence[str], lang: Lang) -> str:
    """A list as *lang* writes it: "A, B and C" / "A、B和C"."""
    return locale(lang).createSeparatedList(list(items))


def join_items(items: Sequence[str], lang: Lang) -> str:
    """Short items shown as a list, not a sentence: "Integrated circuits · Medicine and health"
    (each keeps its capital) / "集成电路产业和医药健康产业"."""
    if spaced_words(lang):
        return ITEM_SEPARATOR.join(items)
    return join(items, lang)


#: Between the items of a list shown on one line in English.
ITEM_SEPARATOR = " · "


def labelled(label: str, text: str, lang: Lang) -> str:
    """A label and its text on one line: "Areas: …" / "功能区：…"."""
    return ui("text.labelled", lang, label=label, text=text)


def person_name(name: Text, lang: Lang) -> str:
    """A person's name: Chinese screens show it in Chinese, English ones add the Chinese name.

    A name that is not a Chinese person's own (a transliteration like "阿德姆·帕塔普蒂安", or a
    description like "北京市相关负责人") is shown on English screens in Latin letters only.
    """
    if not _chinese_name(name.zh):
        return name.get(lang)
    return ui("name.person", lang, zh=name.zh, en=name.en)


def _chinese_name(text: str) -> bool:
    """Whether *text* is a Chinese personal name: two to four Chinese characters, no dot."""
    return 2 <= len(text) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in text)


def day_month(day: date, lang: Lang) -> str:
    """A day of the year: "26 May" / "5月26日"."""
    return locale(lang).toString(QDate(day.year, day.month, day.day), ui("date.day_month", lang))


def weekday(index: int, lang: Lang, short: bool = False) -> str:
    """The name of weekday *index* (0 = Monday): "Monday" / "星期一", short "Mon" / "周一"."""
    kind = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
    return locale(lang).dayName(index + 1, kind)


def screen_name(route: object, content: Content, lang: Lang) -> str:
    """What a visitor calls the screen *route* (``"zone"``, ``"theme/t1"``): "Bonded Zone".

    Item screens are named by their item's title or name; an unknown or missing route is "–".
    """
    if not isinstance(route, str) or not route:
        return "–"
    page, _, item = route.partition("/")
    if item:
        record = content.index.get(item)
        title = getattr(record, "title", None) or getattr(record, "name", None)
        return title.get(lang) if isinstance(title, Text) else item
    entry = page_kind(page)
    key = entry.title if entry is not None and entry.title else _PAGE_KEYS.get(page, "")
    return ui(key, lang) if key else page


#: Screens the page registry gives no title, and the UI string that names them.
_PAGE_KEYS = {"home": "home", "attract": "touch_to_start"}
