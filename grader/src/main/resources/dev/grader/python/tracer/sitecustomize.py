"""Record what a graded program does with multiprocessing, without changing what it does.

Loaded into every interpreter of a graded run through PYTHONPATH (the main program and every child,
under fork, spawn and forkserver). Inert unless GRADER_TRACE names the trace file. Nothing happens
until the program imports multiprocessing or concurrent.futures.process: an import hook patches them
right after they load. Every event is one JSON line appended with a single os.write, so a fork never
duplicates a half-written buffer. Standard library only; Python 3.8 and later.
"""
import os
import sys


def _chain_next_sitecustomize():
    # Another sitecustomize later on the path (distributions ship one) must still run.
    here = os.path.dirname(os.path.abspath(__file__))
    for entry in sys.path:
        try:
            if not entry or os.path.abspath(entry) == here:
                continue
            candidate = os.path.join(entry, "sitecustomize.py")
            if os.path.isfile(candidate):
                import importlib.util
                spec = importlib.util.spec_from_file_location("_grader_next_sitecustomize", candidate)
                module = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(module)
                return
        except Exception:
            return


def _notebook_builtins():
    # A notebook's code calls get_ipython() (the magics the grader turned into calls) and display() as builtins.
    import builtins

    def get_ipython():
        import _grader_ipython
        return _grader_ipython.get_ipython()

    def display(*objs, **kwargs):
        import _grader_ipython
        return _grader_ipython.display(*objs, **kwargs)

    for name, value in (("get_ipython", get_ipython), ("display", display)):
        if not hasattr(builtins, name):
            setattr(builtins, name, value)


_TRACE = os.environ.get("GRADER_TRACE")
if _TRACE:
    try:
        _notebook_builtins()
    except Exception:
        pass
    try:
        import _grader_tracer
        _grader_tracer.install(_TRACE, os.environ.get("GRADER_MAIN", ""))
    except Exception:
        pass
_chain_next_sitecustomize()
