"""Answer questions about Python source with CPython's own parser, one JSON request per line.

Requests: {"op": "parse" | "statements" | "classify" | "ast" | "cell", "source": "..."}; one JSON response per line.
"cell" reads a notebook code cell as Jupyter runs it (IPython's syntax turned into calls, line for line) and, when
it does not compile, tells the prose typed into it from its code.
"ast" answers the whole tree: each node a JSON object with its class name in "_t", its position in
"_l", "_c", "_el", "_ec" (1-based lines, 0-based columns, as ast gives them) and its fields by name;
expression contexts (Load, Store, Del) are left out.
Standard library only; works on Python 3.8 and later.
"""
import ast
import builtins
import json
import keyword
import re
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


# ---------------------------------------------------------------- IPython's syntax, line for line
#
# Jupyter runs a cell through IPython's input transformers before Python sees it. These are the same rules: the
# first line's indentation is removed from the cell, >>> and In [n]: prompts are stripped, a %%cell magic turns the
# cell into one call, and %magic, !shell, x = %magic, x = !shell, x? and the , ; / escapes each become a call on
# get_ipython(); a one-line cell that starts with a magic's name (cd, ls, pip install) runs that magic. Unlike
# IPython, every line keeps its number: a construct that spanned several lines becomes one call followed by empty
# lines. Three differences are deliberate: the cell magics %%time, %%timeit and %%prun, whose body is Python,
# and the line magics %time, %timeit and %prun keep their code in place, run once, so the student's own lines
# run, are traced and are analysed as they wrote them; and a line of prose that ends with a question mark is a
# question the student typed, not a request for help, so it is left for the prose rules below.

_SCRIPT_CELL_MAGICS = frozenset(("time", "timeit", "prun"))
_INLINE_LINE_MAGICS = frozenset(("time", "timeit", "prun"))
# the line magics and aliases of a Jupyter kernel
_AUTOMAGICS = frozenset((
    "alias", "alias_magic", "autoawait", "autocall", "automagic", "autosave", "bookmark", "cat", "cd", "clear",
    "colors", "conda", "config", "connect_info", "cp", "debug", "dhist", "dirs", "doctest_mode", "ed", "edit", "env",
    "gui", "hist", "history", "killbgscripts", "ldir", "less", "lf", "lk", "ll", "load", "load_ext", "loadpy",
    "logoff", "logon", "logstart", "logstate", "logstop", "ls", "lsmagic", "lx", "macro", "magic", "man",
    "matplotlib", "mkdir", "more", "mv", "notebook", "page", "pastebin", "pdb", "pdef", "pdoc", "pfile", "pinfo",
    "pinfo2", "pip", "popd", "pprint", "precision", "prun", "psearch", "psource", "pushd", "pwd", "pycat", "pylab",
    "qtconsole", "quickref", "recall", "rehashx", "reload_ext", "rep", "rerun", "reset", "reset_selective", "rm",
    "rmdir", "run", "save", "sc", "set_env", "sx", "system", "tb", "time", "timeit", "unalias", "unload_ext", "who",
    "who_ls", "whos", "xdel", "xmode"))
_CLASSIC_FIRST = re.compile(r"^>>>( |$)")
_CLASSIC_ANY = re.compile(r"^(>>>|\.\.\.)( |$)")
_IPY_PROMPT = re.compile(r"^((((\[nav\]|\[ins\])? )?In \[\d+\]: )|(\s*\.{3,}: ?))")
_HELP_END = re.compile(r"(%{0,2}(?!\d)[\w*]+(\.(?!\d)[\w*]+|\[-?[0-9]+\])*)(\?\??)$")
_OPERATORS = ("**=", "//=", ">>=", "<<=", "...", "!=", "==", "<=", ">=", "+=", "-=", "*=", "/=", "%=", "&=", "|=",
              "^=", "@=", "->", ":=", "**", "//", "<<", ">>")
_QUOTES = ("'" * 3, '"' * 3, "'", '"')
_STRING_START = re.compile(r"(?i)(rb|br|fr|rf|r|b|u|f)?(" + "|".join(re.escape(q) for q in _QUOTES) + ")")
_NAME = re.compile(r"[^\W\d]\w*")
_NUMBER = re.compile(r"\d[\w.]*|\.\d[\w.]*")


