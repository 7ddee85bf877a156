"""Column sets that several tables declare alike. A mixin's columns come first in its tables
(``sort_order``), where the tables have always had them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer
from sqlalchemy.orm import Mapped, mapped_column

from cplc_desk.storage.types import UTCDateTime


class HotlistHeader:
    """A hotlist as written at headquarters or held at a station: its number (the highest is
    the newest) and the days it was issued and may be used until."""

    sequence: Mapped[int] = mapped_column(
        Integer, primary_key=True, autoincrement=False, sort_order=-1
    )
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime(), sort_order=-1)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), sort_order=-1)
