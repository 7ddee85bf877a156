"""Comparing a recovered vehicle's identifiers with a theft report's: which fields agree, and how.

People mistype and misread identifiers: O for 0, I for 1, S for 5, B for 8; a dash left out; a
chassis number written in the engine field; only part of a plate remembered; one character off.
:func:`compare` lists the evidence (exact, exact in the other field, equal once look-alike
characters are folded, one character off, partial plate), so a volunteer sees *why* a report
is offered, and :func:`score` ranks candidates. Pure Python: the fuzzy candidate search that
feeds it lives in the services layer.
"""

from __future__ import annotations

from dataclasses import dataclass

# Characters people confuse when reading or typing identifiers, folded to one representative.
CONFUSABLE = str.maketrans({"O": "0", "Q": "0", "D": "0", "I": "1", "L": "1", "S": "5",
                            "B": "8", "Z": "2", "G": "6"})  # fmt: skip
FIELDS = ("chassis", "engine", "registration")
MIN_FUZZY_LENGTH = {"chassis": 6, "engine": 6, "registration": 5}
MIN_PARTIAL_PLATE = 4
_NOT_A_PLATE = {"AFR", ""}

# How strongly each kind of agreement points at the same vehicle. Chassis and engine numbers
# are stamped into the metal; plates can be swapped, so they weigh less.
WEIGHTS = {
    ("chassis", "exact"): 100, ("engine", "exact"): 90, ("registration", "exact"): 60,
    ("chassis", "swapped"): 80, ("engine", "swapped"): 80, ("registration", "swapped"): 40,
    ("chassis", "lookalike"): 85, ("engine", "lookalike"): 75, ("registration", "lookalike"): 50,
    ("chassis", "one_off"): 70, ("engine", "one_off"): 60, ("registration", "one_off"): 40,
    ("registration", "partial"): 30,
}  # fmt: skip


def fold(key: str) -> str:
    return key.translate(CONFUSABLE)


@dataclass(frozen=True, slots=True)
class VehicleKeys:
    """Normalised identifiers (upper case, letters and digits only), None when not known."""

    registration: str | None = None
    chassis: str | None = None
    engine: str | None = None

    def get(self, name: str) -> str | None:
        value: str | None = getattr(self, name)
        if name == "registration" and value in _NOT_A_PLATE:
            return None  # "applied for registration" is shared by thousands of vehicles
        return value or None


@dataclass(frozen=True)
class Evidence:
    field: str  # the recovered vehicle's field
    other_field: str  # the theft report's field it agrees with
    kind: str  # exact | swapped | lookalike | one_off | partial
    weight: int


def within_one_edit(a: str, b: str) -> bool:
    """True if ``a`` and ``b`` differ by at most one insertion, deletion or substitution."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)) :] == b[i + 1 :]


# A vehicle's identifiers ready for many comparisons: (field, key, folded key) for each known field,
# in FIELDS order. Headquarters' sweep compares each theft report with many recoveries, so it
# folds every key once instead of at each comparison.
Prepared = tuple[tuple[str, str, str], ...]


def prepare(keys: VehicleKeys) -> Prepared:
    out = []
    for name in FIELDS:
        key = keys.get(name)
        if key is not None:
            out.append((name, key, fold(key)))
    return tuple(out)


# Every Evidence there can be, made once: compare() hands out these (equal by value to new ones).
_EVIDENCE = {
    (field, other, kind): Evidence(
        field,
        other,
        kind,
        min(weight, WEIGHTS[(field, "swapped")])
        if kind == "lookalike" and field != other
        else weight,
    )
    for (field, kind), weight in WEIGHTS.items()
    for other in FIELDS
}


def compare_prepared(recovered: Prepared, reported: Prepared) -> list[Evidence]:
    """:func:`compare` on keys already prepared (:func:`prepare`)."""
    found: list[Evidence] = []
    for field, mine, mine_folded in recovered:
        best: Evidence | None = None
        for other, theirs, theirs_folded in reported:
            if mine == theirs:
                kind = "exact" if field == other else "swapped"
            elif mine_folded == theirs_folded:
                kind = "lookalike"
            elif field != other:
                continue  # a slip or a part counts within one field only
            elif min(len(mine), len(theirs)) >= MIN_FUZZY_LENGTH[field] and within_one_edit(
                mine_folded, theirs_folded
            ):
                kind = "one_off"
            elif (
                field == "registration"
                and min(len(mine), len(theirs)) >= MIN_PARTIAL_PLATE
                and (mine in theirs or theirs in mine)
            ):
                kind = "partial"
            else:
                continue
            evidence = _EVIDENCE[(field, other, kind)]
            if best is None or evidence.weight > best.weight:
                best = evidence
        if best is not None:
            found.append(best)
    return found


def compare(recovered: VehicleKeys, reported: VehicleKeys) -> list[Evidence]:
    """The best agreement for each of the recovered vehicle's identifiers."""
    return compare_prepared(prepare(recovered), prepare(reported))


