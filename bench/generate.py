#!/usr/bin/env python3
"""Generate N realistic submissions of the multiprocessing assignment for the benchmark.

Every submission format the grader reads (notebook, script with comment markers, text export of a notebook,
Markdown export, folder with one file per question), good and broken (a process never joined, a syntax
error, an exception in a child, a missing answer), in the styles students write (functions, Process
subclasses, pools in with blocks or closed by hand, apply_async, ProcessPoolExecutor). No answer sleeps on
purpose. Beside the submissions, bare/<id>/<Q>.py holds each code answer as a plain program, to time the same
programs without the grader.

Usage: generate.py OUT_DIR N [--sleeps]
  --sleeps  every function of every code answer first sleeps half a second, as students' notebooks often do to
            show processes running side by side (the same submissions otherwise)
"""
import json
import os
import random
import sys

PROSE = {
    "Q1": "Multiprocessing runs several processes at once, each with its own Python interpreter and memory, so "
          "CPU-bound work can use every core of the machine instead of one.",
    "Q2": "Threads share one process and its memory and, because of the GIL, run Python code one at a time; "
          "processes have separate memory, cost more to start, and run truly in parallel on many cores.",
    "Q4": "A pool keeps a fixed number of worker processes alive and hands them tasks from a queue, so the "
          "program does not pay for starting a process for every small piece of work.",
}
QUESTIONS = ["Q1", "Q2", "Q3", "Q4", "Q5", "Q6"]
IMPORTS = "import multiprocessing\nimport os\n"

Q3 = [
    """def greet(name):
    print("hello", name, "from", os.getpid() > 0)

if __name__ == "__main__":
    p = multiprocessing.Process(target=greet, args=("bob",))
    p.start()
    p.join()
    print("child exit code", p.exitcode)
""",
    """class Worker(multiprocessing.Process):
    def run(self):
        print("worker", self.name, "running")

if __name__ == "__main__":
    w = Worker()
    w.start()
    w.join()
""",
    """def square(n):
    print(n * n)

if __name__ == "__main__":
    procs = [multiprocessing.Process(target=square, args=(i,)) for i in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
""",
]
Q3_BROKEN = [
    """def task():
    print("started but never joined")

if __name__ == "__main__":
    p = multiprocessing.Process(target=task)
    p.start()
""",
    """def task(:
    print("syntax error")
""",
]
Q5 = [
    """def cube(x):
    return x ** 3

if __name__ == "__main__":
    with multiprocessing.Pool(4) as pool:
        print(pool.map(cube, range(10)))
""",
    """def double(x):
    return 2 * x

if __name__ == "__main__":
    pool = multiprocessing.Pool(processes=3)
    results = [pool.apply_async(double, (i,)) for i in range(6)]
    print([r.get() for r in results])
    pool.close()
    pool.join()
""",
    """from concurrent.futures import ProcessPoolExecutor

def add_one(x):
    return x + 1

if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(add_one, range(5))))
""",
]
Q5_BROKEN = [
    """def inc(x):
    return x + 1

if __name__ == "__main__":
    pool = multiprocessing.Pool(2)
    print(pool.map(inc, [1, 2, 3]))
    pool.close()
""",
]
Q6 = [
    """def show(n):
    print("number", n)

if __name__ == "__main__":
    ps = [multiprocessing.Process(target=show, args=(i,)) for i in range(1, 5)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
""",
    """def show(n):
    print(n)

if __name__ == "__main__":
    with multiprocessing.Pool(4) as pool:
        pool.map(show, [10, 20, 30, 40])
""",
]
Q6_BROKEN = [
    """def fail(n):
    raise ValueError("bad number %d" % n)

if __name__ == "__main__":
    ps = [multiprocessing.Process(target=fail, args=(i,)) for i in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
""",
]
STYLES = ["ipynb", "py", "txt", "md", "folder"]


