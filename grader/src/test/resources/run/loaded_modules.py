# Print the Python modules loaded from files by the time the program starts (no multiprocessing here).
import sys

print(" ".join(sorted(name for name, module in list(sys.modules.items()) if getattr(module, "__file__", None))))
