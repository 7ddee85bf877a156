"""A headquarters' server in the data folder's configuration (never its password) and
headquarters' keys sealed with a passphrase for a further workstation: no server needed."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from cplc_desk.domain.roles import Role
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import server, setup
from cplc_desk.services.desk.context import Actor, DeskContext, PermissionDeniedError, open_desk
from cplc_desk.services.hq import key_export
from cplc_desk.sync import keys

PASSPHRASE = "correct horse battery"


@pytest.fixture
def hq(ctx: DeskContext) -> DeskContext:
    setup.init_hq(ctx, "CPLC Central")
    return ctx


def _other_workstation(tmp_path: Path) -> DeskContext:
    other = open_desk(DeskPaths(tmp_path / "other"), actor=Actor("admin"))
    setup.init_hq(other, "CPLC Central")
    for name in key_export.KEY_FILES:  # as a joined workstation: no keys of its own
        (other.paths.keys / name).unlink()
    return other


def test_the_written_url_never_carries_the_password(tmp_path: Path) -> None:
    paths = DeskPaths(tmp_path / "ws")
    paths.ensure()
    url = server.parse_url("postgresql://clerk:s3cret-Pw@db.hq.local:5433/cplc_hq")
    assert url.drivername == "postgresql+psycopg" and url.password == "s3cret-Pw"
    path = server.write_config(paths, url)
    written = path.read_text(encoding="utf-8")
    assert "s3cret-Pw" not in written
    assert json.loads(written)["url"] == "postgresql+psycopg://clerk@db.hq.local:5433/cplc_hq"
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0
    read = server.read_config(paths)
    assert read is not None and read.password is None and read.database == "cplc_hq"
    assert server.describe(read) == "clerk@db.hq.local:5433/cplc_hq"


def test_the_password_comes_from_the_environment_when_the_url_has_none(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    url = server.parse_url("postgresql+psycopg://clerk@db/cplc_hq")
    monkeypatch.delenv(server.ENV_DB_PASSWORD, raising=False)
    assert server.with_password(url).password is None  # libpq's password file then
    monkeypatch.setenv(server.ENV_DB_PASSWORD, "from-env")
    assert server.with_password(url).password == "from-env"
    given = server.parse_url("postgresql+psycopg://clerk:given@db/cplc_hq")
    assert server.with_password(given).password == "given"


@pytest.mark.parametrize(
    "bad",
    ["sqlite:///x.db", "not a url", "postgresql+psycopg://db/cplc_hq", "postgresql://clerk@db/"],
)
def test_a_bad_server_url_is_refused_with_the_form_to_give(bad: str) -> None:
    with pytest.raises(server.ServiceError) as err:
        server.parse_url(bad)
    assert "postgresql+psycopg://USER@HOST" in str(err.value)


def test_a_damaged_configuration_says_how_to_write_it_again(tmp_path: Path) -> None:
    paths = DeskPaths(tmp_path / "ws")
    paths.ensure()
    server.config_path(paths).write_text("{not json", encoding="utf-8")
    with pytest.raises(server.ServiceError, match="is damaged"):
        open_desk(paths)


def test_a_data_folder_holding_a_desk_is_not_turned_into_a_servers(station: DeskContext) -> None:
    with pytest.raises(server.ServiceError, match="already holds a desk"):
        server.refuse_if_sqlite_desk(station.paths)


def test_sealed_keys_open_only_with_their_passphrase(hq: DeskContext, tmp_path: Path) -> None:
    sealed = key_export.export_keys(hq, tmp_path / "hq.cplckeys", PASSPHRASE)
    body = sealed.read_bytes()
    assert b"PRIVATE KEY" not in body
    for name in key_export.KEY_FILES:
        assert (hq.paths.keys / name).read_bytes() not in body
    other = _other_workstation(tmp_path)
    try:
        with pytest.raises(key_export.ServiceError, match="passphrase does not open"):
            key_export.import_keys(other, sealed, PASSPHRASE + "!")
        assert not (other.paths.keys / keys.HQ_SIGNING).exists()
        # A changed header (say, weaker scrypt parameters) does not open either.
        doc = json.loads(body)
        header = json.loads(doc["header"])
        header["signing_key"] = "0" * 16
        doc["header"] = json.dumps(header, sort_keys=True)
        tampered = tmp_path / "tampered.cplckeys"
        tampered.write_text(json.dumps(doc), encoding="utf-8")
        with pytest.raises(key_export.ServiceError, match="passphrase does not open"):
            key_export.import_keys(other, tampered, PASSPHRASE)
        assert key_export.import_keys(other, sealed, PASSPHRASE) == key_export.KEY_FILES
        for name in key_export.KEY_FILES:
            assert (other.paths.keys / name).read_bytes() == (hq.paths.keys / name).read_bytes()
        assert key_export.import_keys(other, sealed, PASSPHRASE) == ()  # again: nothing to do
    finally:
        other.close()


def test_keys_are_not_sealed_with_a_short_passphrase_or_by_an_analyst(
    hq: DeskContext, tmp_path: Path
) -> None:
    with pytest.raises(key_export.ServiceError, match="too short"):
        key_export.export_keys(hq, tmp_path / "k", "short")
    hq.actor = Actor("analyst1", Role.HQ_ANALYST)
    with pytest.raises(PermissionDeniedError):
        key_export.export_keys(hq, tmp_path / "k", PASSPHRASE)
    assert not (tmp_path / "k").exists()


def test_a_file_that_is_no_sealed_key_file_is_refused(hq: DeskContext, tmp_path: Path) -> None:
    junk = tmp_path / "junk.cplckeys"
    junk.write_text('{"header": "{}", "nonce": "", "sealed": ""}', encoding="utf-8")
    with pytest.raises(key_export.ServiceError, match="not a sealed key file"):
        key_export.import_keys(hq, junk, PASSPHRASE)


def test_the_read_replica_is_written_without_its_password_and_kept_on_rewrites(
    tmp_path: Path,
) -> None:
    paths = DeskPaths(tmp_path / "ws")
    paths.ensure()
    primary = server.parse_url("postgresql://clerk:s3cret-Pw@db.hq.local/cplc_hq")
    server.write_config(paths, primary)
    assert server.read_replica(paths) is None
    standby = server.parse_url("postgresql://analyst:0ther-Pw@standby.hq.local:5433/cplc_hq")
    server.write_read_replica(paths, standby)
    written = server.config_path(paths).read_text(encoding="utf-8")
    assert "0ther-Pw" not in written and "s3cret-Pw" not in written
    replica = server.read_replica(paths)
    assert replica is not None and replica.password is None
    assert server.describe(replica) == "analyst@standby.hq.local:5433/cplc_hq"
    server.write_config(paths, primary)  # as join-hq writes the server again: the replica stays
    assert server.read_replica(paths) == replica
    server.write_read_replica(paths, None)
    assert "read_url" not in json.loads(server.config_path(paths).read_text(encoding="utf-8"))
    data = json.loads(server.config_path(paths).read_text(encoding="utf-8"))
    server.config_path(paths).write_text(json.dumps({**data, "read_url": "nonsense"}), "utf-8")
    with pytest.raises(server.ServiceError, match="names a read replica") as damaged:
        server.read_replica(paths)
    assert damaged.value.code == "bad_read_replica"


def test_a_desk_on_its_own_file_has_no_read_replica(hq: DeskContext) -> None:
    from cplc_desk.services.desk import read_replica

    with pytest.raises(server.ServiceError) as refused:
        read_replica.set_read_url(hq, "postgresql+psycopg://analyst@standby/cplc_hq")
    assert refused.value.code == "not_on_server"
    assert hq.store.replica is None
