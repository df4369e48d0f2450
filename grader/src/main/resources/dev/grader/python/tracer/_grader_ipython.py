"""Stand in for IPython's shell in a graded run: what a notebook's magics and shell escapes call.

The grader reads a notebook's %magic, !shell and x? lines as Jupyter does, as calls on get_ipython(). Here they do
what can be done without a shell or a network, quietly: %%writefile writes its file, %run runs a script, %cd,
%env and %mkdir act on the run's own folder and environment, %time and %timeit run their statement once; shell
commands, package installs, help, plots and the rest do nothing. display() prints, as a notebook shows, the
representation of what it is given. Standard library only; Python 3.8 and later.
"""
import os
import sys


class _Output(list):
    """Stand in for the list of lines x = !cmd gives: empty, since no command runs."""

    @property
    def s(self):
        return " ".join(self)

    @property
    def n(self):
        return "\n".join(self)

    @property
    def l(self):
        return list(self)


class _Captured(object):
    """Stand in for IPython's CapturedIO: what a %%capture cell printed."""

    def __init__(self, stdout, stderr):
        self.stdout = stdout
        self.stderr = stderr
        self.outputs = []

    def show(self):
        sys.stdout.write(self.stdout)
        sys.stderr.write(self.stderr)

    __call__ = show


def _unquote(text):
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    return text


class GraderShell(object):
    """Answer get_ipython() in a graded run."""

    def run_line_magic(self, name, line, _stack_depth=1):
        caller = sys._getframe(1)
        if name in ("time", "timeit", "prun"):
            return self._run(line, caller.f_globals, caller.f_locals)
        if name == "cd":
            target = os.path.expanduser(_unquote(line) or "~")
            try:
                os.chdir(target)
            except OSError as e:
                print("[Errno %s] %s: %r" % (e.errno, e.strerror, target))
            return None
        if name == "pwd":
            return os.getcwd()
        if name in ("env", "set_env"):
            return self._env(line)
        if name == "mkdir":
            for folder in line.split():
                try:
                    os.mkdir(_unquote(folder))
                except OSError as e:
                    sys.stderr.write("mkdir: cannot create directory %r: %s\n" % (folder, e.strerror))
            return None
        if name == "run":
            return self._run_script(line)
        return None

    def run_cell_magic(self, name, line, cell):
        caller = sys._getframe(1)
        if name in ("writefile", "file"):
            args = line.split()
            append = "-a" in args or "--append" in args
            names = [a for a in args if not a.startswith("-")]
            if not names:
                return None
            path = os.path.expanduser(_unquote(names[0]))
            existed = os.path.exists(path)
            with open(path, "a" if append else "w") as f:
                f.write(cell)
            print("%s %s" % ("Appending to" if append else "Overwriting" if existed else "Writing", names[0]))
            return None
        if name in ("time", "timeit", "prun"):
            return self._run(cell, caller.f_globals, caller.f_locals)
        if name == "capture":
            return self._capture(line, cell, caller.f_globals, caller.f_locals)
        if name in ("python", "python3"):
            namespace = {"__name__": "__main__"}
            exec(compile(cell, "<cell>", "exec"), namespace)
        return None

    def system(self, cmd):
        return None

    def getoutput(self, cmd, split=True, depth=0):
        return _Output()

    def show_usage(self):
        return None

    def _run(self, code, globals_, locals_):
        code = code.strip()
        if not code:
            return None
        try:
            compiled = compile(code, "<magic>", "eval")
        except SyntaxError:
            exec(compile(code, "<magic>", "exec"), globals_, locals_)
            return None
        return eval(compiled, globals_, locals_)

    def _capture(self, line, cell, globals_, locals_):
        """Run a %%capture cell with its output kept aside, under the name the cell gives, as IPython does."""
        import io
        args = [a for a in line.split() if not a.startswith("-")]
        out, err = io.StringIO(), io.StringIO()
        saved = sys.stdout, sys.stderr
        sys.stdout, sys.stderr = out, err
        try:
            exec(compile(cell, "<cell>", "exec"), globals_, locals_)
        finally:
            sys.stdout, sys.stderr = saved
        if args:
            globals_[args[0]] = _Captured(out.getvalue(), err.getvalue())
        return None

    def _env(self, line):
        line = line.strip()
        if not line:
            return dict(os.environ)
        if "=" in line:
            key, _, value = line.partition("=")
        else:
            key, _, value = line.partition(" ")
            if not value:
                return os.environ.get(key)
        os.environ[key.strip()] = _unquote(value)
        return None

    def _run_script(self, line):
        import runpy
        import shlex
        try:
            args = shlex.split(line)
        except ValueError:
            args = line.split()
        args = [a for a in args if not a.startswith("-")]
        if not args:
            return None
        saved = sys.argv
        sys.argv = args
        try:
            runpy.run_path(args[0], run_name="__main__")
        finally:
            sys.argv = saved
        return None


_SHELL = GraderShell()


def get_ipython():
    """Return the run's stand-in for IPython's shell."""
    return _SHELL


def display(*objs, **kwargs):
    """Print what a notebook would show of each object: its representation."""
    for obj in objs:
        print(repr(obj))
