"""Print how long the test suite takes, in all and per test file, from a built book.

Usage: python benchmarks/suite.py [PYTEST_ARGS...], e.g. `-m "not browser"` for the lane of
`make test-quick`. Tests the book in _build/html (run `make book` first), as `make test`
does, and prints the wall time, the CPU time of pytest and everything it started, and the
machine's load average before and after: on a shared machine other work slows the suite.

Targets (issue 11): the whole suite under 2 minutes on 2 cores from a built book.
"""

from __future__ import annotations

import os
import re
import resource
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DURATION = re.compile(r"^\s*([\d.]+)s (setup|call|teardown)\s+(\S+)")


def main(args: list[str]) -> int:
    html = ROOT / "_build" / "html"
    if not (html / "index.html").is_file():
        print(f"{html} holds no built book: run `make book` first", file=sys.stderr)
        return 2
    env = {**os.environ, "TOELATEN_BUILT_BOOK": str(html)}
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    command += ["--durations=0", "--durations-min=0", *args]
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    per_file: dict[str, float] = defaultdict(float)
    per_phase: dict[str, float] = defaultdict(float)
    for line in proc.stdout.splitlines():
        if match := DURATION.match(line):
            seconds, phase, test = float(match[1]), match[2], match[3]
            path = test.split("::")[0]
            per_file["exercises/ (nbval)" if path.startswith("exercises/") else path] += seconds
            per_phase[phase] += seconds
    for name, seconds in sorted(per_file.items(), key=lambda item: -item[1]):
        print(f"{seconds:7.1f} s  {name}")
    phases = ", ".join(f"{phase} {seconds:.1f} s" for phase, seconds in per_phase.items())
    print(f"{sum(per_file.values()):7.1f} s  in the tests ({phases})")
    print(f"{wall:7.1f} s  wall, {used.ru_utime + used.ru_stime:.1f} s CPU")
    after = os.getloadavg()[0]
    print(f"load average {load_before:.1f} before, {after:.1f} after, {os.cpu_count()} cores")
    for line in proc.stdout.splitlines():
        if line.startswith(("FAILED", "ERROR")):
            print(line)
    print(proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr[-2000:])
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
