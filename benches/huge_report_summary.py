#!/usr/bin/env python3
"""Medians and ratios of benches/huge_report.php runs (one JSON line each, on stdin)."""

import json
import statistics
import sys

runs = [json.loads(line) for line in sys.stdin if line.strip()]


def med(mode, key):
    return statistics.median(r[key] for r in runs if r["mode"] == mode)


for mode in ("export", "endpoint"):
    print(f"{mode:9} rows {runs[0]['rows']}: {med(mode, 'seconds'):.3f} s, "
          f"peak {med(mode, 'peak_rss_kb') / 1024:.1f} MB, answer {med(mode, 'answer_bytes')} bytes")
print(f"endpoint/export: time {med('endpoint', 'seconds') / med('export', 'seconds'):.2f} (target <= 1.10), "
      f"peak memory {med('endpoint', 'peak_rss_kb') / med('export', 'peak_rss_kb'):.2f} (target <= 1.20)")
