"""Shared by the fuzz tests: example counts and a translation that marks every message.

The default run keeps example counts modest (the whole fuzz set takes about a minute or two) and is
derandomized: every run tries the same examples, so a red test suite always means a change broke
something, never that the dice found an old bug on an unrelated commit. ``HYPOTHESIS_PROFILE=long``
multiplies every count by 25 and draws fresh random examples each time, for a longer search::

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest -q tests/fuzz --timeout 0 -p no:cacheprovider
"""

from __future__ import annotations

import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager

from hypothesis import HealthCheck, settings

from cplc_desk.domain import i18n

LONG = os.environ.get("HYPOTHESIS_PROFILE", "") == "long"
settings.register_profile(
    "fuzz",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)
settings.register_profile("fuzz-long", parent=settings.get_profile("fuzz"), derandomize=False)
_BASE = settings.get_profile("fuzz-long" if LONG else "fuzz")


def fuzz(examples: int) -> settings:
    """Settings for one fuzz test: ``examples`` by default, 25 times as many in the long run."""
    return settings(_BASE, max_examples=examples * (25 if LONG else 1))


MARK = "\u2039"  # what the marking translation puts in front of every translated message


class _Marking(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return MARK + message

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return MARK + (singular if n == 1 else plural)


@contextmanager
def marked_translation() -> Iterator[None]:
    """While active, every message that went through ``_()``/``ngettext`` starts with MARK: a
    message without it was not made translatable."""
    saved = i18n._translation
    i18n._translation = _Marking()
    try:
        yield
    finally:
        i18n._translation = saved


def assert_translated(message: str) -> None:
    assert message.strip(), "an empty message"
    assert message.startswith(MARK), f"not translatable: {message!r}"
