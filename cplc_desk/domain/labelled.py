"""Codes that carry their own name for people: a member is declared with its stored value and
its label marked for translation, ``VOLUNTEER = "volunteer", N_("Volunteer")``.

The value stays the stable code (database, bundles, ``Role("volunteer")``); ``member.label``
translates the label at the moment it is asked, so it follows the language set then (a member
declared without one reads as its code).
"""

from __future__ import annotations

from enum import StrEnum
from typing import Self

from cplc_desk.domain.i18n import _


class LabelledEnum(StrEnum):
    _value_: str
    _label: str

    # ``label`` has a default only so that ``Role("volunteer")``, the look-up by value, reads
    # as a call of this to a type checker.
    def __new__(cls, value: str, label: str = "") -> Self:
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label
        return member

    @property
    def label(self) -> str:
        return _(self._label) if self._label else self.value
