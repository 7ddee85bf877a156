"""Evidence for matching a recovered vehicle to a theft report, on realistic mistakes."""

from __future__ import annotations

import pytest

from cplc_desk.domain.matching import VehicleKeys, compare, score, within_one_edit

THEFT = VehicleKeys(registration="KNP5586", chassis="KA1234567", engine="JL1P50123")


@pytest.mark.parametrize(
    ("recovered", "kinds"),
    [
        (VehicleKeys(chassis="KA1234567"), {("chassis", "chassis", "exact")}),
        (VehicleKeys(chassis="KA12345G7"), {("chassis", "chassis", "lookalike")}),  # 6 -> G
        (VehicleKeys(chassis="KAI234567"), {("chassis", "chassis", "lookalike")}),  # 1 -> I
        (VehicleKeys(chassis="KA1234576"), set()),  # two characters transposed: 2 edits
        (VehicleKeys(chassis="KA123457"), {("chassis", "chassis", "one_off")}),  # one dropped
        (VehicleKeys(engine="KA1234567"), {("engine", "chassis", "swapped")}),
        (VehicleKeys(registration="5586"), {("registration", "registration", "partial")}),
        (VehicleKeys(registration="KNP5568"), set()),
        (VehicleKeys(registration="KNP5587"), {("registration", "registration", "one_off")}),
        (VehicleKeys(registration="AFR", chassis="XX999"), set()),
    ],
)
def test_evidence_names_what_agrees_and_how(recovered: VehicleKeys, kinds: set) -> None:
    assert {(e.field, e.other_field, e.kind) for e in compare(recovered, THEFT)} == kinds


def test_stamped_numbers_outweigh_plates() -> None:
    by_chassis = score(compare(VehicleKeys(chassis="KA1234567"), THEFT))
    by_plate = score(compare(VehicleKeys(registration="KNP5586"), THEFT))
    assert by_chassis > by_plate > 0


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("ABC", "ABC", True), ("ABC", "ABD", True), ("ABC", "AC", True), ("ABC", "ABCD", True),
     ("ABC", "ACB", False), ("ABC", "A", False), ("", "A", True)],
)  # fmt: skip
def test_within_one_edit(a: str, b: str, expected: bool) -> None:
    assert within_one_edit(a, b) is expected
    assert within_one_edit(b, a) is expected