def score(evidence: list[Evidence]) -> int:
    return sum(e.weight for e in evidence)


SHOW_FROM = 30  # a lone partial plate is worth showing; anything weaker is noise


# ------------------------------------------------------------------ near a typed identifier

_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
# Each character's look-alikes (the classes CONFUSABLE folds together).
_LOOKALIKES: dict[str, str] = {}
for _family in ("0OQD", "1IL", "5S", "8B", "2Z", "6G"):
    for _ch in _family:
        _LOOKALIKES[_ch] = _family
MAX_LOOKALIKE_VARIANTS = 512
MIN_NEAR_LENGTH = min(MIN_FUZZY_LENGTH.values())  # shorter keys: look-alikes only


def lookalike_variants(key: str, limit: int = MAX_LOOKALIKE_VARIANTS) -> set[str]:
    """Every spelling of ``key`` with look-alike characters exchanged (KZU-9748 read as
    K2U-974B), at most ``limit`` of them (the fewest exchanges first)."""
    spellings = {key}
    for i, ch in enumerate(key):
        family = _LOOKALIKES.get(ch)
        if family is None:
            continue
        grown = {s[:i] + other + s[i + 1 :] for s in spellings for other in family}
        if len(grown) > limit:
            break
        spellings = grown
    return spellings


def near_keys(key: str) -> set[str]:
    """The identifiers a person may have meant when typing ``key``: one character inserted,
    left out, changed or two neighbours swapped (for keys of at least
    :data:`MIN_NEAR_LENGTH`), and look-alike characters exchanged. ``key`` itself is not
    among them."""
    out = lookalike_variants(key)
    if len(key) >= MIN_NEAR_LENGTH:
        for i in range(len(key) + 1):
            out.update(key[:i] + ch + key[i:] for ch in _ALPHABET)
        for i in range(len(key)):
            out.add(key[:i] + key[i + 1 :])
            out.update(key[:i] + ch + key[i + 1 :] for ch in _ALPHABET)
            if i + 1 < len(key):
                out.add(key[:i] + key[i + 1] + key[i] + key[i + 2 :])
    out.discard(key)
    return out


def how_near(typed: str, found: str) -> str | None:
    """How ``found`` differs from what was ``typed``: ``lookalike`` (only look-alike characters
    differ), ``one_off`` (one character inserted, left out, changed or two swapped), or None
    when it is the same or further away."""
    if typed == found:
        return None
    if fold(typed) == fold(found):
        return "lookalike"
    if len(typed) >= MIN_NEAR_LENGTH and (
        within_one_edit(typed, found) or _neighbours_swapped(typed, found)
    ):
        return "one_off"
    return None


def _neighbours_swapped(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    differ = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    return (
        len(differ) == 2
        and differ[1] == differ[0] + 1
        and a[differ[0]] == b[differ[1]]
        and (a[differ[1]] == b[differ[0]])
    )


# ------------------------------------------------------------------ how the vehicle looks


@dataclass(frozen=True, slots=True)
class Looks:
    """What a person sees of a vehicle: make, model and colour, as written (empty if not)."""

    make: str = ""
    model: str = ""
    colour: str = ""


LOOK_FIELDS = ("make", "model", "colour")


@dataclass(frozen=True)
class LookAgreement:
    """Whether one of the looks agrees. Shown beside the evidence, never scored: a vehicle can
    be repainted, and people name makes and models loosely, so only its numbers decide."""

    field: str  # make | model | colour
    same: bool
    mine: str  # the recovered vehicle's, as written
    theirs: str  # the theft report's, as written


def _plain(text: str) -> str:
    return " ".join(text.casefold().replace("-", " ").split())


def compare_looks(mine: Looks, theirs: Looks) -> list[LookAgreement]:
    """Each look both reports wrote down, the same (ignoring case, spaces and dashes) or not."""
    out = []
    for name in LOOK_FIELDS:
        a, b = getattr(mine, name).strip(), getattr(theirs, name).strip()
        if a and b:
            out.append(LookAgreement(name, _plain(a) == _plain(b), a, b))
    return out
