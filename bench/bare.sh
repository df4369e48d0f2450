#!/usr/bin/env bash
# Run every bare program (DIR/**/main.py) as the grader would, without it: in its own folder, "5" on stdin,
# a 10 s limit, J at a time, with the interpreter the grader uses (BENCH_PYTHON, not a pyenv shim).
# Usage: bench/bare.sh DIR J
py=${BENCH_PYTHON:-$(python3 -c 'import sys; print(sys.executable)')}
find "$1" -name main.py | sort | xargs -P "$2" -I{} sh -c \
  'cd "$(dirname "{}")" && printf "5\n" | timeout 10 "$0" main.py >/dev/null 2>&1; true' "$py"
