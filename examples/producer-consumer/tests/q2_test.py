"""Tests of Q2: the answer's functions, called directly, and what its run did."""
import queue


def test_produce_then_consume(answer):
    q = queue.Queue()
    answer.produce(q, 4)
    assert answer.consume(q) == 1 + 4 + 9 + 16


def test_the_consumer_ran_in_a_thread(run):
    consumers = [u for u in run.units if u.kind == "thread" and "consume" in u.function]
    assert consumers, "consume did not run in a thread of its own; threads: %s" % [u.function for u in run.units]
    assert "30" in run.printed, "the sum of the squares of 1 to 4 (30) was not printed"
