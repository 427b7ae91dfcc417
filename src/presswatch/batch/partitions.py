"""Split batch inputs into partitions without reading them, and stream one partition's articles.

A partition is a small, picklable description of work, never data:
  jsonl  one file, a byte range [start, end): the lines that *start* in it (a line is found by its
         newline, which JSON text cannot hold, so any byte offset can be a boundary)
  warc   one .warc/.warc.gz file, a byte range [start, end) aligned on record starts: a file larger
         than one partition is first indexed (index_warc: a pass over its record headers, run as a
         task on the cluster) so that each range starts exactly at a record (a gzip member)
  files  a list of other inputs (.txt, .html, feeds, missing paths, URLs) read as `presswatch
         ingest` reads them, grouped up to the partition size

Reading a partition streams: JSONL a line at a time (each line at most PRESSWATCH_MAX_BYTES), WARC a
record at a time (ingest/warc.py's reader, the one `presswatch ingest` uses, over the range), other
files one at a time, so memory does not grow with the input. Every input that cannot be read
becomes a failed Analysis in its place, never an exception.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from typing import Iterable, Iterator, Union

from ..errors import InputError
from ..options import DEFAULT_RUN
from ..ingest import read_inputs
from ..ingest.decode import one_line
from ..ingest.feeds import is_url
from ..ingest.jsonl import read_jsonl
from ..ingest.paths import expand, file_stem
from ..ingest.warc import is_warc, read_warc, record_offsets
from ..records import Analysis, Article

JSONL_SUFFIXES = (".jsonl", ".ndjson")
MAX_FILES = 1000  # files in one "files" partition, whatever their size
CHUNK = 1 << 16

Item = Union[Article, Analysis]


@dataclass(frozen=True)
class Partition:
    kind: str  # jsonl | warc | files
    paths: tuple  # one path (jsonl, warc) or the inputs of a files partition
    start: int = 0
    end: int = 0

    @property
    def name(self) -> str:
        """Deterministic: the same inputs and ranges give the same name, so a re-run overwrites."""
        if self.kind == "files":
            digest = hashlib.sha1("\0".join(self.paths).encode("utf-8", "surrogateescape")).hexdigest()[:16]
            return f"files-{_slug(file_stem(self.paths[0]))}-{digest}"
        return f"{file_key(self.paths[0])}-{self.start:012d}-{self.end:012d}"

    def describe(self) -> str:
        if self.kind == "files":
            more = f" and {len(self.paths) - 1} more" if len(self.paths) > 1 else ""
            return f"{self.paths[0]}{more}"
        return f"{self.paths[0]} bytes {self.start:,}-{self.end:,}"


def file_key(path: str) -> str:
    """The name prefix of every partition of one JSONL or WARC file."""
    digest = hashlib.sha1(path.encode("utf-8", "surrogateescape")).hexdigest()[:10]
    return f"{_slug(file_stem(path))}-{digest}"


@dataclass
class Plan:
    partitions: list  # [Partition], ready to run
    to_index: list  # WARC files larger than one partition: index_warc(path) gives their partitions
    inputs: list  # every input file (absolute), for the manifest


def plan(inputs: Iterable[str], partition_bytes: int) -> Plan:
    """Partitions for `inputs` (files, folders, URLs), from file sizes only: nothing is read here
    but directory listings. Paths become absolute so workers anywhere on a shared file system
    find them. Raises InputError only for "-" (stdin cannot be shared with a cluster)."""
    partition_bytes = max(1, int(partition_bytes))
    out, to_index, files, seen = [], [], [], set()
    group: list = []
    group_bytes = 0

    def close_group():
        nonlocal group, group_bytes
        if group:
            out.append(Partition("files", tuple(group)))
        group, group_bytes = [], 0

    def add_other(path: str, size: int):
        nonlocal group_bytes
        if group and (group_bytes + size > partition_bytes or len(group) >= MAX_FILES):
            close_group()
        group.append(path)
        group_bytes += size

    inputs = [os.fspath(p) for p in inputs]
    refuse_stdin(inputs)
    for raw in inputs:
        if is_url(raw):
            add_other(raw, 0)
            continue
        try:
            found = expand(raw)
        except InputError:  # missing, or a folder without articles: read_inputs reports it as a row
            add_other(os.path.abspath(raw), 0)
            continue
        for f in found:
            f = os.path.abspath(f)
            real = os.path.realpath(f)
            if real in seen:
                continue
            seen.add(real)
            files.append(f)
            try:
                size = os.path.getsize(f)
            except OSError:
                add_other(f, 0)
                continue
            if is_warc(f):
                if size > partition_bytes:
                    to_index.append(f)
                else:
                    out.append(Partition("warc", (f,), 0, size))
            elif f.lower().endswith(JSONL_SUFFIXES) and os.path.isfile(f):
                out += [Partition("jsonl", (f,), a, min(a + partition_bytes, size))
                        for a in range(0, size, partition_bytes)] or [Partition("jsonl", (f,), 0, 0)]
            else:
                add_other(f, size)
    close_group()
    return Plan(out, to_index, files)


def refuse_stdin(inputs) -> None:
    if "-" in inputs:
        raise InputError("-", "a batch cannot read stdin (the workers could not see it); save it to a "
                              "file, or use presswatch analyze or ingest")


def index_warc(path: str, partition_bytes: int) -> list[Partition]:
    """The partitions of a WARC file: byte ranges of about `partition_bytes` that start at record
    starts. Reads record headers only (a .warc.gz is decompressed on the way). Never raises for a
    bad file: the ranges end where the file stops being readable, and the last range runs to its
    end, where reading it yields the failure as a row."""
    try:
        size = os.path.getsize(path)
    except OSError:
        return [Partition("warc", (path,), 0, 0)]
    cuts = [0]
    for offset in record_offsets(path):  # stops where the file stops being readable
        if offset - cuts[-1] >= partition_bytes:
            cuts.append(offset)
    ends = cuts[1:] + [size]
    return [Partition("warc", (path,), a, b) for a, b in zip(cuts, ends)]


def read_partition(part: Partition, limit: int = DEFAULT_RUN.max_bytes) -> Iterator[Item]:
    """The articles of one partition in file order; unreadable inputs as failed Analyses."""
    if part.kind == "jsonl":
        yield from read_jsonl_range(part.paths[0], part.start, part.end, limit)
    elif part.kind == "warc":
        yield from read_warc(part.paths[0], limit, part.start, part.end)
    elif part.kind == "files":
        yield from read_inputs(part.paths, max_bytes=limit)
    else:
        raise ValueError(f"unknown partition kind {part.kind!r}")


def read_jsonl_range(path: str, start: int, end: int, limit: int) -> Iterator[Item]:
    """The lines of a JSONL file that start in [start, end), as `presswatch ingest` reads them.
    Origins are `path:LINE` in the first range; elsewhere `path@OFFSET:LINE`, LINE counted from
    the first line starting at or after byte OFFSET (line numbers would need the whole file read)."""
    stem = file_stem(path)
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield Analysis.failed(f"{stem}@{start}", one_line(f"{path}: cannot be read ({exc.strerror or exc}); "
                                                          f"check the path and its permissions"), path)
        return
    with fh:
        if start > 0:
            fh.seek(start - 1)
            while True:  # skip the rest of the line that started before this range
                chunk = fh.readline(CHUNK)
                if not chunk or chunk.endswith(b"\n"):
                    break
        pos = fh.tell()
        if pos >= end:
            return
        name, prefix = (path, stem) if pos == 0 else (f"{path}@{pos}", f"{stem}@{pos}")
        yield from read_jsonl(_LinesUntil(fh, end), name, prefix, limit)


class _LinesUntil:
    """readline() over a binary file that stops before the first line starting at or after `end`."""

    def __init__(self, fh, end: int):
        self._fh, self._end, self._line_start = fh, end, True

    def readline(self, size: int = -1) -> bytes:
        if self._line_start and self._fh.tell() >= self._end:
            return b""
        raw = self._fh.readline(size)
        self._line_start = raw.endswith(b"\n")
        return raw


def _slug(s: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", s)[:40].strip("._") or "input"
