"""Reading the audit trail: filtered, newest first, a page at a time, and extracts written as
CSV or PDF. Reading and exporting the trail are themselves audited."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, or_, select
from sqlalchemy.orm import Session

from cplc_desk.domain.clock import PKT, to_local
from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.i18n import _
from cplc_desk.domain.ids import RecordNumber
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.validation import normalize_digits
from cplc_desk.services.desk.context import DeskContext, ServiceError
from cplc_desk.storage import pseudonym
from cplc_desk.storage.kinds import KINDS
from cplc_desk.storage.models import AuditEntry
from cplc_desk.sync.files import write_atomically

PAGE = 200
EXPORT_LIMIT = 200_000
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)


@dataclass(frozen=True)
class AuditFilter:
    """Empty fields do not filter. ``record`` is a record's number or id, or a CNIC or phone
    (matched through its pseudonym: entries never hold the number itself)."""

    actor: str = ""
    action: str = ""
    record: str = ""
    since: datetime | None = None
    until: datetime | None = None  # exclusive
    desk: str = ""

    def describe(self) -> list[str]:
        parts = []
        if self.actor:
            parts.append(_("Person: {v}").format(v=self.actor))
        if self.action:
            parts.append(_("Action: {v}").format(v=self.action))
        if self.record:
            parts.append(_("Record: {v}").format(v=_shown_record(self.record)))
        if self.desk:
            parts.append(_("Desk: {v}").format(v=self.desk))
        if self.since:
            parts.append(_("From: {v}").format(v=_local(self.since)))
        if self.until:
            parts.append(_("Until: {v}").format(v=_local(self.until)))
        return parts or [_("All entries")]

    def as_dict(self) -> dict[str, Any]:
        return {
            "actor": self.actor or None,
            "action": self.action or None,
            "record": _shown_record(self.record) if self.record else None,
            "desk": self.desk or None,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat() if self.until else None,
        }


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: datetime
    desk_code: str
    actor: str
    action: str
    record_table: str | None
    record_id: str | None
    details: str

    def as_cells(self) -> list[str]:
        return [
            str(self.seq),
            _local(self.at),
            self.desk_code,
            self.actor,
            self.action,
            f"{self.record_table or ''} {self.record_id or ''}".strip(),
            self.details,
        ]


HEADER = ("seq", "at", "desk", "actor", "action", "record", "details")


def _local(value: datetime) -> str:
    return to_local(value).strftime("%Y-%m-%d %H:%M:%S PKT")


def _looks_like_person(text: str) -> bool:
    digits = normalize_digits(text)
    return len(digits) in (10, 11, 12, 13) and not _UUID.match(text) and "-C-" not in text


def _shown_record(text: str) -> str:
    # A CNIC or phone typed as the filter is not written out in full (in the trail or a PDF).
    if _looks_like_person(text):
        from cplc_desk.domain.validation import mask_cnic, mask_phone

        digits = normalize_digits(text)
        return mask_cnic(text) if len(digits) == 13 else mask_phone(text)
    return text


def parse_when(text: str, *, end: bool = False) -> datetime:
    """A date (``2026-11-24``: the whole day in Pakistan time) or an ISO date-time."""
    text = text.strip()
    try:
        if len(text) == 10:
            day = date.fromisoformat(text)
            start = datetime.combine(day, time(0), tzinfo=PKT)
            return start + timedelta(days=1) if end else start
        value = datetime.fromisoformat(text)
    except ValueError:
        raise ServiceError(
            _("{text} is not a date. Write it as 2026-11-24 or 2026-11-24T14:30.").format(text=text)
        ) from None
    return value if value.tzinfo else value.replace(tzinfo=PKT)


def _conditions(s: Session, flt: AuditFilter) -> list[ColumnElement[bool]]:
    cond: list[ColumnElement[bool]] = []
    if flt.actor:
        cond.append(AuditEntry.actor == flt.actor.strip())
    if flt.action:
        action = flt.action.strip()
        cond.append(
            AuditEntry.action.startswith(action + ".")
            if "." not in action
            else AuditEntry.action == action
        )
    if flt.desk:
        cond.append(AuditEntry.desk_code == flt.desk.strip().upper())
    if flt.since:
        cond.append(AuditEntry.at >= flt.since)
    if flt.until:
        cond.append(AuditEntry.at < flt.until)
    if flt.record:
        cond.append(_record_condition(s, flt.record.strip()))
    return cond


def _record_condition(s: Session, text: str) -> ColumnElement[bool]:
    if _UUID.match(text):
        return AuditEntry.record_id == text.lower()
    parsed = RecordNumber.parse(text)
    number = str(parsed) if parsed else text.upper()
    models: list[Any] = [k.model for k in KINDS]  # every numbered kind
    ids = [i for model in models for i in s.scalars(select(model.id).where(model.number == number))]
    # The number in an entry's details (entries about two records name both), but not in the
    # filters recorded by the trail's own readers.
    options: list[ColumnElement[bool]] = [
        and_(
            AuditEntry.details.contains(f'"{number}"'),
            AuditEntry.action.not_in([AuditAction.AUDIT_VIEWED, AuditAction.AUDIT_EXPORTED]),
        )
    ]
    if ids:
        options.append(AuditEntry.record_id.in_(ids))
    if _looks_like_person(text):
        options.append(AuditEntry.details.contains(pseudonym.pseudonym(s, text)))
    return or_(*options)


def _query(s: Session, flt: AuditFilter) -> Select[AuditEntry]:
    return select(AuditEntry).where(and_(True, *_conditions(s, flt)))


def _row(e: AuditEntry) -> AuditRow:
    return AuditRow(
        e.seq, e.at, e.desk_code, e.actor, e.action, e.record_table, e.record_id, e.details
    )


def page(
    ctx: DeskContext, flt: AuditFilter, before_seq: int | None = None, limit: int = PAGE
) -> list[AuditRow]:
    """Entries newest first, starting below ``before_seq`` (keyset paging). The first page of
    a filter is recorded as the trail being read (``audit.viewed``)."""
    ctx.require(Permission.READ_AUDIT)
    if before_seq is None:
        with ctx.audit_unit() as s:
            ctx.audit(s, AuditAction.AUDIT_VIEWED, details={"filter": flt.as_dict()})
    with ctx.store.read() as s:
        stmt = _query(s, flt)
        if before_seq is not None:
            stmt = stmt.where(AuditEntry.seq < before_seq)
        return [_row(e) for e in s.scalars(stmt.order_by(AuditEntry.seq.desc()).limit(limit))]


def actions() -> list[str]:
    return [a.value for a in AuditAction]


def _all(ctx: DeskContext, flt: AuditFilter) -> Iterator[AuditRow]:
    with ctx.store.read() as s:
        stmt = _query(s, flt).order_by(AuditEntry.seq).limit(EXPORT_LIMIT + 1)
        for e in s.scalars(stmt):
            yield _row(e)


def _safe_cell(value: str) -> str:
    # A spreadsheet runs a cell starting with = + - @ as a formula: never from our data.
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def export(ctx: DeskContext, flt: AuditFilter, path: Path, fmt: str | None = None) -> int:
    """Write the filtered extract (oldest first) as CSV or PDF, atomically; returns the count."""
    ctx.require(Permission.READ_AUDIT)
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt not in ("csv", "pdf"):
        raise ServiceError(_("Export the audit trail as .csv or .pdf."))
    rows = list(_all(ctx, flt))
    if len(rows) > EXPORT_LIMIT:
        raise ServiceError(
            _("More than {n} entries match: narrow the filter (a shorter time range).").format(
                n=EXPORT_LIMIT
            )
        )
    identity = ctx.require_identity()
    # Audited before writing: an export that then fails is still an attempt worth knowing.
    with ctx.audit_unit() as s:
        ctx.audit(
            s,
            AuditAction.AUDIT_EXPORTED,
            details={
                "filter": flt.as_dict(),
                "format": fmt,
                "file": path.name,
                "entries": len(rows),
            },
        )
    if fmt == "csv":
        buf = io.StringIO(newline="")
        writer = csv.writer(buf)
        writer.writerow(HEADER)
        for r in rows:
            writer.writerow([_safe_cell(c) for c in r.as_cells()])
        data = ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: Excel reads it as UTF-8
    else:
        title = _("Audit trail of {name} ({code})").format(name=identity.name, code=identity.code)
        lines = [
            *flt.describe(),
            _("{n} entries, exported {when} by {who}.").format(
                n=len(rows), when=_local(datetime.now(PKT)), who=ctx.actor.username
            ),
        ]
        # Imported here so that opening the desk does not pay for loading ReportLab.
        from cplc_desk.printing.audit_report import render_audit_pdf

        data = render_audit_pdf(title, lines, HEADER, (_pdf_cells(r) for r in rows))
    write_atomically(path, data)
    return len(rows)


def _pdf_cells(r: AuditRow) -> list[str]:
    cells = r.as_cells()
    with contextlib.suppress(ValueError):
        cells[-1] = json.dumps(json.loads(r.details), ensure_ascii=False, sort_keys=True)
    return cells