def _strip_prompts(lines, matcher, first_matcher):
    body = [i for i, l in enumerate(lines) if l.strip()]
    if not body:
        return lines
    first = body[0]
    if first_matcher.match(lines[first]) or (first + 1 < len(lines) and matcher.match(lines[first + 1])):
        return [matcher.sub("", l, count=1) if i >= first else l for i, l in enumerate(lines)]
    return lines


def _cleanup(lines):
    body = [i for i, l in enumerate(lines) if l.strip()]
    if not body:
        return lines
    first = body[0]
    m = re.match(r"^[ \t]+", lines[first])
    if m:
        space = m.group(0)
        lines = [l[len(space):] if i >= first and l.startswith(space) else l for i, l in enumerate(lines)]
    lines = _strip_prompts(lines, _CLASSIC_ANY, _CLASSIC_FIRST)
    return _strip_prompts(lines, _IPY_PROMPT, _IPY_PROMPT)


def _tokens_by_line(lines):
    """Split lines into logical lines of tokens (kind, text, row, col), grouped as Python's tokenizer groups them.

    Written to behave the same on every Python version: what is not Python ('!', '?', an unclosed quote) is one
    'error' token, as the tokenizer of Python 3.8 to 3.11 reports it.
    """
    out = []
    current = []
    depth = 0
    string = None  # (quote, row, col) of a string still open at the end of a line
    for row, line in enumerate(lines):
        col = 0
        n = len(line)
        continued = False
        while col < n:
            if string is not None:
                quote = string[0]
                j = col
                while j < n and not line.startswith(quote, j):
                    j += 2 if line[j] == "\\" else 1
                if j < n:
                    current.append(("string", "", string[1], string[2]))
                    string = None
                    col = j + len(quote)
                    continue
                if len(quote) == 1 and not line.endswith("\\"):
                    string = None
                col = n
                break
            ch = line[col]
            if ch in " \t\f":
                col += 1
                continue
            if ch == "#":
                current.append(("comment", line[col:], row, col))
                break
            if ch == "\\" and col == n - 1:
                continued = True
                break
            m = _STRING_START.match(line, col)
            if m:
                quote = m.group(2)
                j = m.end()
                while j < n and not line.startswith(quote, j):
                    j += 2 if line[j] == "\\" else 1
                if j < n:
                    current.append(("string", line[col:j + len(quote)], row, col))
                    col = j + len(quote)
                elif len(quote) == 3 or line.endswith("\\"):
                    string = (quote, row, col)
                    col = n
                else:
                    # an unclosed quote: the tokenizer reports the quote alone and reads on after it
                    current.append(("error", line[col:m.end()], row, col))
                    col = m.end()
                continue
            m = _NAME.match(line, col)
            if m:
                current.append(("name", m.group(0), row, col))
                col = m.end()
                continue
            m = _NUMBER.match(line, col)
            if m:
                current.append(("number", m.group(0), row, col))
                col = m.end()
                continue
            op = next((o for o in _OPERATORS if line.startswith(o, col)), ch)
            if op in ("(", "[", "{"):
                depth += 1
            elif op in (")", "]", "}"):
                depth = max(0, depth - 1)
            current.append(("error" if op in "!?$`" else "op", op, row, col))
            col += len(op)
        if string is None and depth == 0 and not continued:
            if current:
                out.append(current)
            current = []
    if current:
        out.append(current)
    return out


def _assign_at(tokens):
    depth = 0
    for i, t in enumerate(tokens):
        if t[0] == "op":
            if t[1] == "=" and depth == 0:
                return i
            if t[1] in ("(", "[", "{"):
                depth += 1
            elif t[1] in (")", "]", "}") and depth > 0:
                depth -= 1
    return None


def _candidates(lines):
    """List the special syntax IPython transforms, first first: (row, col, priority, kind, where the ? is)."""
    found = []
    for tokens in _tokens_by_line(lines):
        code = [t for t in tokens if t[0] != "comment"]
        if not code:
            continue
        a = _assign_at(code)
        if a is not None and a + 1 < len(code):
            nxt = code[a + 1]
            if nxt[1] == "%" and a + 2 < len(code) and code[a + 2][0] == "name":
                found.append((nxt[2], nxt[3], 10, "magic_assign", None))
            elif nxt[1] == "!" and not lines[code[a][2]].strip().startswith("="):
                found.append((nxt[2], nxt[3], 10, "system_assign", None))
        first = code[0]
        if first[1] in ("!", "?", "%", ",", ";", "/"):
            found.append((first[2], first[3], 10, "escaped", None))
        if len(tokens) >= 2 and tokens[-1][1] == "?":
            found.append((first[2], first[3], 5, "help_end", (tokens[-1][2], tokens[-1][3])))
    found.sort(key=lambda c: (c[0], c[1], c[2]))
    return found


