"""Turn command-line paths into the files to read: directories expand to their article files."""
from __future__ import annotations

import os

from ..errors import InputError
from .warn import Warn, listed, log_warning

SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".rss", ".atom", ".xml", ".warc", ".warc.gz")


def expand(path: str, warn: Warn = log_warning) -> list[str]:
    """The files `path` stands for: itself, or for a directory the article files inside it,
    recursively, sorted by path so the output order is stable. Hidden files and folders are skipped
    quietly; other files of an unknown type are skipped with one warning for the directory."""
    if not os.path.isdir(path):
        if not os.path.lexists(path):
            raise InputError(path, "no such file or directory; check the path")
        return [path]
    found: list[str] = []
    skipped: list[str] = []
    for root, dirs, files in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for f in files:
            if not f.startswith("."):
                (found if f.lower().endswith(SUFFIXES) else skipped).append(os.path.join(root, f))
    if not found:
        raise InputError(path, f"is a directory with no {', '.join(SUFFIXES)} files in it; "
                               f"give files or a directory that holds some")
    if skipped:
        names = sorted(os.path.relpath(f, path) for f in skipped)
        warn(f"{path}: skipped {len(names)} file{'s' * (len(names) != 1)} of unknown type ({listed(names)}); "
             f"articles are read from {', '.join(SUFFIXES)} files")
    return sorted(found)


def file_stem(path: str) -> str:
    """The name of a file without its suffixes (crawl.warc.gz, crawl.warc -> crawl; a.jsonl -> a):
    the prefix of the ids of the articles it holds."""
    base = os.path.basename(os.path.normpath(path)) or path
    for suffix in (".warc.gz", ".gz"):
        if base.lower().endswith(suffix):
            base = base[:-len(suffix)]
            break
    return os.path.splitext(base)[0] or base
