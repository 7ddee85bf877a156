"""A headquarters on a real server and a stand-in for its streaming standby: a copy of the
primary database (``CREATE DATABASE ... TEMPLATE``) holding one complaint more, so a read tells
which database it went to (tests of storage/replica.py)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pg_server import drop_database, require_server
from sqlalchemy import Engine, create_engine, make_url, text

from cplc_desk.domain.ids import uuid7
from cplc_desk.domain.records import name_key
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.storage.models import Complaint, Person

IN_BOTH = "CLIF-C-2026-1111111"
ONLY_THERE = "CLIF-C-2026-7777777"
CNIC_ONLY_THERE = "42101-7777777-1"


@dataclass
class Pair:
    primary: str  # URLs with the password
    replica: str
    admin: Engine  # on the server's maintenance database, autocommit

    def drop_replica(self) -> None:
        with self.admin.connect() as conn:
            drop_database(conn, str(make_url(self.replica).database), if_exists=False)


def _url(name: str) -> str:
    return make_url(require_server()).set(database=name).render_as_string(hide_password=False)


@contextmanager
def replica_pair(tmp_path: Path) -> Iterator[Pair]:
    """A set-up headquarters with IN_BOTH on the primary, and the copy with ONLY_THERE too
    (about Clifton, stolen in October 2026); both dropped afterwards."""
    admin = create_engine(require_server(), isolation_level="AUTOCOMMIT")
    names = [f"cplc_test_{uuid.uuid4().hex[:10]}" for _ in range(2)]
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{names[0]}"'))
    try:
        hq = open_desk(DeskPaths(tmp_path / "made"), actor=Actor("admin"), url=_url(names[0]))
        setup.init_hq(hq, "CPLC Central")
        add_complaint(hq, "42101-1111111-1")
        hq.close()
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{names[1]}" TEMPLATE "{names[0]}"'))
        there = open_desk(DeskPaths(tmp_path / "there"), actor=Actor("admin"), url=_url(names[1]))
        add_complaint(there, CNIC_ONLY_THERE)
        there.close()
        yield Pair(_url(names[0]), _url(names[1]), admin)
    finally:
        with admin.connect() as conn:
            for name in names:
                drop_database(conn, name)
        admin.dispose()


def add_complaint(ctx: DeskContext, cnic: str) -> None:
    """A theft complaint at Clifton in October 2026, numbered after the CNIC's middle part."""
    with ctx.unit_of_work() as s:
        person = Person(id=uuid7(), name="Bilal Ahmed", name_key=name_key("Bilal Ahmed"), cnic=cnic)
        s.add(person)
        s.flush()
        s.add(
            Complaint(
                id=uuid7(), number=f"CLIF-C-2026-{cnic[6:13]}", complainant_id=person.id,
                category_code="THEFT", police_station_code="CLIF",
                incident_at=datetime(2026, 10, 8, 8, tzinfo=UTC),
                narrative="Reported at the desk.", status="registered", origin_desk="CLIF",
            )
        )  # fmt: skip