def _continued_end(lines, row):
    end = row
    while end < len(lines) - 1 and lines[end].endswith("\\"):
        end += 1
    return end


def _joined(lines, row, col, end):
    parts = [lines[row][col:]] + lines[row + 1:end + 1]
    return " ".join([p.rstrip()[:-1] for p in parts[:-1]] + [parts[-1].rstrip()])


def _line_magic(name, args):
    return "get_ipython().run_line_magic(%r, %r)" % (name, args)


def _timed_statement(name, args):
    """Return the statement %time, %timeit or %prun runs, or None when there is none to run in place."""
    if name == "timeit":
        args = re.sub(r"^(\s*-(?:[nrp]\s*\d+|[tcqo]))+\s*", "", args)
    elif name == "prun":
        args = re.sub(r"^(\s*-(?:[lsT]\s*\S+|[rq]))+\s*", "", args)
    args = args.strip()
    return args if args and _compiles(args) else None


def _help_call(target, esc):
    method = "pinfo2" if esc == "??" else "psearch" if "*" in target else "pinfo"
    return _line_magic(method, target)


def _escaped(line):
    esc = line[:2] if line[:2] in ("!!", "??") else line[:1]
    content = line[len(esc):]
    if esc == "!":
        return "get_ipython().system(%r)" % content
    if esc == "!!":
        return "get_ipython().getoutput(%r)" % content
    if esc in ("?", "??"):
        return _help_call(content, esc) if content else "get_ipython().show_usage()"
    name, _, args = content.partition(" ")
    if esc == "%":
        return _line_magic(name, args)
    if esc == ",":
        return '%s("%s")' % (name, '", "'.join(args.split()))
    if esc == ";":
        return '%s("%s")' % (name, args)
    return "%s(%s)" % (name, ", ".join(args.split()))


def _apply(lines, cand):
    row, col, _, kind, question = cand
    if kind == "help_end":
        qrow = question[0]
        piece = "\n".join(lines[row:qrow + 1])
        m = _HELP_END.search(piece[col:])
        if not m:
            return None
        return lines[:row] + [piece[:col] + _help_call(m.group(1), m.group(3))] + [""] * (qrow - row) + lines[qrow + 1:]
    end = _continued_end(lines, row)
    rest = _joined(lines, row, col, end)
    head = lines[row][:col]
    if kind == "magic_assign":
        name, _, args = rest[1:].partition(" ")
        timed = _timed_statement(name, args) if name == "time" else None
        new = head + (timed if timed is not None and _is_expression(timed) else _line_magic(name, args))
    elif kind == "system_assign":
        new = head + "get_ipython().getoutput(%r)" % rest[1:]
    else:
        new = None
        if rest.startswith("%") and not rest.startswith("%%"):
            name, _, args = rest[1:].partition(" ")
            if name in _INLINE_LINE_MAGICS:
                timed = _timed_statement(name, args)
                new = head + (timed if timed is not None else "pass")
        if new is None:
            new = head + _escaped(rest)
    return lines[:row] + [new] + [""] * (end - row) + lines[end + 1:]


def _is_expression(text):
    try:
        compile(text, "<magic>", "eval")
        return True
    except (SyntaxError, ValueError):
        return False


def _compiles(text):
    try:
        compile(text, "<cell>", "exec")
        return True
    except (SyntaxError, ValueError, TypeError, MemoryError, RecursionError):
        return False


