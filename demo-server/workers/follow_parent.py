"""Runs a Python command in place of this process, one that ends with the process that started it.

The demo server starts its Celery and Dramatiq workers as `python3 follow_parent.py -m celery ...`:
on Linux the kernel sends SIGTERM when the server ends, even by kill -9, so no worker outlives it
and competes with the next server's. Elsewhere the command simply runs.
"""
import ctypes
import os
import signal
import sys

PR_SET_PDEATHSIG = 1

try:
    ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
except (AttributeError, OSError):
    pass
else:
    # The parent may have ended before the request above took effect.
    if os.getppid() == 1:
        sys.exit(0)
os.execv(sys.executable, [sys.executable, *sys.argv[1:]])
