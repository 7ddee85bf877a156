"""The phone reports list as a lazy item model over keyset pages of 200 (``ReportsModel``): the
handset's columns, its IMEIs marked when suspected altered."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from cplc_desk.gui.shell.language import ltr_text
from cplc_desk.gui.widgets.formats import NOTHING
from cplc_desk.gui.widgets.keyset_model import Column
from cplc_desk.gui.widgets.report_kinds import PHONE_REPORTS
from cplc_desk.gui.widgets.reports_model import ReportsModel

translate = QCoreApplication.translate

(NUMBER, REGISTERED, KIND, IMEI, IMEI2, HANDSET, OWNER, CNIC, STATION, STATUS) = range(10)
DISTRICT = 10  # headquarters only, last


def imei_text(number: str | None, altered: bool) -> str:
    if not number:
        return NOTHING
    shown = ltr_text(number)
    return translate("PhonesModel", "{imei} (altered?)").format(imei=shown) if altered else shown


class PhonesModel(ReportsModel):
    REPORTS = PHONE_REPORTS
    STATUS = STATUS

    def _own_columns(self) -> list[Column]:
        return [
            Column(self.tr("IMEI"), lambda r: imei_text(r.imei, r.imei_altered)),
            Column(self.tr("Second IMEI"), lambda r: imei_text(r.imei2, r.imei_altered)),
            Column(self.tr("Handset"), lambda r: r.description or NOTHING),
        ]
