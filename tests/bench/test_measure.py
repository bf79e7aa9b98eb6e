"""The bench's memory figure: the RSS of the whole process tree, grandchildren included."""

import os
import subprocess
import sys

import psutil

from pipelines.bench.measure import tree_rss

HOLD = 150 * 2**20
# a child that holds HOLD bytes and starts a grandchild that holds as much
CHILD = f"""
import subprocess, sys, time
held = bytearray({HOLD})
for i in range(0, len(held), 4096):
    held[i] = 1
if sys.argv[1] == "parent":
    subprocess.Popen([sys.executable, __file__, "leaf"])
print("ready", flush=True)
time.sleep(60)
"""


def test_the_tree_includes_children_and_grandchildren(tmp_path):
    script = tmp_path / "hold.py"
    script.write_text(CHILD)
    before = tree_rss(os.getpid())
    child = subprocess.Popen([sys.executable, str(script), "parent"], stdout=subprocess.PIPE,
                             text=True)
    try:
        # the grandchild writes to the same pipe: two lines once both hold their bytes
        assert [child.stdout.readline(), child.stdout.readline()] == ["ready\n"] * 2
        procs = [psutil.Process(), *psutil.Process().children(recursive=True)]
        by_psutil = sum(p.memory_info().rss for p in procs)
        now = tree_rss(os.getpid())
        assert now >= before + 2 * HOLD
        assert abs(now - by_psutil) < 0.05 * by_psutil
    finally:
        for proc in psutil.Process(child.pid).children(recursive=True):
            proc.kill()
        child.kill()
        child.wait()
