"""Q4 of the multithreading assignment: the squares and the cubes the program printed are right.

The answer may use any list of numbers, so the test checks what was printed against itself: somewhere the
program printed a list of at least two perfect squares, and a list of at least two perfect cubes. A list is
one printed line, or all that the threads running one function printed (one thread per value). A line that
names a number and its square or cube ("the square of 3 is 9") gives the square or cube.
"""
import re

NUMBER = re.compile(r"(?<![\w.])-?\d+(?:\.\d+)?")
# the power a line names beside its value: "3^2 = 9", "3**3", "3²"
POWER = re.compile(r"\s*(?:\^|\*\*)\s*[23]\b|[\u00b2\u00b3]")


def _numbers(text):
    return [float(x) for x in NUMBER.findall(text)]


def _whole(v):
    return float(v).is_integer()


def _is_square(v):
    if not _whole(v) or v < 0:
        return False
    r = int(round(v ** 0.5))
    return r * r == int(v)


def _is_cube(v):
    if not _whole(v):
        return False
    r = int(round(abs(v) ** (1.0 / 3)))
    return any((r + d) ** 3 == abs(int(v)) for d in (-1, 0, 1))


def _values(text):
    values = []
    for line in text.splitlines():
        nums = _numbers(POWER.sub(" ", line))
        if len(nums) == 2 and nums[1] in (nums[0] ** 2, nums[0] ** 3) and nums[0] not in (0, 1):
            values.append(nums[1])
        else:
            values.extend(nums)
    return values


def _lists(run):
    texts = list(run.printed.splitlines())
    by_function = {}
    for unit in run.units:
        by_function.setdefault(unit.function, []).append(unit.stdout)
    texts += ["\n".join(outputs) for outputs in by_function.values()]
    return [_values(t) for t in texts]


def _show(values):
    text = ", ".join("%g" % v for v in values[:8])
    return "[" + text + (", ..." if len(values) > 8 else "") + "]"


def test_values(run):
    lists = [v for v in _lists(run) if len(v) >= 2]
    squares = [v for v in lists if all(_is_square(x) for x in v) and not all(_is_cube(x) for x in v)]
    cubes = [v for v in lists if all(_is_cube(x) for x in v) and not all(_is_square(x) for x in v)]
    printed = "; ".join(_show(v) for v in lists[:6]) or "no list of numbers"
    assert squares, "no list of squares was printed (every value a perfect square); printed: " + printed
    assert cubes, "no list of cubes was printed (every value a perfect cube); printed: " + printed
