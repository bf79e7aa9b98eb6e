"""End to end in a real browser: `make ui`'s launcher serves the project, a run of `ingest_job`
launched through the UI's GraphQL API materialises every asset, and Chromium shows the assets
materialised and the named checks passing; the HTML report opens offline with its charts.

Needs Debian's chromium and chromium-driver; installs them with apt-get when missing and
running as root (CI runs as root; .ci/run installs them first too). Run alone with
`pytest -m browser`. Screenshots go to data_lake/screenshots/ (ignored by git).
"""

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
import uuid
from datetime import UTC, datetime
from pathlib import Path

import pytest

from pipelines.settings import REPO_ROOT

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
# Without the background-networking flags Chromium stalls on a closed network.
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                  "--no-first-run", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--window-size=1400,1000")
SCREENSHOTS = REPO_ROOT / "data_lake" / "screenshots"
FIGURE_CHECKS = ("figure_has_claimant", "value_non_negative", "metric_in_vocabulary",
                 "as_of_not_after_published", "cumulative_never_decreases")
SHOWN_WHOLE = 26  # the checks list shortens longer names in the middle ("hostages_remai…")
UI_TIMEOUT, RUN_TIMEOUT, PAGE_TIMEOUT = 120, 240, 60


def ensure_chromium() -> None:
    """Install Debian's chromium and chromium-driver if they are missing (as root only)."""
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        pytest.fail("the browser test needs chromium and chromium-driver "
                    "(apt-get install chromium chromium-driver)")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    install = ["apt-get", "install", "-y", "-q", "chromium", "chromium-driver"]
    if subprocess.run(install, env=env, capture_output=True).returncode != 0:
        subprocess.run(["apt-get", "update", "-q"], env=env, capture_output=True, check=True)
        subprocess.run(install, env=env, capture_output=True, check=True)
    assert CHROMIUM.exists() and CHROMEDRIVER.exists()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def graphql(port: int, query: str, variables: dict | None = None) -> dict:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/graphql",
        data=json.dumps({"query": query, "variables": variables or {}}).encode(),
        headers={"content-type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        body = json.load(response)
    assert "errors" not in body, body
    return body["data"]


def wait_for_ui(port: int, launcher: subprocess.Popen) -> None:
    deadline = time.monotonic() + UI_TIMEOUT
    while time.monotonic() < deadline:
        assert launcher.poll() is None, "the launcher exited"
        try:
            if graphql(port, "{ assetNodes { id } }")["assetNodes"]:
                return
        except OSError:
            pass
        time.sleep(1)
    pytest.fail("the Dagster UI did not come up")


LAUNCH = """
mutation Launch($params: ExecutionParams!) {
  launchRun(executionParams: $params) {
    __typename
    ... on LaunchRunSuccess { run { runId } }
    ... on PythonError { message }
    ... on RunConfigValidationInvalid { errors { message } }
    ... on InvalidSubsetError { message }
  }
}"""


def launch_ingest(port: int, partition: str) -> str:
    """Launch ingest_job for one day through the same API the UI's Materialize button uses."""
    repos = graphql(port, "{ repositoriesOrError { ... on RepositoryConnection "
                          "{ nodes { name location { name } } } } }")
    repo = repos["repositoriesOrError"]["nodes"][0]
    params = {
        "selector": {"repositoryLocationName": repo["location"]["name"],
                     "repositoryName": repo["name"], "jobName": "ingest_job"},
        # one process for all steps keeps the test fast on two cores; the steps are the same
        "runConfigData": {"execution": {"config": {"in_process": {}}}},
        "executionMetadata": {"tags": [{"key": "dagster/partition", "value": partition},
                                       {"key": "tally/trigger", "value": "browser-test"}]},
    }
    launched = graphql(port, LAUNCH, {"params": params})["launchRun"]
    assert launched["__typename"] == "LaunchRunSuccess", launched
    return launched["run"]["runId"]


def wait_for_run(port: int, run_id: str) -> str:
    deadline = time.monotonic() + RUN_TIMEOUT
    status = None
    while time.monotonic() < deadline:
        status = graphql(port, "query($id: ID!) { runOrError(runId: $id) { ... on Run "
                               "{ status } } }", {"id": run_id})["runOrError"]["status"]
        if status in ("SUCCESS", "FAILURE", "CANCELED"):
            return status
        time.sleep(1)
    return f"still {status}"


CHECKS = """
query Checks($key: AssetKeyInput!) {
  assetNodes(assetKeys: [$key]) {
    assetChecksOrError { ... on AssetChecks { checks { name } } }
  }
}"""


def check_names(port: int, path: list[str]) -> list[str]:
    nodes = graphql(port, CHECKS, {"key": {"path": path}})["assetNodes"]
    return sorted(c["name"] for c in nodes[0]["assetChecksOrError"]["checks"])


def assert_checks_pass(driver, names: list[str]) -> str:
    """Every check of the asset listed as Succeeded; none failed or still to run."""
    from selenium.webdriver.support.ui import WebDriverWait

    assert names
    whole = [n for n in names if len(n) <= SHOWN_WHOLE]

    def listed(d):
        text = page_text(d)
        done = (f"Checks ({len(names)})" in text and all(n in text for n in whole)
                and text.count("Succeeded") >= len(names))
        return text if done or "Failed" in text else False

    text = WebDriverWait(driver, PAGE_TIMEOUT, poll_frequency=0.5).until(
        listed, message=f"the checks {names} were never all shown as succeeded")
    assert "Failed" not in text, text
    assert text.count("Succeeded") == len(names), text
    return text


def processes_with(marker: str) -> list[int]:
    """Live processes whose environment carries this test's marker (all that it started)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if marker.encode() in (entry / "environ").read_bytes():
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def stop(launcher: subprocess.Popen, marker: str) -> list[int]:
    if launcher.poll() is None:
        launcher.send_signal(signal.SIGTERM)
        try:
            launcher.wait(timeout=60)
        except subprocess.TimeoutExpired:
            launcher.kill()
    deadline = time.monotonic() + 30
    while processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.5)
    return processes_with(marker)


def page_text(driver) -> str:
    return driver.find_element("tag name", "body").text


def wait_for_text(driver, *needles: str, absent: tuple[str, ...] = ()) -> str:
    from selenium.webdriver.support.ui import WebDriverWait

    def ready(d):
        text = page_text(d)
        return text if all(n in text for n in needles) else False

    text = WebDriverWait(driver, PAGE_TIMEOUT, poll_frequency=0.5).until(
        ready, message=f"never showed all of {needles}")
    for word in absent:
        assert word not in text, f"{word!r} shown on {driver.current_url}"
    return text


def test_ui_materialises_everything_and_shows_checks_passing(tmp_path):
    ensure_chromium()
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    started = time.monotonic()
    timings = {}
    marker = f"TALLY_BROWSER_TEST={uuid.uuid4().hex}"
    home, lake = tmp_path / "home", tmp_path / "lake"
    home.mkdir()
    shutil.copy(REPO_ROOT / "data_lake" / "dagster_home" / "dagster.yaml", home)
    port = free_port()
    key, value = marker.split("=")
    env = {**os.environ, key: value, "DAGSTER_HOME": str(home), "TALLY_UI_PORT": str(port),
           "TALLY_LAKE": str(lake), "DUCKDB_PATH": str(lake / "warehouse.duckdb")}
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    launcher = subprocess.Popen([sys.executable, "-m", "pipelines.ui"], cwd=REPO_ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    driver = None
    try:
        wait_for_ui(port, launcher)
        timings["ui_up"] = time.monotonic() - started
        partition = datetime.now(UTC).date().isoformat()
        run_id = launch_ingest(port, partition)
        assert wait_for_run(port, run_id) == "SUCCESS"
        timings["run_done"] = time.monotonic() - started

        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in (*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}"):
            options.add_argument(flag)
        driver = webdriver.Chrome(options=options, service=Service(
            str(CHROMEDRIVER), env={**os.environ, key: value}))
        base = f"http://127.0.0.1:{port}"

        driver.get(f"{base}/runs/{run_id}")
        wait_for_text(driver, "Success", "ingest_job")

        driver.get(f"{base}/assets")
        text = wait_for_text(driver, "core / figures", "marts / hostage_ledger",
                             "reports / overview", "Materialized", absent=("Failed",))
        assert "Never materialized" not in text

        figure_checks = check_names(port, ["core", "figures"])
        assert set(FIGURE_CHECKS) <= set(figure_checks)
        driver.get(f"{base}/assets/core/figures?view=checks")
        assert_checks_pass(driver, figure_checks)
        driver.save_screenshot(str(SCREENSHOTS / "ui.png"))

        driver.get(f"{base}/assets/marts/hostage_ledger?view=checks")
        assert_checks_pass(driver, check_names(port, ["marts", "hostage_ledger"]))
        timings["pages"] = time.monotonic() - started

        report = lake / "reports" / "index.html"
        driver.get(report.as_uri())
        wait_for_text(driver, "Claimed death tolls by claimant", "Hostage ledger", "Checks")
        loaded = driver.execute_script(
            "return Array.from(document.images).map(i => i.complete && i.naturalWidth > 0)")
        assert loaded and all(loaded), "a chart of the report did not render"
        driver.save_screenshot(str(SCREENSHOTS / "report.png"))
    finally:
        if driver is not None:
            driver.quit()
        left = stop(launcher, marker)
        timings["stopped"] = time.monotonic() - started
        print(f"browser test timings (s since start): {timings}")
    assert left == [], f"processes left running: {left}"
    assert (SCREENSHOTS / "ui.png").stat().st_size > 10_000
    assert time.monotonic() - started < 300
