"""A complaint's searchable words kept on the complaint itself, on a PostgreSQL server: its
narrative's and its complainant's names' words in one ``tsvector`` column, ``search_words``,
with one GIN index, kept by triggers (docs/postgresql.md, "Search on the server").

Migration 0013 indexed the narratives and the names apart, so a word search asked, for each
word typed, "in the narrative, or the complainant is one of the people whose names hold it".
For a first name half the city shares ("ali") that list of people ran to hundreds of thousands,
and "ali raza" took 3 s over 1,000,000 complaints. One column holding both answers every word
typed with one index look-up, and a common word with a walk newest first that stops after a
page: the column is read, not computed, row by row.

- ``search_words`` is ``cplc_search_vector(narrative || ' ' || name || ' ' || relative_name)``:
  the words SQLite's full-text index keeps of the same complaint (migration 0003 indexes the
  narrative and the names), so both stores find the same complaints.
- A trigger on complaint fills it on insert (COPY fires it too) and when the narrative or the
  complainant changes; one on person refills a person's complaints when the names change.
- 0013's two word indexes are dropped: nothing searches through them now.
- Existing complaints are filled in here: at 1,000,000 this is a long step of the upgrade.

Nothing is done on SQLite, or on a server without 0013's functions (not UTF8).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 01:50:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NAMES = "{p}.name || ' ' || coalesce({p}.relative_name, '')"
_OLD_INDEXES = (
    ("ix_complaint_narrative_words", "complaint USING gin ({s}.cplc_search_vector(narrative))"),
    (
        "ix_person_name_words",
        "person USING gin ({s}.cplc_search_vector(name || ' ' || coalesce(relative_name, '')))",
    ),
)


def _schema() -> str:
    name = op.get_bind().exec_driver_sql("SELECT current_schema()").scalar()
    return '"' + str(name).replace('"', '""') + '"'


def _has_search(schema: str) -> bool:
    found = op.get_bind().exec_driver_sql(
        "SELECT to_regprocedure(%s) IS NOT NULL", (f"{schema}.cplc_search_vector(text)",)
    )
    return bool(found.scalar())


def _words(schema: str, narrative: str, names: str) -> str:
    return f"{schema}.cplc_search_vector(coalesce({narrative}, '') || ' ' || coalesce({names}, ''))"


def _statements(s: str) -> list[str]:
    # Names carry the schema: the triggers run whatever the session's search_path.
    person_names = (
        f"(SELECT {_NAMES.format(p='p')} FROM {s}.person p WHERE p.id = NEW.complainant_id)"
    )
    return [
        "ALTER TABLE complaint ADD COLUMN search_words tsvector",
        f"CREATE FUNCTION {s}.cplc_complaint_words() RETURNS trigger LANGUAGE plpgsql AS $f$\n"
        f"BEGIN\n    NEW.search_words := {_words(s, 'NEW.narrative', person_names)};\n"
        "    RETURN NEW;\nEND\n$f$",
        "CREATE TRIGGER complaint_search_words BEFORE INSERT OR UPDATE OF narrative, "
        f"complainant_id ON complaint FOR EACH ROW EXECUTE FUNCTION {s}.cplc_complaint_words()",
        f"CREATE FUNCTION {s}.cplc_person_words() RETURNS trigger LANGUAGE plpgsql AS $f$\n"
        f"BEGIN\n    UPDATE {s}.complaint c SET search_words = "
        f"{_words(s, 'c.narrative', _NAMES.format(p='NEW'))} WHERE c.complainant_id = NEW.id;\n"
        "    RETURN NULL;\nEND\n$f$",
        "CREATE TRIGGER person_search_words AFTER UPDATE OF name, relative_name ON person "
        "FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name OR OLD.relative_name IS "
        f"DISTINCT FROM NEW.relative_name) EXECUTE FUNCTION {s}.cplc_person_words()",
        f"UPDATE complaint c SET search_words = {_words(s, 'c.narrative', _NAMES.format(p='p'))} "
        "FROM person p WHERE p.id = c.complainant_id",
        "CREATE INDEX ix_complaint_search_words ON complaint USING gin (search_words)",
        *(f"DROP INDEX {name}" for name, _ in _OLD_INDEXES),
    ]


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = _schema()
    if not _has_search(schema):
        return  # 0013 made nothing here (not UTF8): plain matching stays
    for statement in _statements(schema):
        bind.exec_driver_sql(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        return
    schema = _schema()
    if not _has_search(schema):
        return
    for statement in (
        "DROP TRIGGER IF EXISTS person_search_words ON person",
        "DROP TRIGGER IF EXISTS complaint_search_words ON complaint",
        f"DROP FUNCTION IF EXISTS {schema}.cplc_person_words()",
        f"DROP FUNCTION IF EXISTS {schema}.cplc_complaint_words()",
        "ALTER TABLE complaint DROP COLUMN IF EXISTS search_words",
        *(f"CREATE INDEX {n} ON {t.format(s=schema)}" for n, t in _OLD_INDEXES),
    ):
        bind.exec_driver_sql(statement)
