"""A problem as one honest line for a terminal, a log or the admin menu."""

from __future__ import annotations

#: Characters shown escaped in a problem line: line breaks, controls, invisible formatting
#: (bidi overrides, zero-width), surrogates, private use, unassigned code points and spaces other
#: than the plain one (no-break, ideographic …). A key read from a file may hold any of them, and a
#: problem line must stay one honest line in a terminal.
_HIDDEN = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp", "Zs"}
#: A problem line is cut after this many characters (a huge bad value is quoted in it).
MAX_LINE = 1000


def problem_line(problem: object) -> str:
    """*problem* as one printable line: hidden characters escaped (``\\n``, ``\\u202e``),
    cut after :data:`MAX_LINE` characters."""
    import unicodedata

    def shown(c: str) -> str:
        if c == " " or unicodedata.category(c) not in _HIDDEN:
            return c
        if c in "\n\r\t":
            return ascii(c)[1:-1]
        return f"\\u{ord(c):04x}" if ord(c) <= 0xFFFF else f"\\U{ord(c):08x}"

    text = str(problem)
    if not text.isprintable():
        text = "".join(shown(c) for c in text)
    if len(text) > MAX_LINE:
        text = f"{text[:MAX_LINE]}… ({len(text) - MAX_LINE} more characters)"
    return text
