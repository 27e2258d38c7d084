"""What a page chose when it fitted itself to the screen, remembered for the next one built so.

Home lets parts go until it fits its screen (:meth:`HomePage.fit`), measuring the whole page
once for each step it tries: ten times in large text. A page built again for the same screen,
language and mode (after a switch there and back, or for the next visitor) makes the same
choices; remembered, it measures once, to confirm them.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable

#: How many choices are remembered (the least recently used goes first): a choice per screen
#: size, language and combination of modes, a few bytes each.
MEMO_SIZE = 64


class FitMemo:
    """Choices by what they depend on (a hashable key), at most :data:`MEMO_SIZE` of them.

    Its owner empties it (:meth:`clear`) when what pages show changes: the key need not say
    which content a page was built from.
    """

    def __init__(self, size: int = MEMO_SIZE):
        self._size = size
        self._choices: OrderedDict[Hashable, tuple[int, ...]] = OrderedDict()

    def __len__(self) -> int:
        return len(self._choices)

    def get(self, key: Hashable) -> tuple[int, ...] | None:
        """The choice remembered for *key*, or None."""
        choice = self._choices.get(key)
        if choice is not None:
            self._choices.move_to_end(key)
        return choice

    def put(self, key: Hashable, choice: tuple[int, ...]) -> None:
        """Remember *choice* for *key* (the least recently used goes when full)."""
        self._choices[key] = choice
        self._choices.move_to_end(key)
        while len(self._choices) > self._size:
            self._choices.popitem(last=False)

    def clear(self) -> None:
        self._choices.clear()
