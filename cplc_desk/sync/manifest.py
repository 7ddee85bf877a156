"""The fields of a bundle manifest, checked before anything in the bundle is trusted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from cplc_desk.sync import container
from cplc_desk.sync.errors import SyncError


@dataclass(frozen=True)
class Manifest:
    format: int
    kind: str
    station: str
    site_id: str
    sequence: int
    previous: str | None
    key_id: str
    public_key: str
    enrollment_id: str
    enrollment_proof: str
    change_count: int
    audit_count: int
    records: dict[str, int]
    columns: dict[str, list[str]]
    created_at: datetime
    app_version: str
    schema: str
    # The station's change-log chain links before and after this bundle's changes (None from
    # stations before it was kept).
    change_chain: tuple[str, str] | None = None

    @classmethod
    def parse(cls, fields: dict[str, Any], known_schemas: set[str]) -> Manifest:
        try:
            fmt = int(fields["format"])
        except (KeyError, TypeError, ValueError):
            raise _invalid() from None
        if fmt > container.BUNDLE_FORMAT:
            raise SyncError("format_too_new", "bundle.format_too_new", n=fmt)
        try:
            manifest = cls(
                format=fmt,
                kind=_text(fields["kind"]),
                station=_text(fields["station"]),
                site_id=_text(fields["site_id"]),
                sequence=_int(fields["sequence"]),
                previous=None if fields["previous"] is None else _text(fields["previous"]),
                key_id=_text(fields["key_id"]),
                public_key=_text(fields["public_key"]),
                enrollment_id=_text(fields["enrollment_id"]),
                enrollment_proof=_text(fields["enrollment_proof"]),
                change_count=_int(fields["changes"]["count"]),
                audit_count=_int(fields["audit"]["count"]),
                records={str(k): _int(v) for k, v in dict(fields["records"]).items()},
                columns={
                    _text(t): [_text(c) for c in list(cols)]
                    for t, cols in dict(fields["columns"]).items()
                },
                created_at=datetime.fromisoformat(_text(fields["created_at"])),
                app_version=_text(fields["app_version"]),
                schema=_text(fields["schema"]),
                change_chain=_chain(fields.get("change_chain")),
            )
            dict(fields["members"])
        except (KeyError, TypeError, ValueError, AttributeError):
            raise _invalid() from None
        if manifest.kind != "delta" or manifest.sequence < 1 or manifest.created_at.tzinfo is None:
            raise _invalid()
        if manifest.schema not in known_schemas:
            raise SyncError("schema_too_new", schema=manifest.schema)
        return manifest


def _invalid() -> SyncError:
    return SyncError("damaged", "bundle.manifest_invalid")


def _chain(value: Any) -> tuple[str, str] | None:
    if value is None:
        return None
    link_from, link_to = _text(value["from"]), _text(value["to"])
    if len(link_from) != 64 or len(link_to) != 64:
        raise ValueError(value)
    return link_from, link_to


def _text(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 200:
        raise ValueError(value)
    return value


def _int(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise ValueError(value)
    return value
