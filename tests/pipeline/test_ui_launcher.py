"""`make ui`'s launcher: the Dagster UI comes up on 127.0.0.1, serves the code location, and a
SIGTERM stops it and every process it started."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from pipelines.settings import REPO_ROOT

pytestmark = pytest.mark.integration


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def group_pids(pgid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-g", str(pgid)], capture_output=True, text=True).stdout
    return [int(p) for p in out.split()]


def test_ui_serves_assets_and_stops_cleanly(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(REPO_ROOT / "data_lake" / "dagster_home" / "dagster.yaml", home)
    port = free_port()
    env = {**os.environ, "DAGSTER_HOME": str(home), "TALLY_UI_PORT": str(port),
           "TALLY_LAKE": str(tmp_path / "lake")}
    launcher = subprocess.Popen([sys.executable, "-m", "pipelines.ui"], cwd=REPO_ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        body = None
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and body is None:
            time.sleep(1)
            try:
                request = urllib.request.Request(
                    f"http://127.0.0.1:{port}/graphql",
                    data=json.dumps({"query": "{ assetNodes { assetKey { path } } }"}).encode(),
                    headers={"content-type": "application/json"})
                body = json.load(urllib.request.urlopen(request, timeout=5))
            except OSError:
                continue
        assert body, "the UI did not come up"
        keys = {"/".join(n["assetKey"]["path"]) for n in body["data"]["assetNodes"]}
        assert {"core/figures", "marts/hostage_ledger", "quality/quarantine"} <= keys
        children = subprocess.run(["pgrep", "-P", str(launcher.pid)], capture_output=True,
                                  text=True).stdout.split()
        assert children
        pgid = os.getpgid(int(children[0]))
    finally:
        launcher.send_signal(signal.SIGTERM)
        launcher.wait(timeout=60)
    deadline = time.monotonic() + 30
    while group_pids(pgid) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert group_pids(pgid) == []
