"""Shared by the Python tests of the generated bindings (run by tests/ffi/run.sh).

REPS_FFI_PY names a folder holding the generated `reps_ffi.py` with the built
`libreps_ffi.so` beside it; REPS_FFI_HELPER the built `ffi_helper` example
(journals to test against, and a process that holds the journal).
"""

import os
import subprocess
import sys

sys.path.insert(0, os.environ["REPS_FFI_PY"])

import reps_ffi  # noqa: E402  (the generated module, found through the path above)

HELPER = os.environ["REPS_FFI_HELPER"]


def helper(*args):
    """Runs the helper to completion; its stdout."""
    return subprocess.run([HELPER, *args], check=True, capture_output=True, text=True).stdout


class Holder:
    """The helper holding a journal in its own process, taking its inbox in."""

    def __init__(self, data_dir):
        self.stop = os.path.join(data_dir, "stop")
        if os.path.exists(self.stop):
            os.remove(self.stop)
        self.proc = subprocess.Popen(
            [HELPER, "hold", data_dir, self.stop], stdout=subprocess.PIPE, text=True
        )
        first = self.proc.stdout.readline().strip()
        if first != "ready":
            self.proc.kill()
            raise RuntimeError(f"the holder did not start: {first!r}")

    def kill(self):
        """kill -9, as a phone does to a suspended app."""
        self.proc.kill()
        self.proc.wait()
        self.proc.stdout.close()

    def finish(self, timeout=30):
        """Asks for a last take-in; its output lines."""
        with open(self.stop, "w"):
            pass
        out, _ = self.proc.communicate(timeout=timeout)
        os.remove(self.stop)
        if self.proc.returncode != 0:
            raise RuntimeError(f"the holder failed ({self.proc.returncode})")
        return out.splitlines()
