"""Read each cell of cells.txt with the grader's rules and with IPython's shell; print both as JSON lines.

Usage: python compare.py HELPER_DIR CELLS_FILE. Needs IPython importable. For each cell one line:
{"cell": ..., "ours": [lines], "theirs": [lines], "call": [method, name, args] when IPython made the cell one
magic call}. The test decides what must match.
"""
import ast
import json
import os
import sys
import tempfile

sys.path.insert(0, sys.argv[1])
os.environ["IPYTHONDIR"] = tempfile.mkdtemp(prefix="grader-ipython-")

import pyhelper  # noqa: E402
from IPython.core.interactiveshell import InteractiveShell  # noqa: E402
from traitlets.config import Config  # noqa: E402

config = Config()
config.HistoryManager.enabled = False
shell = InteractiveShell(config=config)

cells = []
with open(sys.argv[2], encoding="utf-8") as f:
    text = f.read()
for chunk in text.split("#%% cell\n")[1:]:
    cells.append(chunk[:-1] if chunk.endswith("\n") else chunk)


def call_of(source):
    """Return [method, magic name, args...] when the source is one get_ipython().run_*_magic(...) call."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return None
    if len(tree.body) != 1 or not isinstance(tree.body[0], (ast.Expr, ast.Assign)):
        return None
    value = tree.body[0].value
    if not isinstance(value, ast.Call) or not isinstance(value.func, ast.Attribute):
        return None
    try:
        return [value.func.attr] + [ast.literal_eval(a) for a in value.args]
    except ValueError:
        return None


for cell in cells:
    theirs = shell.transform_cell(cell)
    ours = pyhelper.ipython_lines(cell)
    print(json.dumps({"cell": cell, "ours": ours, "theirs": theirs.rstrip("\n").split("\n"),
                      "call": call_of(theirs)}))
