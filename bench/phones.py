"""Phone reports: checking a handset by its IMEI over a large store, finding the theft report of
a recovered handset whose IMEI carries a one-digit slip, and headquarters' import of phone
reports beside the other kinds.

    python -m bench.phones [--reports 1000000] [--samples 300] [--slips 2000] [--import-records 100000]
    python -m bench.phones --db-url postgresql+psycopg://USER:PASSWORD@HOST/postgres [--reports N]

``verify-phone`` (``services.phones.phones.verify_phone``, what the command calls, with its
audit entry) for IMEIs held and not held, beside raw sqlite3: the same IMEI looked up in both
IMEI columns, and that plus the look-up of the 135 numbers one digit away that the service also
makes. Target: p95 under 20 ms at 1,000,000 reports.

Matching recall: handsets as ``SampleMaker.handset`` makes them (a model's type code, serials
drawn like a popular model's, a valid check digit); a recovered handset registered with one digit
of one IMEI mistyped (kept as typed: the altered-IMEI flag), or a theft report registered with the
slip and the handset recovered with its true IMEI. ``candidates_for`` must put the right report in
its top 3. Target: at least 99%. The mean number of candidates is printed.

Import: ``bench.sync`` for complaints and for phones in the same run (import rate as a share of
raw executemany of the same rows). Target: phones at the same share as the other kinds.

``--db-url``: the handset check only, at headquarters on a PostgreSQL server (a throwaway
database made beside the one named, dropped after), against the same look-ups sent raw through
psycopg (the numbers one digit away bound as an array: ``imei = ANY(%s) OR imei2 = ANY(%s)``).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from bench import pg_server
from bench import sync as sync_bench
from bench.fixtures import fill_phones
from bench.pg_server import RawConnection
from cplc_desk.domain import imei as imeis
from cplc_desk.domain.clock import now_utc
from cplc_desk.domain.phones import PhoneReportDraft
from cplc_desk.domain.records import PersonDraft
from cplc_desk.domain.samples import HANDSETS, SampleMaker, SampleStation
from cplc_desk.paths import DeskPaths
from cplc_desk.services.desk import setup
from cplc_desk.services.desk.context import Actor, DeskContext, open_desk
from cplc_desk.services.phones import phones


def _summary(ms: list[float]) -> str:
    ms = sorted(ms)
    return f"median {statistics.median(ms):.2f} ms, p95 {ms[int(len(ms) * 0.95)]:.2f} ms"


def _raw(raw: RawConnection, number: str, *, near: bool) -> bool:
    found = raw.execute("SELECT id FROM phone_report WHERE imei = ? OR imei2 = ?", (number, number))
    if near and raw.server:
        variants: object = imeis.one_digit_away(number)
        raw.execute(
            "SELECT id FROM phone_report WHERE imei = ANY(?) OR imei2 = ANY(?)",
            (variants, variants),
        )
    elif near:
        variants = json.dumps(imeis.one_digit_away(number))
        raw.execute(
            "SELECT id FROM phone_report WHERE imei IN (SELECT value FROM json_each(?)) "
            "OR imei2 IN (SELECT value FROM json_each(?))",
            (variants, variants),
        )
    return bool(found)


def _not_held(raw: RawConnection, rng: random.Random) -> str:
    while True:
        tac = rng.choice(HANDSETS)[2]
        body = f"{tac}{rng.randrange(1_000_000):06d}"
        number = body + imeis.check_digit(body)
        if not _raw(raw, number, near=False):
            return number


def bench_verify(ctx: DeskContext, raw: RawConnection, samples: int) -> None:
    rng = random.Random(3)
    held = [
        row[0] if row[1] is None or rng.random() < 0.5 else row[1]
        for row in raw.execute(
            "SELECT imei, imei2 FROM phone_report ORDER BY random() LIMIT ?", (samples,)
        )
    ]
    picks = [(n, True) for n in held] + [(_not_held(raw, rng), False) for _ in range(samples)]
    rng.shuffle(picks)
    times: dict[str, list[float]] = {}
    for number, is_held in picks:
        side = "found" if is_held else "not found"
        for label in ("raw exact", "raw exact + near", "verify-phone"):
            t0 = time.perf_counter()
            if label == "verify-phone":
                phones.verify_phone(ctx, number)
            else:
                _raw(raw, number, near=label.endswith("near"))
            times.setdefault(f"{side}, {label}", []).append((time.perf_counter() - t0) * 1000)
    for key in sorted(times):
        target = " (target p95 < 20 ms)" if key.endswith("verify-phone") else ""
        print(f"  {key:34} {_summary(times[key])}{target}")


def _slip(number: str, rng: random.Random) -> str:
    """One digit typed wrong: any position, any other digit."""
    i = rng.randrange(len(number))
    return number[:i] + rng.choice([d for d in "0123456789" if d != number[i]]) + number[i + 1 :]


def bench_recall(ctx: DeskContext, raw: RawConnection, slips: int) -> None:
    rng = random.Random(1102)
    maker = SampleMaker([SampleStation("CLIF", "Clifton")], "CLIF", seed=8)
    now = now_utc()
    thefts = raw.execute(
        "SELECT id, imei, imei2, make, model, colour FROM phone_report "
        "WHERE kind IN ('stolen', 'snatched') AND status = 'open' ORDER BY random() LIMIT ?",
        (slips // 2,),
    )
    hits = first = 0
    shown: list[int] = []
    per_case: dict[str, list[int]] = {"slip in the recovery": [0, 0], "slip in the report": [0, 0]}
    latency: list[float] = []
    cases = 0
    for theft_id, imei, imei2, make, model, colour in thefts:
        # The recovered handset as a volunteer writes it: one IMEI (either slot), one digit off;
        # the colour as the owner named it, most of the time.
        typed = _slip(imei2 if imei2 and rng.random() < 0.5 else imei, rng)
        if imeis.luhn_ok(typed):  # pragma: no cover - Luhn catches every single-digit slip
            continue
        seen = colour if rng.random() < 0.8 else rng.choice(["Black", "Blue", "Grey", "Gold"])
        recovered = replace(maker.phone(now, kind="recovered"), imei=typed, imei2="",
                            imei_altered=True, imei_note="as read from the handset",
                            make=make or "", model=model or "", colour=seen or "")  # fmt: skip
        cases += 1
        hits, first = _score(ctx, recovered, theft_id, per_case["slip in the recovery"],
                             shown, latency, hits, first)  # fmt: skip
    for _ in range(slips - cases):
        # A theft report written with the slip (an old register, the altered flag), the handset
        # recovered and its true IMEI read from it.
        handset = maker.phone(now, kind="snatched")
        report = replace(handset, imei=_slip(handset.imei, rng), imei_altered=True,
                         imei_note="copied from the FIR")  # fmt: skip
        if imeis.luhn_ok(report.imei):  # pragma: no cover
            continue
        theft_id = phones.register_phone_report(ctx, report).id
        recovered = replace(handset, kind="recovered", owner=PersonDraft(), sim_number="")
        cases += 1
        hits, first = _score(ctx, recovered, theft_id, per_case["slip in the report"],
                             shown, latency, hits, first)  # fmt: skip
    print(f"  single-digit slips: {hits}/{cases} right report in the top 3 "
          f"({hits / cases:.2%}; target >= 99%), first {first / cases:.2%}")  # fmt: skip
    for case, (h, t) in per_case.items():
        print(f"    {case:22} {h}/{t} ({h / max(t, 1):.2%})")
    print(f"  candidates per recovered handset: mean {statistics.mean(shown):.2f}, "
          f"max {max(shown)}; candidates_for {_summary(latency)}")  # fmt: skip


def _score(
    ctx: DeskContext,
    recovered: PhoneReportDraft,
    theft_id: str,
    case: list[int],
    shown: list[int],
    latency: list[float],
    hits: int,
    first: int,
) -> tuple[int, int]:
    rid = phones.register_phone_report(ctx, recovered).id
    t0 = time.perf_counter()
    got = [c.id for c in phones.candidates_for(ctx, rid)]
    latency.append((time.perf_counter() - t0) * 1000)
    shown.append(len(got))
    hit = theft_id in got[:3]
    case[0] += hit
    case[1] += 1
    return hits + hit, first + (bool(got) and got[0] == theft_id)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.phones")
    parser.add_argument("--reports", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=300)
    parser.add_argument("--slips", type=int, default=2_000)
    parser.add_argument("--import-records", type=int, default=100_000)
    parser.add_argument("--db-url", help="the check at headquarters on a PostgreSQL server")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="cplc-bench-phones-"))
    if args.db_url:
        try:
            with pg_server.fresh_databases(args.db_url, 1) as (url,):
                _on_server(root, url, args.reports, args.samples)
        finally:
            shutil.rmtree(root, ignore_errors=True)
        return
    try:
        ctx = open_desk(DeskPaths(root / "desk"), actor=Actor("bench"))
        setup.init_station(ctx, "CLIF")
        t0 = time.perf_counter()
        fill_phones(ctx, args.reports)
        print(f"fixture: {args.reports:,} phone reports in {time.perf_counter() - t0:.0f} s")
        raw = RawConnection(ctx.paths.database, None)
        print(f"verify-phone over {args.reports:,} reports, {args.samples} IMEIs held and "
              f"{args.samples} not (each with its audit entry):")  # fmt: skip
        bench_verify(ctx, raw, args.samples)
        print(f"matching over the same store, {args.slips:,} recovered handsets:")
        bench_recall(ctx, raw, args.slips)
        raw.close()
        ctx.close()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    if args.import_records:
        print("headquarters' import, complaints then phones, the same run:")
        sync_bench.main(["--records", str(args.import_records), "--kind", "complaints",
                         "--kind", "phones"])  # fmt: skip


def _on_server(root: Path, url: str, reports: int, samples: int) -> None:
    ctx = open_desk(DeskPaths(root / "hq"), actor=Actor("helpline"), url=url)
    setup.init_hq(ctx, "Bench HQ")
    t0 = time.perf_counter()
    fill_phones(ctx, reports, station_codes=["CLIF", "FERO", "SADD"])
    pg_server.vacuum_analyze(ctx.store.engine)
    print(f"fixture: {reports:,} phone reports on a server in {time.perf_counter() - t0:.0f} s")
    raw = RawConnection(ctx.paths.database, url)
    print(f"verify-phone over {reports:,} reports, {samples} IMEIs held and {samples} not "
          f"(each with its audit entry), raw look-ups through psycopg:")  # fmt: skip
    bench_verify(ctx, raw, samples)
    raw.close()
    ctx.close()


if __name__ == "__main__":
    main(sys.argv[1:])
