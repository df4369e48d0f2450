"""Test the fixture answer: squares(numbers) returns the squares, computed by tasks of a pool."""


def test_squares(answer, run):
    assert answer.squares([1, 2, 3]) == [1, 4, 9]
    assert run.pool is not None and run.pool.tasks >= 3, "the squares were not computed by tasks of a pool"


def test_prints(run):
    assert "[1, 4, 9]" in run.stdout
