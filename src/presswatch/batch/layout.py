"""Where a batch's files are: the folder layout shared by the writer, the job and the loader (no
pyarrow here, so checking whether a folder is a batch output costs nothing)."""
from __future__ import annotations

import os

TABLES = ("statements", "speakers", "claims", "checkworthy", "techniques", "errors", "articles")  # renamed in order: articles last
MANIFEST = "batch.json"


def part_path(out: str, table: str, name: str) -> str:
    return os.path.join(out, table, f"part-{name}.parquet")


def failed_path(out: str, name: str) -> str:
    return os.path.join(out, "errors", f"failed-{name}.parquet")


def existing_names(out: str) -> set:
    """Names of the partitions with a file (or a failure row) in `out`."""
    names = set()
    for t in TABLES:
        d = os.path.join(out, t)
        if not os.path.isdir(d):
            continue
        for f in os.listdir(d):
            for prefix in ("part-", "failed-"):
                if f.startswith(prefix) and f.endswith(".parquet"):
                    names.add(f[len(prefix):-len(".parquet")])
    return names