def answers(rng):
    """Pick each question's answer; about one in five submissions has a mistake, one in twenty misses Q6."""
    broken = rng.random() < 0.2
    code = {
        "Q3": rng.choice(Q3_BROKEN if broken and rng.random() < 0.5 else Q3),
        "Q5": rng.choice(Q5_BROKEN if broken and rng.random() < 0.5 else Q5),
        "Q6": rng.choice(Q6_BROKEN if broken and rng.random() < 0.3 else Q6),
    }
    if rng.random() < 0.05:
        del code["Q6"]
    return code


def notebook(code):
    cells = [{"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
              "source": IMPORTS.splitlines(True)}]
    for q in QUESTIONS:
        if q not in PROSE and q not in code:
            continue
        cells.append({"cell_type": "markdown", "metadata": {}, "source": ["## " + q + ".\n"]})
        if q in PROSE:
            cells.append({"cell_type": "markdown", "metadata": {}, "source": [PROSE[q] + "\n"]})
        else:
            cells.append({"cell_type": "code", "metadata": {}, "execution_count": None, "outputs": [],
                          "source": code[q].splitlines(True)})
    return {"cells": cells, "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3",
                                                        "language": "python"}},
            "nbformat": 4, "nbformat_minor": 5}


def script(code):
    out = [IMPORTS]
    for q in QUESTIONS:
        if q in PROSE:
            out.append("# " + q + "\n# " + PROSE[q] + "\n")
        elif q in code:
            out.append("# " + q + "\n" + code[q])
    return "\n".join(out)


def text_export(code):
    out, n = [], 1
    out.append("In [%d]:\n\n%s" % (n, IMPORTS))
    for q in QUESTIONS:
        if q in PROSE:
            out.append("%s. %s\n" % (q, PROSE[q]))
        elif q in code:
            n += 1
            out.append("%s.\nIn [%d]:\n\n%s" % (q, n, code[q]))
    return "\n".join(out)


def markdown(code):
    out = ["```python\n" + IMPORTS + "```\n"]
    for q in QUESTIONS:
        out.append("## " + q + "\n")
        if q in PROSE:
            out.append(PROSE[q] + "\n")
        elif q in code:
            out.append("```python\n" + code[q] + "```\n")
    return "\n".join(out)


def with_sleeps(code):
    """Make each function of an answer sleep half a second first."""
    out = []
    for line in code.splitlines(True):
        out.append(line)
        if line.startswith("def ") or line.startswith("    def "):
            indent = line[:len(line) - len(line.lstrip())] + "    "
            out.append(indent + "time.sleep(0.5)\n")
    return "import time\n" + "".join(out)


def main():
    out, n = sys.argv[1], int(sys.argv[2])
    sleeps = "--sleeps" in sys.argv[3:]
    rng = random.Random(20261203)
    subs = os.path.join(out, "submissions")
    bare = os.path.join(out, "bare")
    os.makedirs(subs, exist_ok=True)
    for i in range(n):
        style = STYLES[i % len(STYLES)]
        code = answers(rng)
        if sleeps:
            code = {q: with_sleeps(c) for q, c in code.items()}
        sid = "s%04d_%s" % (i, style)
        if style == "ipynb":
            with open(os.path.join(subs, sid + ".ipynb"), "w") as f:
                json.dump(notebook(code), f, indent=1)
        elif style == "py":
            with open(os.path.join(subs, sid + ".py"), "w") as f:
                f.write(script(code))
        elif style == "txt":
            with open(os.path.join(subs, sid + ".txt"), "w") as f:
                f.write(text_export(code))
        elif style == "md":
            with open(os.path.join(subs, sid + ".md"), "w") as f:
                f.write(markdown(code))
        else:
            d = os.path.join(subs, sid)
            os.makedirs(d, exist_ok=True)
            for q in QUESTIONS:
                if q in PROSE:
                    with open(os.path.join(d, q.lower() + ".md"), "w") as f:
                        f.write(PROSE[q] + "\n")
                elif q in code:
                    with open(os.path.join(d, q.lower() + ".py"), "w") as f:
                        f.write(IMPORTS + "\n" + code[q])
        for q, c in code.items():
            d = os.path.join(bare, sid, q)
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, "main.py"), "w") as f:
                f.write(IMPORTS + "\n" + c)


if __name__ == "__main__":
    main()