def ipython_lines(source, names=()):
    """Return the lines of a cell as Jupyter runs them, one for one; names are those earlier cells bound."""
    lines = _cleanup(source.split("\n"))
    body = [i for i, l in enumerate(lines) if l.strip()]
    if body and lines[body[0]].startswith("%%") and not re.match(r"%%\w+\?", lines[body[0]]):
        first = body[0]
        name, _, arg = lines[first][2:].rstrip().partition(" ")
        if name not in _SCRIPT_CELL_MAGICS:
            rest = "\n".join(lines[first + 1:])
            rest = rest if rest == "" or rest.endswith("\n") else rest + "\n"
            call = "get_ipython().run_cell_magic(%r, %r, %r)" % (name, arg, rest)
            return lines[:first] + [call] + [""] * (len(lines) - first - 1)
        lines = lines[:first] + ["pass"] + lines[first + 1:]
    prose = set()
    for _ in range(500):
        changed = False
        for cand in _candidates(lines):
            if cand[3] == "help_end" and (cand[0] in prose or _prose_like(lines[cand[0]])):
                # "What is multiprocessing in python?" is a question typed into the cell, not a request for help
                prose.add(cand[0])
                continue
            new = _apply(lines, cand)
            if new is not None:
                lines = new
                changed = True
                break
        if not changed:
            break
    body = [i for i, l in enumerate(lines) if l.strip()]
    if len(body) == 1:
        lines = _automagic(lines, body[0], names)
    return lines


def _automagic(lines, row, names):
    """Run a one-line cell that starts with a magic's name (cd, mkdir, pip install) as that magic.

    As in IPython, not when the name is bound (names: what earlier cells bound), a builtin or a keyword, nor when an
    assignment or a tuple follows it.
    """
    m = re.match(r"^(\s*)([\w*.]+)(.*)$", lines[row])
    if not m or m.group(2) not in _AUTOMAGICS:
        return lines
    name = m.group(2)
    rest = m.group(3).lstrip()
    if name in names or hasattr(builtins, name) or keyword.iskeyword(name) or rest[:1] in ("=", ","):
        return lines
    return lines[:row] + [m.group(1) + _line_magic(name, rest)] + lines[row + 1:]


def _bound_names(tree):
    """Return the names a module's top-level statements bind."""
    out = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            out.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            for a in node.names:
                out.add((a.asname or a.name).split(".")[0])
        else:
            for sub in ast.walk(node):
                if isinstance(sub, ast.Name) and isinstance(sub.ctx, ast.Store):
                    out.add(sub.id)
    return out


# ---------------------------------------------------------------- prose typed into a code cell
#
# A cell that does not compile may be prose with code in it: a pasted answer ("Here is an example:", the code, an
# explanation), a label in front of the code ("Ans3.import multiprocessing"), a fence left over from a chat answer.
# Where the parser stops, the line is left out if it reads as prose or output, or loses its label if what follows
# the label reads as code; a line that reads as code ends the search, and what remains is the student's own
# syntax error.

_ANSWER_LABEL = re.compile(r"(?i)^\s*(?:ans(?:wer)?s?|sol(?:ution)?|a)\s*\.?\s*\d{0,2}\s*(?:[-.:)>=]+|\s)\s*(?=\S)")
_LIST_MARK = re.compile(r"^\s*(?:\(?[ivxlcdm]+[.)]|\(?\d{1,2}[.)]|\(?[a-z][.)]|[-*\u2022>]+)\s+(?=[A-Za-z])",
                        re.IGNORECASE)
_STRING_LITERAL = re.compile(r"(?i)[rbuf]{0,2}(\"[^\"\\]*(?:\\.[^\"\\]*)*\"|'[^'\\]*(?:\\.[^'\\]*)*')")
_WORDISH = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*|\s+|.", re.DOTALL)
_STATEMENT_START = re.compile(
    r"^(def|class|if|elif|else|for|while|with|try|except|finally|return|import|from|raise|assert|del|pass|break|"
    r"continue|global|nonlocal|lambda|yield|async|await|print)\b")


def _prose_like(text):
    """Tell a line of prose: a run of words with spaces between them, three or more (and most) not Python keywords.

    Words inside a string literal that opens and closes on the line are code's, not prose.
    """
    s = _STRING_LITERAL.sub(" 0 ", _LIST_MARK.sub("", text.strip(), count=1))
    run = []
    spaced = True
    for piece in _WORDISH.findall(s):
        if piece[0].isalpha():
            if not spaced:
                run = []
            run.append(piece)
            spaced = False
            plain = sum(1 for w in run if not keyword.iskeyword(w))
            if plain >= 3 and plain * 2 >= len(run):
                return True
        elif piece.isspace():
            spaced = True
        elif piece in ",;:!?." and run and not spaced:
            continue
        else:
            run = []
            spaced = False
    return False


_MAX_STEPS = 300


def _fence(stripped):
    return stripped.startswith("```") or stripped.startswith("~~~")


