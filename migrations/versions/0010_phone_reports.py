"""Phone reports: handsets stolen, snatched, recovered or found, known by their IMEIs (one or
two: dual-SIM handsets have two), the third crime database beside complaints and vehicles.

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-06 07:20:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import cplc_desk.storage.types

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _moment() -> sa.types.TypeEngine:  # type: ignore[type-arg]
    return cplc_desk.storage.types.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "phone_report",
        sa.Column("number", sa.String(length=24), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("imei", sa.String(length=15), nullable=False),
        sa.Column("imei2", sa.String(length=15), nullable=True),
        sa.Column("imei_altered", sa.Boolean(), nullable=False),
        sa.Column("imei_note", sa.String(length=500), nullable=True),
        sa.Column("make", sa.String(length=60), nullable=True),
        sa.Column("model", sa.String(length=60), nullable=True),
        sa.Column("colour", sa.String(length=40), nullable=True),
        sa.Column("sim_number", sa.String(length=20), nullable=True),
        sa.Column("owner_id", sa.String(length=36), nullable=True),
        sa.Column("incident_at", _moment(), nullable=True),
        sa.Column("incident_place", sa.String(length=200), nullable=True),
        sa.Column("police_station_code", sa.String(length=8), nullable=False),
        sa.Column("fir_number", sa.String(length=40), nullable=True),
        sa.Column("fir_key", sa.String(length=40), nullable=True),
        sa.Column("fir_date", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("matched_report_id", sa.String(length=36), nullable=True),
        sa.Column("legacy_key", sa.String(length=64), nullable=True),
        sa.Column("legacy_ref", sa.String(length=40), nullable=True),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("origin_desk", sa.String(length=8), nullable=False),
        sa.Column("created_at", _moment(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.Column("updated_at", _moment(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("deleted_at", _moment(), nullable=True),
        sa.Column("deleted_by", sa.String(length=64), nullable=True),
        sa.Column("sync_hash", sa.String(length=64), nullable=True),
        sa.ForeignKeyConstraint(
            ["matched_report_id"],
            ["phone_report.id"],
            name=op.f("fk_phone_report_matched_report_id_phone_report"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_id"], ["person.id"], name=op.f("fk_phone_report_owner_id_person")
        ),
        sa.ForeignKeyConstraint(
            ["police_station_code"],
            ["ref_police_station.code"],
            name=op.f("fk_phone_report_police_station_code_ref_police_station"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_phone_report")),
        sa.UniqueConstraint("legacy_key", name=op.f("uq_phone_report_legacy_key")),
        sa.UniqueConstraint("number", name=op.f("uq_phone_report_number")),
    )
    for columns in (
        ["created_at"], ["police_station_code", "created_at", "id"], ["kind"], ["imei"],
        ["imei2"], ["owner_id"], ["police_station_code"], ["fir_key"], ["status"],
        ["origin_desk"],
    ):  # fmt: skip
        name = "ix_phone_report_" + ("station_created" if len(columns) == 3 else columns[0])
        op.create_index(op.f(name), "phone_report", columns, unique=False)


def downgrade() -> None:
    op.drop_table("phone_report")  # its indexes go with it
