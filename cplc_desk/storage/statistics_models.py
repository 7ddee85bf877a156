"""The statistics' tables: the categories (reference data, resources/reference/
statistics_categories.csv) and the frozen copies of published months. Imported by
:mod:`cplc_desk.storage.models`, where every table is named."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from cplc_desk.storage.base import Base
from cplc_desk.storage.types import UTCDateTime


class StatisticsCategoryRef(Base):
    """A statistics category and the records it counts: vehicle reports of some classes and
    kinds, phone reports of some kinds, or complaints of one category (docs/statistics.md)."""

    __tablename__ = "ref_statistics_category"

    code: Mapped[str] = mapped_column(String(48), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    name_ur: Mapped[str] = mapped_column(String(120), default="", server_default="")
    group: Mapped[str] = mapped_column(String(32))
    source: Mapped[str] = mapped_column(String(20))  # vehicle_report, phone_report, complaint
    classes: Mapped[str] = mapped_column(String(120), default="")  # vehicle classes, "|"-separated
    kinds: Mapped[str] = mapped_column(String(120))  # report kinds or the complaint category code
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    street_crime: Mapped[bool] = mapped_column(Boolean, default=False)
    ordinal: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class StatisticsPublication(Base):
    """A month (or months) published: the figures as they stood, kept so a later view can say
    what late bundles changed since."""

    __tablename__ = "statistics_publication"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    month: Mapped[str] = mapped_column(String(7), index=True)
    to_month: Mapped[str] = mapped_column(String(7))
    scope: Mapped[str] = mapped_column(String(40))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime())
    published_by: Mapped[str] = mapped_column(String(64))
    figures: Mapped[str] = mapped_column(Text)  # canonical JSON {category: count}; no personal data