def _code_like(text):
    s = _LIST_MARK.sub("", text.strip(), count=1)
    return (bool(_STATEMENT_START.match(s)) or s.startswith("@") or any(c in s for c in "=([{")
            or bool(re.search(r"[A-Za-z_]\w*\.[A-Za-z_]", s)))


def _real_statements(tree):
    """Count the statements that do something: a bare name or constant is a word or some output, not code."""
    return sum(1 for node in tree.body
               if not (isinstance(node, ast.Expr) and isinstance(node.value, (ast.Name, ast.Constant, ast.Attribute))))


def separate(lines):
    """Tell the prose of a code cell from its code.

    Returns (kind, lines, prose rows, relabelled rows, error): kind is code (it compiles as it is), mixed (it
    compiles without its prose), prose (nothing in it is code), or broken (its code has a syntax error).
    """
    work = list(lines)
    prose = []
    relabelled = []
    tree, err = None, None
    # each step parses the whole cell again: a run of prose goes at once, and a cell takes at most so many steps
    for _ in range(min(len(lines) + 2, _MAX_STEPS)):
        tree, err = _parse("\n".join(work) + "\n")
        if err is None:
            break
        row = min(max((err.lineno or 1) - 1, 0), len(work) - 1)
        line = work[row]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            break
        m = _ANSWER_LABEL.match(line)
        if m and row not in relabelled:
            rest = line[m.end():]
            if not _prose_like(rest) and _code_like(rest):
                work[row] = rest
                relabelled.append(row)
                continue
        if _fence(stripped) or _prose_like(stripped) or not _code_like(stripped):
            work[row] = ""
            prose.append(row)
            # the lines of prose that follow go with it
            nxt = row + 1
            while nxt < len(work) and (not work[nxt].strip() or _fence(work[nxt].strip())
                                       or _prose_like(work[nxt]) and not _code_like(work[nxt])):
                if work[nxt].strip():
                    work[nxt] = ""
                    prose.append(nxt)
                nxt += 1
            continue
        break
    if err is None:
        if _real_statements(tree) == 0:
            # nothing in it does anything: a label (Q3), a docstring, comments
            return "prose", lines, [i for i, l in enumerate(lines) if l.strip()], [], None
        if not prose and not relabelled:
            return "code", work, [], [], None
        # a word alone on its line between the code and its explanation ("Output", "Explanation") is prose too
        bound = _bound_names(tree)
        for node in tree.body:
            if (isinstance(node, ast.Expr) and isinstance(node.value, ast.Name) and node.value.id not in bound
                    and not hasattr(builtins, node.value.id) and node.lineno == getattr(node, "end_lineno", node.lineno)
                    and work[node.lineno - 1].strip() == node.value.id):
                work[node.lineno - 1] = ""
                prose.append(node.lineno - 1)
        return "mixed", work, sorted(prose), sorted(relabelled), None
    # prose with fragments of code (a pasted explanation, fenced examples) is prose; code with a mistake is code
    wordy = sum(1 for l in lines if _fence(l.strip()) or _prose_like(l))
    codey = sum(1 for l in lines if l.strip() and not l.strip().startswith("#") and _code_like(l)
                and not _prose_like(l))
    if wordy >= codey:
        return "prose", lines, [i for i, l in enumerate(lines) if l.strip()], [], None
    return "broken", work, sorted(prose), sorted(relabelled), err


def _cell(source, names):
    kind, lines, prose, relabelled, err = separate(ipython_lines(source, frozenset(names)))
    out = {"ok": kind in ("code", "mixed"), "kind": kind, "source": "\n".join(lines),
           "prose": [r + 1 for r in prose], "relabelled": [r + 1 for r in relabelled], "top": [], "binds": []}
    if kind in ("code", "mixed"):
        tree, _ = _parse(out["source"] + "\n")
        if tree is not None:
            out["top"] = [[n.lineno, getattr(n, "end_lineno", None) or n.lineno] for n in tree.body]
            out["binds"] = sorted(_bound_names(tree))
    if err is not None:
        out["line"] = err.lineno or 0
        out["column"] = err.offset or 0
        out["message"] = str(err.msg or err)
    return out


def handle(req):
    op = req.get("op")
    source = req.get("source", "")
    if op == "ping":
        return {"ok": True, "version": "%d.%d.%d" % sys.version_info[:3]}
    if op == "cell":
        return _cell(source, req.get("names") or ())
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
