"""The instructor's test: its text (MARKER-6a1f-not-for-students) must never reach the student's code."""

EXPECTED = "MARKER-6a1f-not-for-students"


def test_squares(answer):
    assert answer.squares([2, 3, 12]) == [4, 9, 144]
