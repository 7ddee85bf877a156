"""A statistics report written out: one JSON object, CSV, an Excel workbook (openpyxl) or the
PDF (printing/statistics_pdf.py). Figures and names of places only: no personal data."""

from __future__ import annotations

import csv
import io
from dataclasses import asdict
from pathlib import Path
from typing import Any

from cplc_desk.domain.enums import AuditAction
from cplc_desk.domain.i18n import _
from cplc_desk.domain.statistics import StatisticsError, StatisticsReport
from cplc_desk.services.desk.context import DeskContext
from cplc_desk.sync.files import write_atomically

FORMATS = ("json", "csv", "xlsx", "pdf")
ROW_FIGURES = (
    "count",
    "previous_month",
    "same_month_last_year",
    "year_to_date",
    "previous_year_to_date",
)


def to_json(report: StatisticsReport) -> dict[str, Any]:
    """The whole report as one JSON-ready object: ``month`` and ``rows`` first."""
    req = report.request
    return {
        "month": str(req.month),
        "to_month": str(req.last),
        "scope": req.scope_key(),
        "scope_name": report.scope_label,
        "public": req.public,
        "rows": [asdict(r) for r in report.rows],
        "as_of": {
            "computed_at": report.as_of.computed_at.isoformat(),
            "bundles": report.as_of.bundles,
            "silent_stations": list(report.as_of.silent_stations),
        },
        "recovery": [asdict(r) for r in report.recovery],
        "matrix": [asdict(r) for r in report.matrix],
        "trend": [asdict(t) for t in report.trend],
        "hour_day": asdict(report.hour_day),
        "makes": [asdict(m) for m in report.makes],
        "stations": [asdict(s) for s in report.stations],
        "footnotes": list(report.footnotes),
        "publication": _publication(report),
    }


def _publication(report: StatisticsReport) -> dict[str, Any] | None:
    p = report.publication
    if p is None:
        return None
    return asdict(p) | {"published_at": p.published_at.isoformat()}


def _change(value: Any) -> tuple[int, str]:
    return value.absolute, "" if value.percent is None else f"{value.percent:.1f}"


def _row_cells(report: StatisticsReport) -> list[list[Any]]:
    header = ["category", "name", *ROW_FIGURES, "change_vs_previous_month"]
    header += ["change_vs_previous_month_percent", "change_vs_last_year"]
    header += ["change_vs_last_year_percent", "change_year_to_date"]
    header += ["change_year_to_date_percent"]
    out: list[list[Any]] = [header]
    for r in report.rows:
        cells: list[Any] = [r.category, r.name, *(getattr(r, f) for f in ROW_FIGURES)]
        for c in (r.vs_previous_month, r.vs_last_year, r.vs_previous_year_to_date):
            cells.extend(_change(c))
        out.append(cells)
    return out


def _matrix_cells(report: StatisticsReport) -> list[list[Any]]:
    codes = [c.code for c in report.categories]
    out: list[list[Any]] = [["level", "code", "name", "total", *codes]]
    for m in report.matrix:
        cells = [m.counts.get(c) for c in codes]
        out.append([m.level, m.code, m.name, m.total, *("" if v is None else v for v in cells)])
    return out


def _trend_cells(report: StatisticsReport) -> list[list[Any]]:
    if not report.trend:
        return [["category"]]
    out: list[list[Any]] = [["category", *report.trend[0].months]]
    out += [[t.category, *t.counts] for t in report.trend]
    return out


def _note_cells(report: StatisticsReport) -> list[list[Any]]:
    out: list[list[Any]] = [["month", str(report.request.month)]]
    out.append(["to_month", str(report.request.last)])
    out.append(["scope", report.scope_label])
    out.append(["as_of", report.as_of.computed_at.isoformat()])
    out.append(["bundles", report.as_of.bundles])
    out.append(["silent_stations", " ".join(report.as_of.silent_stations)])
    out += [["note", note] for note in report.footnotes]
    return out


def csv_bytes(report: StatisticsReport) -> bytes:
    """The category table, then (after a blank line each) the area matrix and the notes."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    for part in (_row_cells(report), _matrix_cells(report), _note_cells(report)):
        writer.writerows(part)
        writer.writerow([])
    return ("\ufeff" + text.getvalue()).encode("utf-8")  # a BOM: Excel reads the Urdu right


def xlsx_bytes(report: StatisticsReport) -> bytes:
    """A workbook: Figures, Areas, Trend, Stations, Makes and Notes sheets."""
    from openpyxl import Workbook

    book = Workbook()
    sheets = {
        "Figures": _row_cells(report),
        "Areas": _matrix_cells(report),
        "Trend": _trend_cells(report),
        "Stations": [["rank", "code", "name", "district", "total"]]
        + [[s.rank, s.code, s.name, s.district, s.total] for s in report.stations],
        "Makes": [["group", "make", "model", "count"]]
        + [[m.group, m.make, m.model, m.count] for m in report.makes],
        "Notes": _note_cells(report),
    }
    first = True
    for title, rows in sheets.items():
        sheet = book.active if first else book.create_sheet()
        first = False
        assert sheet is not None
        sheet.title = title
        for row in rows:
            sheet.append(row)
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def render(report: StatisticsReport, fmt: str) -> bytes:
    if fmt == "json":
        import json

        return json.dumps(to_json(report), ensure_ascii=False, indent=2).encode("utf-8")
    if fmt == "csv":
        return csv_bytes(report)
    if fmt == "xlsx":
        return xlsx_bytes(report)
    if fmt == "pdf":
        from cplc_desk.printing.statistics_pdf import render_statistics

        return render_statistics(report)
    raise StatisticsError(
        _("'{fmt}' is not a format statistics are written in: use {known}.").format(
            fmt=fmt, known=", ".join(FORMATS)
        )
    )


def export(ctx: DeskContext, report: StatisticsReport, path: Path, fmt: str) -> Path:
    """Write the report to ``path`` in ``fmt`` (json, csv, xlsx, pdf), audited."""
    data = render(report, fmt)
    try:
        write_atomically(path, data)
    except OSError as exc:
        raise StatisticsError(
            _("Could not write {path}: {reason}. Choose another folder.").format(
                path=path, reason=exc.strerror or exc
            )
        ) from exc
    req = report.request
    with ctx.audit_unit() as s:
        ctx.audit(
            s,
            AuditAction.STATISTICS_EXPORTED,
            details={
                "month": str(req.month),
                "to_month": str(req.last),
                "scope": req.scope_key(),
                "public": req.public,
                "format": fmt,
                "file": path.name,
            },
        )
    return path
