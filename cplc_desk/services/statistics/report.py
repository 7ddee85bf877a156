"""Computing a statistics report (docs/statistics.md) and drilling into one of its figures."""

from __future__ import annotations

from collections.abc import Callable

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.i18n import _
from cplc_desk.domain.roles import Permission
from cplc_desk.domain.statistics import (
    Category,
    CategoryRow,
    Month,
    RecordBehind,
    StatisticsError,
    StatisticsReport,
    StatisticsRequest,
)
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.services.statistics import assemble, categories, counting, scope, tally
from cplc_desk.services.statistics.publication import published, with_changes
from cplc_desk.storage import replica

Progress = Callable[[int, int], None]
_STEPS = len(categories.SOURCES) * 2 + 2


def compute(
    ctx: DeskContext, request: StatisticsRequest, progress: Progress | None = None
) -> StatisticsReport:
    """The report asked for, audited. ``progress(done, total)`` is called between steps (from
    the calling thread; it must not touch widgets directly)."""
    ctx.require(Permission.SEARCH)
    identity = ctx.require_identity()
    if request.to_month is not None and request.to_month < request.month:
        raise StatisticsError(_("The last month comes before the first. Swap them."))
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, _STEPS)

    # From the read replica when this workstation has one (storage/replica.py).
    with ctx.store.analysis(), ctx.store.read() as s:
        source = replica.note(s.info)
        where = scope.resolve(s, identity, request)
        req = where.request
        catalogue = categories.load(s)
        periods = assemble.Periods.of(req)
        window = (periods.earliest().start_utc(), req.last.shift(1).start_utc())
        asked = (req.month.start_utc(), req.last.shift(1).start_utc())
        counts = tally.gather(s, catalogue, window, asked, where.stations, step)
        as_of = scope.as_of(s, where)
    cats = catalogue.categories
    rows = assemble.rows(cats, counts, periods)
    matrix = assemble.matrix(cats, counts, periods, where.areas, req.public)
    if identity.is_station:  # the areas its records are about, not the whole city's
        matrix = [m for m in matrix if m.total]
    district_names = {d.code: d.name for d in where.areas.districts}
    notes, rows = _footnotes(req, cats, rows, as_of.silent_stations)
    if source is not None:
        notes.append(source)
    report = StatisticsReport(
        request=req,
        scope_label=where.label,
        as_of=as_of,
        categories=cats,
        rows=tuple(rows),
        recovery=tuple(assemble.recovery(rows)),
        matrix=tuple(matrix),
        trend=tuple(assemble.trend(cats, counts, periods)),
        hour_day=assemble.hour_day(cats, counts, rows),
        makes=tuple(assemble.makes(cats, counts)),
        stations=tuple(assemble.ranked(matrix, district_names)),
        footnotes=tuple(notes),
        scope_names=where.names,
    )
    publication = published(ctx, req)
    if publication is not None:
        report = with_changes(report, publication)
    step()
    with ctx.audit_unit() as s:
        ctx.audit(s, AuditAction.STATISTICS_PRODUCED, details=_audit_details(req))
    step()
    return report


def _audit_details(req: StatisticsRequest) -> dict[str, object]:
    return {
        "month": str(req.month),
        "to_month": str(req.last),
        "scope": req.scope_key(),
        "public": req.public,
    }


def _footnotes(
    req: StatisticsRequest,
    cats: tuple[Category, ...],
    rows: list[CategoryRow],
    silent: tuple[str, ...],
) -> tuple[list[str], list[CategoryRow]]:
    notes = [
        _(
            "Counted by the month of the incident in Pakistan time (the registration date when "
            "the incident date is unknown). Deleted, withdrawn and duplicate records are left out; "
            "a vehicle or handset reported at two stations is counted once."
        ),
        _("Changes are shown as a number first; a percentage is left out when the base is 0."),
    ]
    if silent:
        notes.append(
            _("No bundle covering the month has come from {n} station(s) yet: {codes}.").format(
                n=len(silent), codes=", ".join(silent)
            )
        )
    if req.public:
        sensitive = {c.code for c in cats if c.sensitive}
        notes.append(
            _(
                "For the public: station figures below 3 for kidnapping, kidnapping for ransom "
                "and extortion are not shown, so that no victim can be recognised."
            )
        )
        if req.station:
            rows = [
                r
                for r in rows
                if r.category not in sensitive
                or min(r.count, r.previous_month, r.same_month_last_year) >= 3
            ]
    return notes, rows


def records_behind(
    ctx: DeskContext,
    request: StatisticsRequest,
    category: str,
    station: str | None = None,
    month: Month | None = None,
) -> list[RecordBehind]:
    """The records one figure counts (no personal data), audited as a look-up: ``station``
    narrows to one station, ``month`` to one month (default: the request's months)."""
    ctx.require(Permission.SEARCH)
    identity = ctx.require_identity()
    with ctx.store.analysis(), ctx.store.read() as s:
        where = scope.resolve(s, identity, request)
        catalogue = categories.load(s)
        stations = where.stations
        if station is not None:
            code = station.strip().upper()
            if stations is not None and code not in stations:
                return []
            stations = (code,)
        first, last = (month, month) if month else (where.request.month, where.request.last)
        start, end = first.start_utc(), last.shift(1).start_utc()
        out: list[RecordBehind] = []
        for source in categories.SOURCES:
            pairs = _pairs(catalogue, source, category)
            for row in counting.rows_behind(s, source, start, end, stations, pairs):
                rid, number, _cls, _kind, ps, when, status = row
                out.append(RecordBehind(source, rid, number, category, ps, when, status))
    with ctx.audit_unit() as s:
        details = _audit_details(where.request) | {
            "category": category,
            "station": station,
            "records": len(out),
        }
        ctx.audit(s, AuditAction.STATISTICS_LOOKED_UP, details=details)
    return out


def _pairs(catalogue: categories.Catalogue, source: str, category: str) -> list[tuple[str, str]]:
    if source == "vehicle_report":
        return [(c, k) for (c, k), code in catalogue.vehicle.items() if code == category]
    table = catalogue.phone if source == "phone_report" else catalogue.complaint
    return [("", k) for k, code in table.items() if code == category]
