"""The complaint workflow: which status may follow which.

registered -> referred to police -> FIR lodged / action taken -> under follow-up -> resolved ->
closed; a complaint can also end as withdrawn, duplicate or not within CPLC's remit. Closing
statuses can be reopened only by a supervisor (the accountability issue adds roles): here they
simply offer no way on.
"""

from __future__ import annotations

from cplc_desk.domain.enums import ComplaintStatus as S
from cplc_desk.domain.i18n import _
from cplc_desk.domain.validation import FieldError

_SIDE_EXITS = (S.WITHDRAWN, S.DUPLICATE, S.NOT_IN_REMIT)

TRANSITIONS: dict[S, tuple[S, ...]] = {
    S.REGISTERED: (S.REFERRED, *_SIDE_EXITS),
    S.REFERRED: (S.FIR_LODGED, S.ACTION_TAKEN, S.UNDER_FOLLOW_UP, *_SIDE_EXITS),
    S.FIR_LODGED: (S.UNDER_FOLLOW_UP, S.RESOLVED, S.WITHDRAWN),
    S.ACTION_TAKEN: (S.UNDER_FOLLOW_UP, S.RESOLVED, S.WITHDRAWN),
    S.UNDER_FOLLOW_UP: (S.FIR_LODGED, S.ACTION_TAKEN, S.RESOLVED, S.WITHDRAWN),
    S.RESOLVED: (S.CLOSED, S.UNDER_FOLLOW_UP),
    S.CLOSED: (),
    S.WITHDRAWN: (),
    S.DUPLICATE: (),
    S.NOT_IN_REMIT: (),
}

# Statuses in which CPLC still owes the citizen something: they count as open and can be overdue.
OPEN_STATUSES = frozenset(
    {S.REGISTERED, S.REFERRED, S.FIR_LODGED, S.ACTION_TAKEN, S.UNDER_FOLLOW_UP}
)
# A note is required when a complaint leaves the desk's hands this way.
NOTE_REQUIRED = frozenset({S.WITHDRAWN, S.DUPLICATE, S.NOT_IN_REMIT, S.CLOSED, S.RESOLVED})


# A closed, withdrawn, duplicate or out-of-remit complaint is finished: only a supervisor's
# correction reopens it (back under follow-up, with a note saying why).
FINISHED = frozenset({S.CLOSED, S.WITHDRAWN, S.DUPLICATE, S.NOT_IN_REMIT})
CORRECTIONS: dict[S, tuple[S, ...]] = {status: (S.UNDER_FOLLOW_UP,) for status in FINISHED}


def allowed(current: S, *, may_correct: bool = False) -> tuple[S, ...]:
    """Where a complaint may go next; with ``may_correct`` (a supervisor) a finished one may be
    reopened."""
    return TRANSITIONS[current] + (CORRECTIONS.get(current, ()) if may_correct else ())


def check_transition(current: S, target: S, note: str, *, may_correct: bool = False) -> None:
    """Raise :class:`FieldError` (field ``status``/``note``) unless the move is allowed."""
    if target not in allowed(current, may_correct=may_correct):
        raise FieldError(
            "status",
            "status.not_allowed",
            _(
                "A complaint that is '{current}' cannot become '{target}'. Choose one of the "
                "statuses offered."
            ).format(current=current.value, target=target.value),
        )
    if (target in NOTE_REQUIRED or current in FINISHED) and not note.strip():
        raise FieldError(
            "note",
            "note.required",
            _("Write a short note saying why (it goes on the complaint's timeline)."),
        )
