"""The audit trail indexed by desk and sequence: appending an entry looks up its desk's newest
one, which without this index walks past every newer entry of other desks (at headquarters, the
stations' merged trails), a cost each check paid during a large import.

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 00:20:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_index("ix_audit_log_desk_seq", "audit_log", ["desk_code", "seq"])


def downgrade() -> None:
    op.drop_index("ix_audit_log_desk_seq", table_name="audit_log")
