def test_squares(answer):
    assert answer.squares([2]) == [4]
