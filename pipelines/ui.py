"""`make ui`: run `dagster dev` on 127.0.0.1 for this project and stop it cleanly.

`dagster dev` started in the background from a script can inherit ignored SIGINT/SIGTERM and
outlive its parent. This launcher restores the default handlers for the child, runs it in its
own process group, forwards Ctrl-C / SIGTERM, and kills the whole group if it does not exit,
so no webserver or daemon process is left behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys

GRACE_SECONDS = 20


def _restore_default_signals() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


def main() -> int:
    host = os.environ.get("TALLY_UI_HOST", "127.0.0.1")
    port = os.environ.get("TALLY_UI_PORT", "3000")
    command = [sys.executable, "-m", "dagster", "dev", "-h", host, "-p", port,
               "-w", "workspace.yaml"]
    child = subprocess.Popen(command, start_new_session=True, preexec_fn=_restore_default_signals)

    def stop(signum, _frame):
        try:
            os.killpg(child.pid, signal.SIGINT)  # dagster dev's own graceful shutdown path
            child.wait(timeout=GRACE_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        finally:
            try:
                os.killpg(child.pid, signal.SIGKILL)  # anything the group left behind
            except ProcessLookupError:
                pass
        sys.exit(128 + signum)

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    print(f"Dagster UI on http://{host}:{port} (Ctrl-C to stop)", flush=True)
    return child.wait()


if __name__ == "__main__":
    raise SystemExit(main())
