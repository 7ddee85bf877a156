"""Alembic environment: runs on the connection the app hands over, or on a URL (developers)."""

from __future__ import annotations

from alembic import context

from cplc_desk.storage.db import make_engine
from cplc_desk.storage.migrate import compared
from cplc_desk.storage.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=compared,  # what the models leave to migrations
        render_as_batch=True,  # SQLite cannot ALTER most things: rebuild tables instead
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:
    url = context.get_x_argument(as_dictionary=True).get("url") or config.get_main_option(
        "sqlalchemy.url"
    )
    engine = make_engine(url)
    with engine.connect() as conn:
        _run(conn)
        conn.commit()
    engine.dispose()
