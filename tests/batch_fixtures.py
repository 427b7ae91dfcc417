"""Small generated inputs for the batch tests: JSONL and WARC files of short invented articles."""
from __future__ import annotations

import glob
import html
import io
import json
import os

NAMES = ["Claire Dubois", "Marcus Feld", "Anita Rao", "David Okafor", "Helen Marsh", "Tom Reyes"]


def text(i: int, sentences: int = 2) -> str:
    """A short article with a direct quote and reported speech by one named person."""
    name = NAMES[i % len(NAMES)]
    surname = name.split()[-1]
    parts = [f"“We will finish project {i} on time,” said Minister {name}."]
    for k in range(sentences - 1):
        parts.append(f"{surname} said that the plan number {i}-{k} would cost {100 + i} million dollars.")
    return " ".join(parts) + "\n"


def write_jsonl(path, ids, bad_after=(), sentences=2) -> list[str]:
    """One article per id; a bad line (not JSON) after each index in `bad_after`. Returns the ids."""
    with open(path, "w", encoding="utf-8") as fh:
        for n, i in enumerate(ids):
            fh.write(json.dumps({"doc_id": f"doc-{i}", "text": text(i, sentences), "title": f"Story {i}"}) + "\n")
            if n in bad_after:
                fh.write("{this is not json\n")
    return [f"doc-{i}" for i in ids]


def page(i: int) -> bytes:
    body = "".join(f"<p>{html.escape(s)}</p>" for s in text(i, 3).split(". "))
    return (f"<html><head><title>Story {i}</title></head><body><article><h1>Story {i}</h1>{body}"
            f"</article></body></html>").encode("utf-8")


def write_warc(path, ids, gzip=True, extras=True) -> list[str]:
    """A WARC with one HTML response per id (target URI http://news.example/ID), and, when
    `extras`, records that are no article: a request, an image, a 404 page."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gzip)
        for n, i in enumerate(ids):
            url = f"http://news.example/{i}"
            if extras and n % 3 == 0:
                req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True)
                w.write_record(w.create_warc_record(url, "request", payload=io.BytesIO(b""), http_headers=req))
            hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record(url, "response", payload=io.BytesIO(page(i)), http_headers=hh))
            if extras and n % 4 == 1:
                img = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(url + ".png", "response", payload=io.BytesIO(b"\x89PNG" * 50),
                                                    http_headers=img))
                gone = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
                w.write_record(w.create_warc_record(url + "/gone", "response",
                                                    payload=io.BytesIO(b"<html>gone</html>"), http_headers=gone))
    return [f"http://news.example/{i}" for i in ids]


def table(out, name, columns=None) -> list[dict]:
    """Every row of one table of a batch output folder (all its part files)."""
    import pyarrow.parquet as pq

    rows = []
    for f in sorted(glob.glob(os.path.join(str(out), name, "*.parquet"))):
        rows += pq.read_table(f, columns=columns).to_pylist()
    return rows
