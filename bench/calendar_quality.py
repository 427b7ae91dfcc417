#!/usr/bin/env python3
"""Observance dates against a CSV of dates as held (year,date,source), by computation alone and with
the packaged overrides.

    python bench/calendar_quality.py [CSV] [--observance "Quds Day"] [--country IR]

CSV defaults to ../shared/eval/data/calendar/quds_day_iran.csv (relative to the repository root).
"""
import argparse
import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("csv", nargs="?", default=str(ROOT.parent / "shared/eval/data/calendar/quds_day_iran.csv"))
    ap.add_argument("--observance", default="Quds Day")
    ap.add_argument("--country", default=None, help="country practice (default: the observance's own)")
    a = ap.parse_args()
    from presswatch.check.observances import Calendar, CalendarError

    try:
        rows = list(csv.DictReader(open(a.csv, encoding="utf-8")))
    except OSError as exc:
        sys.exit(f"calendar_quality: cannot read {a.csv}: {exc.strerror}")
    with_overrides = Calendar.load()
    computed = Calendar.load()
    computed.overrides.clear()
    n = ok_c = ok_o = 0
    for r in rows:
        year, want = int(r["year"]), r["date"]
        got = {}
        for name, cal in (("computed", computed), ("overrides", with_overrides)):
            try:
                got[name] = [str(o.date) for o in cal.occurrences(a.observance, year, a.country)]
            except CalendarError as exc:
                got[name] = [f"error: {exc}"]
        c, o = want in got["computed"], want in got["overrides"]
        n += 1
        ok_c += c
        ok_o += o
        print(f"{year}  want {want}  computed {','.join(got['computed'])} {'ok' if c else 'MISS'}  "
              f"with overrides {','.join(got['overrides'])} {'ok' if o else 'MISS'}")
    print(f"\n{a.observance}: {ok_c}/{n} by computation alone, {ok_o}/{n} with overrides "
          f"({len(with_overrides.overrides)} overrides in the package)")


if __name__ == "__main__":
    main()
