"""argparse's own words (usage, its error messages), marked so the catalogue carries them.

argparse looks its words up with gettext at the moment it prints them; ``cli.main.set_language``
points that lookup at the desk's catalogue, so ``cplc-desk --help`` and a wrong option read in the
desk's language. The texts must be argparse's exactly (Python 3.11 and later).
"""

from __future__ import annotations

from cplc_desk.domain.i18n import N_

WORDS = (
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("show this help message and exit"),
    N_("show program's version number and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at least one argument"),
    N_("expected at most one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("not allowed with argument %s"),
    N_("one of the arguments %s is required"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("ignored explicit argument %r"),
)
