# Q1
# evidence: ValueError: no such number
def parse(text):
    raise ValueError("no such number")

parse("x")
