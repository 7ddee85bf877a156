"""Is every record what the app last wrote? The change log keeps each version's full image,
chained (``change_log.chain_hash``); this module walks the chain and compares each of the
desk's own records with its last logged image.

What it finds: a record changed outside the app (``UPDATE complaint SET ...`` in the SQLite
file), a logged version changed, removed, inserted or reordered. What it cannot find: a change
made consistently to both a record and every link after it by someone who knows this scheme
(nothing on the PC is secret from whoever holds the file); headquarters then sees the
station's chain fork at the next bundle. See docs/security.md.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy import RowMapping, select, text
from sqlalchemy.orm import Session

from cplc_desk.domain.audit import GENESIS_HASH, change_link, image_digest
from cplc_desk.domain.i18n import _
from cplc_desk.storage.changelog import image_text, image_values
from cplc_desk.storage.kinds import SYNC_MODELS
from cplc_desk.storage.models import ChangeLog

MAX_REPORTED = 20  # problems named; the count says how many more


@dataclass(frozen=True)
class RecordBreak:
    """One record or logged version that is not what the app wrote."""

    table: str
    record_id: str
    label: str  # the record's number when it has one, else its id
    reason: str

    def describe(self) -> str:
        return _("{table} record {label}: {reason}").format(
            table=self.table, label=self.label, reason=self.reason
        )


@dataclass
class SealReport:
    breaks: list[RecordBreak] = field(default_factory=list)
    total: int = 0  # every break found (only the first MAX_REPORTED are kept)
    log_rows: int = 0
    records: int = 0

    def add(self, brk: RecordBreak) -> None:
        self.total += 1
        if len(self.breaks) < MAX_REPORTED:
            self.breaks.append(brk)


def verify(s: Session, own_desk: str) -> SealReport:
    """Walk the change log's chain, then compare each record of ``own_desk`` with its last
    logged image. Linear in the log and the records; memory holds a digest per record."""
    report = SealReport()
    latest: dict[tuple[str, str], tuple[int, int, str]] = {}  # -> version, seq, image digest
    prev = GENESIS_HASH
    rows = s.execute(
        select(
            ChangeLog.seq, ChangeLog.table_name, ChangeLog.record_id, ChangeLog.op,
            ChangeLog.version, ChangeLog.row_image, ChangeLog.chain_hash,
        ).order_by(ChangeLog.seq).execution_options(yield_per=5000)
    )  # fmt: skip
    # SQLite numbers rows with AUTOINCREMENT: never reused, and a rolled-back insert rolls its
    # number back too. A gap is a removed row; so is a high-water mark past the last row.
    gaps_matter = s.get_bind().dialect.name == "sqlite"
    last_seq = 0
    for seq, table, record_id, op, version, image, stored in rows:
        report.log_rows += 1
        if gaps_matter and seq > last_seq + 1:
            report.add(_removed(last_seq + 1, seq - 1))
        last_seq = seq
        digest = image_digest(image)
        link = change_link(prev, table, record_id, op, version, digest)
        if stored != link:
            report.add(
                RecordBreak(
                    table, record_id, record_id,
                    _(
                        "change-log row {seq} (version {version}) was changed, or a row before "
                        "it was removed or added, outside CPLC Desk"
                    ).format(seq=seq, version=version),
                )
            )  # fmt: skip
        prev = stored or link  # one changed row is named once, not every row after it
        latest[(table, record_id)] = (version, seq, digest)
    if gaps_matter:
        high = s.scalar(text("SELECT seq FROM sqlite_sequence WHERE name = 'change_log'")) or 0
        if high > last_seq:
            report.add(_removed(last_seq + 1, high))
    for model in SYNC_MODELS:
        table = model.__tablename__  # type: ignore[attr-defined]
        columns = model.__table__  # type: ignore[attr-defined]
        # Core rows, not ORM objects: the same typed values, a fraction of the cost.
        records = s.execute(
            select(columns)
            .where(columns.c.origin_desk == own_desk)
            .execution_options(yield_per=5000)
        ).mappings()
        for values in records:
            report.records += 1
            for brk in _compare(s, table, values, latest.get((table, values["id"]))):
                report.add(brk)
    return report


def _removed(first: int, last: int) -> RecordBreak:
    rows = str(first) if first == last else f"{first}-{last}"
    return RecordBreak(
        "change_log", "", rows, _("these logged versions were removed outside CPLC Desk")
    )


def _compare(
    s: Session, table: str, values: RowMapping, logged: tuple[int, int, str] | None
) -> Iterator[RecordBreak]:
    record_id = str(values["id"])
    label = str(values.get("number") or record_id)
    version = int(values["version"])
    if logged is None:
        yield RecordBreak(
            table,
            record_id,
            label,
            _("it is not in the change log: it was added outside CPLC Desk"),
        )
        return
    logged_version, seq, digest = logged
    text = image_text(image_values(values.items()))
    if logged_version == version and image_digest(text) == digest:
        return
    image = s.scalar(select(ChangeLog.row_image).where(ChangeLog.seq == seq)) or "{}"
    before, now = json.loads(image), json.loads(text)
    fields = sorted(k for k in before.keys() | now.keys() if before.get(k) != now.get(k))
    if not fields and logged_version == version:
        return  # the same values written another way (an image from a restore or an import)
    yield RecordBreak(
        table, record_id, label,
        _(
            "it differs from the last version CPLC Desk wrote (version {version}) in: {fields}. "
            "It was changed outside CPLC Desk"
        ).format(version=logged_version, fields=", ".join(fields) or "version"),
    )  # fmt: skip
