"""Runs a Python command (`-m module ...` or `-c code ...`) in this process, ending it with the process that started it.

The demo server starts its Celery and Dramatiq workers as `python3 follow_parent.py -m celery ...`, so no worker
outlives the server and competes with the next server's, however the server ended (kill -9 included):
- on Linux the kernel sends SIGTERM when the parent ends (PR_SET_PDEATHSIG), at once;
- everywhere (macOS has no PR_SET_PDEATHSIG) a thread checks the parent every second and sends the same
  SIGTERM (a warm shutdown); a process that is still running 10 s later is killed.
"""
import ctypes
import os
import runpy
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1
POLL_SECONDS = 1.0
GRACE_SECONDS = 10.0


def ask_kernel_to_follow() -> None:
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (AttributeError, OSError):
        pass  # Not Linux: the thread below does it alone.


def watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    os.kill(os.getpid(), signal.SIGTERM)
    time.sleep(GRACE_SECONDS)
    # Leading a process group of its own (the demo's own workers), the pool processes go too.
    if os.getpgid(0) == os.getpid():
        os.killpg(os.getpid(), signal.SIGKILL)
    os.kill(os.getpid(), signal.SIGKILL)


def run(argv: list) -> None:
    if len(argv) < 2 or argv[0] not in ("-m", "-c"):
        sys.exit("usage: follow_parent.py -m module [args...] | -c code [args...]")
    how, what, rest = argv[0], argv[1], argv[2:]
    if how == "-m":
        sys.argv = [what, *rest]
        runpy.run_module(what, run_name="__main__", alter_sys=True)
    else:
        sys.argv = ["-c", *rest]
        exec(compile(what, "<string>", "exec"), {"__name__": "__main__"})


if __name__ == "__main__":
    parent = os.getppid()
    ask_kernel_to_follow()
    # The parent may have ended before the request above took effect.
    if parent == 1 or os.getppid() != parent:
        sys.exit(0)
    threading.Thread(target=watch, args=(parent,), name="follow-parent", daemon=True).start()
    run(sys.argv[1:])
