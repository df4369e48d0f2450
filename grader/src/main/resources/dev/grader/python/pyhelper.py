"""Answer questions about Python source with CPython's own parser, one JSON request per line.

Requests: {"op": "parse" | "statements" | "classify" | "ast", "source": "..."}; one JSON response per line.
"ast" answers the whole tree: each node a JSON object with its class name in "_t", its position in
"_l", "_c", "_el", "_ec" (1-based lines, 0-based columns, as ast gives them) and its fields by name;
expression contexts (Load, Store, Del) are left out.
Standard library only; works on Python 3.8 and later.
"""
import ast
import json
import sys
import warnings

warnings.simplefilter("ignore")

_INCOMPLETE = (
    "unexpected EOF",
    "expected an indented block",
    "was never closed",
    "EOF while scanning",
    "unterminated triple-quoted",
    "EOF in multi-line",
)


def _parse(source):
    try:
        tree = ast.parse(source, "<answer>", "exec")
        return tree, None
    except SyntaxError as e:
        return None, e
    except (ValueError, TypeError, MemoryError, RecursionError) as e:
        err = SyntaxError(str(e))
        err.lineno = 1
        err.offset = 0
        return None, err


def _incomplete(source, err):
    msg = str(err.msg or "")
    lines = source.rstrip().split("\n")
    last = len(lines)
    for marker in _INCOMPLETE:
        if marker in msg:
            if marker == "expected an indented block":
                return (err.lineno or 0) >= last
            return True
    # an open bracket at the end of input reports at the bracket; the rest of the file closes it
    if "'(' was never closed" in msg or "'[' was never closed" in msg or "'{' was never closed" in msg:
        return True
    return False


def _output_like_stmt(node):
    if isinstance(node, ast.AnnAssign):
        return node.value is None and isinstance(node.target, ast.Name)
    if not isinstance(node, ast.Expr):
        return False
    if isinstance(node.value, ast.Name):
        return True
    for sub in ast.walk(node.value):
        if isinstance(sub, (ast.Call, ast.Attribute, ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp,
                            ast.GeneratorExp, ast.Await, ast.Yield, ast.YieldFrom)):
            return False
        if hasattr(ast, "NamedExpr") and isinstance(sub, ast.NamedExpr):
            return False
    if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
        # a docstring-like string on its own is rare as output; "text" in quotes is printed repr
        return True
    return True


def _is_main_guard(node):
    if not isinstance(node, ast.If):
        return False
    test = node.test
    if not isinstance(test, ast.Compare) or len(test.ops) != 1 or not isinstance(test.ops[0], ast.Eq):
        return False
    sides = [test.left] + list(test.comparators)
    names = [s for s in sides if isinstance(s, ast.Name) and s.id == "__name__"]
    consts = [s for s in sides if isinstance(s, ast.Constant) and s.value == "__main__"]
    return bool(names) and bool(consts)


_SKIP_FIELDS = ("ctx", "type_comment", "kind")


def _literal(v):
    if v is None or isinstance(v, (bool, str)):
        return v
    if isinstance(v, int):
        return v if -(2 ** 53) < v < 2 ** 53 else repr(v)
    if isinstance(v, float):
        return v if v == v and v not in (float("inf"), float("-inf")) else repr(v)
    return repr(v)


def _tree(node):
    out = {"_t": type(node).__name__}
    if hasattr(node, "lineno"):
        out["_l"] = node.lineno
        out["_c"] = node.col_offset
        out["_el"] = getattr(node, "end_lineno", None) or node.lineno
        out["_ec"] = getattr(node, "end_col_offset", None) or 0
    for name, value in ast.iter_fields(node):
        if name in _SKIP_FIELDS:
            continue
        if isinstance(value, ast.AST):
            out[name] = _tree(value)
        elif isinstance(value, list):
            out[name] = [_tree(v) if isinstance(v, ast.AST) else _literal(v) for v in value]
        else:
            out[name] = _literal(value)
    return out


def handle(req):
    op = req.get("op")
    source = req.get("source", "")
    if op == "ping":
        return {"ok": True, "version": "%d.%d.%d" % sys.version_info[:3]}
    tree, err = _parse(source)
    if op == "parse" or op == "classify":
        if err is not None:
            return {"ok": False, "line": err.lineno or 0, "column": err.offset or 0,
                    "message": str(err.msg or err), "incomplete": _incomplete(source, err),
                    "output_like": False, "statements": 0}
        body = tree.body
        return {"ok": True, "line": 0, "column": 0, "message": "", "incomplete": False,
                "output_like": bool(body) and all(_output_like_stmt(n) for n in body),
                "statements": len(body)}
    if op == "statements":
        if err is not None:
            return {"ok": False, "statements": []}
        out = []
        for node in tree.body:
            first = node.lineno
            for d in getattr(node, "decorator_list", []) or []:
                first = min(first, d.lineno)
            last = getattr(node, "end_lineno", None) or node.lineno
            out.append({"kind": type(node).__name__, "first": first, "last": last,
                        "main_guard": _is_main_guard(node)})
        return {"ok": True, "statements": out}
    if op == "ast":
        if err is not None:
            return {"ok": False, "line": err.lineno or 0, "message": str(err.msg or err)}
        try:
            return {"ok": True, "tree": _tree(tree)}
        except RecursionError:
            return {"ok": False, "line": 0, "message": "the code is nested too deeply to analyse"}
    return {"ok": False, "message": "unknown op %r" % (op,)}


def main():
    stdin = sys.stdin
    stdout = sys.stdout
    for line in stdin:
        line = line.strip()
        if not line:
            continue
        try:
            resp = handle(json.loads(line))
        except Exception as e:  # a request must never end the helper
            resp = {"ok": False, "message": "helper error: %s: %s" % (type(e).__name__, e)}
        stdout.write(json.dumps(resp) + "\n")
        stdout.flush()


if __name__ == "__main__":
    main()
