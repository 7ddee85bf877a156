"""Headquarters' city-wide phone checks on a real merged store: a handset recovered at one
station and reported stolen at another (by either IMEI, one digit off for a patched number), and
the same handset reported stolen twice."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from hq_city import City, build_city

from cplc_desk.domain import imei
from cplc_desk.domain.phones import PhoneReportDraft
from cplc_desk.domain.records import PersonDraft
from cplc_desk.domain.roles import Role
from cplc_desk.services.desk.context import Actor, PermissionDeniedError
from cplc_desk.services.phones import hq_phones, phones
from cplc_desk.services.phones.hq_phones import ImeiLink

CODES = ("CLIF", "SADD", "FERO")


def valid(body: str) -> str:
    return body + imei.check_digit(body)


SAMSUNG, SECOND = "490154203237518", "356938035643809"
TECNO = valid("35391805412421")
INFINIX = valid("86012345678901")
CLONED = valid("35000000000001")  # the number a batch of cheap handsets all carry


@pytest.fixture
def city(tmp_path: Path, template_store: Path) -> Iterator[City]:
    c = build_city(tmp_path, template_store, CODES)
    yield c
    c.close()


def phone(city: City, code: str, kind: str, first: str, second: str = "", **more: object) -> str:
    owner = PersonDraft(name="Ayesha Siddiqui") if kind in ("stolen", "snatched") else PersonDraft()
    values: dict[str, object] = {"kind": kind, "imei": first, "imei2": second,
                                 "police_station": code, "owner": owner}  # fmt: skip
    values.update(more)
    draft = PhoneReportDraft(**values)  # type: ignore[arg-type]
    return phones.register_phone_report(city.stations[code], draft).id


def test_a_handset_recovered_at_another_station_is_found_by_either_imei(city: City) -> None:
    theft = phone(city, "CLIF", "snatched", SAMSUNG, SECOND)
    phone(city, "CLIF", "stolen", TECNO)
    found = phone(city, "SADD", "found", SECOND)  # its first IMEI is the report's second
    own = phone(city, "CLIF", "recovered", TECNO)  # Clifton matches its own theft itself
    patched_theft = phone(city, "FERO", "stolen", INFINIX)
    slip = INFINIX[:5] + str((int(INFINIX[5]) + 1) % 10) + INFINIX[6:]
    patched = phone(city, "SADD", "recovered", slip, imei_altered=True, imei_note="patched")
    city.send(*CODES)

    matches = hq_phones.recovered_elsewhere(city.hq)
    pairs = [(m.recovery.id, m.theft.id, m.links, m.exact) for m in matches]
    assert pairs == [
        (found, theft, (ImeiLink("imei", "imei2", True),), True),
        (patched, patched_theft, (ImeiLink("imei", "imei", False),), False),
    ]
    assert own not in {m.recovery.id for m in matches}
    assert matches[0].recovery.origin_desk == "SADD" and matches[0].theft.origin_desk == "CLIF"


def test_the_same_handset_reported_twice_is_a_probable_duplicate(city: City) -> None:
    first = phone(city, "CLIF", "stolen", SAMSUNG, SECOND)
    second = phone(city, "FERO", "snatched", SECOND, SAMSUNG)  # the SIMs written the other way
    again = phone(city, "SADD", "stolen", TECNO)
    again_here = phone(city, "SADD", "stolen", TECNO)
    phone(city, "SADD", "stolen", INFINIX)
    phone(city, "CLIF", "found", SAMSUNG)  # a recovery is no duplicate of a theft
    city.send(*CODES)

    pairs = hq_phones.probable_duplicates(city.hq)
    assert [(p.first.id, p.second.id, p.other_station) for p in pairs] == [
        (first, second, True), (again, again_here, False),
    ]  # fmt: skip
    assert set(pairs[0].links) == {ImeiLink("imei", "imei2", True), ImeiLink("imei2", "imei", True)}


def test_a_cloned_imei_shared_by_dozens_of_reports_pairs_nothing(city: City) -> None:
    for n in range(hq_phones.MAX_SHARED + 1):
        phone(city, CODES[n % 3], "stolen", CLONED, valid(f"3500000001{n:04d}"))
    phone(city, "FERO", "recovered", CLONED)
    city.send(*CODES)
    assert hq_phones.probable_duplicates(city.hq) == []
    assert hq_phones.recovered_elsewhere(city.hq) == []


def test_phone_city_checks_need_the_city_view(city: City) -> None:
    city.hq.actor = Actor("someone", Role.VOLUNTEER)
    with pytest.raises(PermissionDeniedError):
        hq_phones.probable_duplicates(city.hq)
    with pytest.raises(PermissionDeniedError):
        hq_phones.recovered_elsewhere(city.hq)
