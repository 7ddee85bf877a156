"""The verbs the app offers. Each call is one unit of work and returns plain data.

Every change and every look-up of personal data goes through a service here, which writes the
audit trail: the GUI and the command line never touch the store directly.

The services own the wording of what the libraries below them report by code: importing any
service installs it (:mod:`cplc_desk.services.wording`), so a refusal from ``sync/`` reads as a
sentence wherever an edge shows it.
"""

from cplc_desk.domain.errors import use_wording
from cplc_desk.services.wording import wording

use_wording(wording)
