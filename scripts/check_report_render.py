#!/usr/bin/env python3
"""Check that an evaluation report renders in a real browser (headless Chromium).

Usage: check_report_render.py REPORT_HTML [--screenshot PNG]

Loads the page twice, once to dump the DOM as the browser built it and once to take a
screenshot, and checks that the DOM holds the charts (inline SVG with bars), the per-article
table and displaCy's entity markup. Exit status: 0 when all checks pass, 1 when one fails,
2 when Chromium is missing or cannot load the page.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
TIMEOUT_SECONDS = 120
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# What the rendered DOM must contain: (description, pattern).
DOM_CHECKS = (
    ("an inline SVG chart", re.compile(r"<svg[^>]*class=\"chart\"")),
    ("bars in the charts", re.compile(r"<rect[^>]*class=\"bar\"")),
    ("the per-article table", re.compile(r"<table[^>]*id=\"per-article\"")),
    ("a row in the per-article table", re.compile(r"id=\"per-article\".*?<tbody><tr>", re.S)),
    ("displaCy entity markup", re.compile(r"<div class=\"entities\"")),
    ("gold and predicted columns", re.compile(r"class=\"side gold\".*?class=\"side pred\"", re.S)),
)


def find_chromium() -> str | None:
    """The Chromium executable, or ``None`` when none is installed."""
    for candidate in CHROMIUM_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def run_chromium(chromium: str, page: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run headless Chromium on a page with a throw-away profile."""
    with tempfile.TemporaryDirectory(prefix="report-check-profile-") as profile:
        command = [
            chromium,
            *CHROMIUM_FLAGS,
            f"--user-data-dir={profile}",
            *extra,
            page.resolve().as_uri(),
        ]
        return subprocess.run(
            command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS, check=False
        )


def check_dom(dom: str) -> list[str]:
    """Descriptions of the required parts missing from a DOM dump."""
    return [what for what, pattern in DOM_CHECKS if not pattern.search(dom)]


def main(argv: list[str] | None = None) -> int:
    """Run the checks; see the module docstring for the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("report", type=Path, help="the report.html to check")
    parser.add_argument("--screenshot", type=Path, help="where to keep the screenshot (PNG)")
    args = parser.parse_args(argv)

    if not args.report.is_file():
        print(f"error: {args.report} is not a file", file=sys.stderr)
        return 2
    chromium = find_chromium()
    if chromium is None:
        print("error: Chromium not found (install the chromium package)", file=sys.stderr)
        return 2

    dump = run_chromium(chromium, args.report, "--dump-dom")
    if dump.returncode != 0 or not dump.stdout.strip():
        print(f"error: Chromium could not load the page:\n{dump.stderr}", file=sys.stderr)
        return 2
    missing = check_dom(dump.stdout)

    with tempfile.TemporaryDirectory(prefix="report-check-shot-") as scratch:
        screenshot = args.screenshot or Path(scratch) / "report.png"
        shot = run_chromium(
            chromium, args.report, f"--screenshot={screenshot.resolve()}", "--window-size=1400,2000"
        )
        if shot.returncode != 0 or not screenshot.is_file():
            missing.append("a screenshot")
        elif not screenshot.read_bytes().startswith(PNG_SIGNATURE):
            missing.append("a PNG screenshot")

    for what in missing:
        print(f"FAIL: the rendered page lacks {what}", file=sys.stderr)
    if missing:
        return 1
    print(f"ok: {args.report} renders with charts, the per-article table and displaCy markup")
    return 0


if __name__ == "__main__":
    sys.exit(main())
