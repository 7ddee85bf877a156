"""``cplc-desk check``: is the store whole and untampered?"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import and_, exists, func, select, text

from cplc_desk.domain.i18n import _
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.storage import audit, migrate, record_seal
from cplc_desk.storage.kinds import SYNC_MODELS
from cplc_desk.storage.models import ChangeLog


@dataclass
class CheckReport:
    checks: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    audit_breaks: list[audit.ChainBreak] = field(default_factory=list)
    record_breaks: list[record_seal.RecordBreak] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_store(ctx: DeskContext) -> CheckReport:
    report = CheckReport()
    engine = ctx.store.engine
    head = migrate.head_revision()
    current = migrate.current_revision(engine)
    report.checks.append("schema")
    if current != head:
        report.problems.append(
            _("The schema is at {current}, expected {head}.").format(current=current, head=head)
        )
    with ctx.store.read() as s:
        if ctx.store.is_sqlite:
            report.checks.append("sqlite integrity")
            result = [r[0] for r in s.execute(text("PRAGMA integrity_check")).fetchall()]
            if result != ["ok"]:
                report.problems.extend(
                    _("Database file damaged: {detail}").format(detail=r) for r in result[:10]
                )
            report.checks.append("foreign keys")
            bad_fk = s.execute(text("PRAGMA foreign_key_check")).fetchall()
            if bad_fk:
                report.problems.append(
                    _("{n} rows point at records that do not exist (first: {first}).").format(
                        n=len(bad_fk), first=tuple(bad_fk[0])
                    )
                )
        report.checks.append("change log")
        identity = ctx.identity()
        own_code = identity.code if identity else ""
        for model in SYNC_MODELS:
            table = model.__tablename__  # type: ignore[attr-defined]
            logged = exists().where(
                and_(
                    ChangeLog.table_name == table,
                    ChangeLog.record_id == model.id,
                    ChangeLog.version == model.version,
                )
            )
            missing = s.scalar(
                select(func.count())
                .select_from(model)
                .where(model.origin_desk == own_code)
                .where(~logged)
            )
            if missing:
                report.problems.append(
                    _("{n} {table} records have changes missing from the change log.").format(
                        n=missing, table=table
                    )
                )
        report.checks.append("records")
        sealed = record_seal.verify(s, own_code)
        report.record_breaks = sealed.breaks
        for record_break in sealed.breaks:
            report.problems.append(record_break.describe() + ".")
        if sealed.total > len(sealed.breaks):
            report.problems.append(
                _("{n} more records or logged versions do not match.").format(
                    n=sealed.total - len(sealed.breaks)
                )
            )
        report.checks.append("audit trail")
        for brk in audit.verify_chain(s):
            report.problems.append(
                _("Audit trail of desk {desk}, {what}.").format(
                    desk=brk.desk_code, what=brk.describe()
                )
                if brk.entry_id
                else _("Audit trail, {what}.").format(what=brk.describe())
            )
            report.audit_breaks.append(brk)
    return report
