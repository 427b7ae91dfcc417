"""ingest: every input becomes an Article, or a failed Analysis with a one-line reason naming it."""
import io
import json
import socket

import pytest

from presswatch.ingest import headline, read_inputs
from presswatch.ingest.decode import read_limited
from presswatch.errors import InputError
from presswatch.records import Analysis, Article

ARTICLE = "Minister defends budget\nOTTAWA - The minister said the budget was fair.\n"


def read_all(paths, stdin=None, **limit):
    return list(read_inputs([str(p) for p in paths], stdin=stdin, **limit))


def assert_failed(item, doc_id, *needles):
    assert isinstance(item, Analysis), item
    assert item.status == "error"
    assert item.doc_id == doc_id
    assert "\n" not in item.error
    for needle in needles:
        assert needle in item.error, (needle, item.error)


# --- bad files: one failed record each, naming the file and the remedy -----------------------

BAD_FILES = [
    ("empty.txt", b"", ["is empty"]),
    ("blank.txt", b" \n\t\n", ["only whitespace"]),
    ("binary.txt", b"GIF89a\x00\x01\x02rest", ["binary", "NUL byte at byte 6"]),
    ("latin1.txt", b"Caf\xe9 au lait.\nMore text.", ["not valid UTF-8", "0xe9", "byte offset 3", "re-encode"]),
    ("utf16.txt", "Hello".encode("utf-16"), ["UTF-16", "re-encode"]),
    ("binary.html", b"<html>\x00</html>", ["binary"]),
    ("nothing.html", b"<html><body></body></html>", ["no article text found"]),
]


@pytest.mark.parametrize("name,content,needles", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_becomes_failed_record(write, name, content, needles):
    path = write(name, content)
    [item] = read_all([path])
    assert_failed(item, path.stem, str(path), *needles)
    assert item.origin == str(path)


def test_file_over_max_bytes_is_refused(write):
    path = write("big.txt", "x" * 101)
    [item] = read_all([path], max_bytes=100)
    assert_failed(item, "big", str(path), "101 bytes", "over the limit of 100", "PRESSWATCH_MAX_BYTES")
    [ok] = read_all([write("small.txt", "y" * 100)], max_bytes=100)
    assert isinstance(ok, Article)


def test_huge_sparse_file_refused_without_reading_it(tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as fh:
        fh.truncate(10**10)  # sparse: 10 GB that would not fit in memory
    [item] = read_all([path])
    assert_failed(item, "huge", "10,000,000,000 bytes")


class Endless(io.RawIOBase):
    """A stream that never ends and counts what was read from it (like a pipe or /dev/zero)."""
    def __init__(self):
        self.taken = 0

    def readable(self):
        return True

    def readinto(self, b):
        b[:] = b"a" * len(b)
        self.taken += len(b)
        return len(b)


def test_endless_stdin_is_refused_after_limit():
    stream = Endless()
    [item] = list(read_inputs(["-"], stdin=stream, max_bytes=50000))
    assert_failed(item, "stdin", "<stdin>", "limit of 50,000 bytes")
    assert stream.taken < 50000 + 65536


def test_read_limited_stops_at_limit_for_streams_with_no_size(tmp_path):
    with pytest.raises(InputError, match="larger than the limit"):
        read_limited("/dev/zero", 1000)


@pytest.mark.parametrize("path,needles", [
    ("does/not/exist.txt", ["no such file or directory"]),
])
def test_missing_path(tmp_path, path, needles):
    [item] = read_all([tmp_path / path])
    assert_failed(item, "exist", str(tmp_path / path), *needles)


def test_empty_directory(tmp_path):
    d = tmp_path / "empty_dir"
    d.mkdir()
    (d / "notes.csv").write_text("a,b\n")
    [item] = read_all([d])
    assert_failed(item, "empty_dir", str(d), "no .txt, .html, .htm, .jsonl, .rss, .atom, .xml, .warc, .warc.gz files")


def test_bad_input_does_not_stop_the_others(write, tmp_path):
    good1, bad, good2 = write("a.txt", ARTICLE), write("b.txt", b""), write("c.txt", ARTICLE)
    items = read_all([good1, tmp_path / "missing.txt", bad, good2])
    assert [i.doc_id for i in items] == ["a", "missing", "b", "c"]
    assert [type(i).__name__ for i in items] == ["Article", "Analysis", "Analysis", "Article"]


# --- good text -------------------------------------------------------------------------------

def test_text_file(write):
    path = write("budget-story.txt", ARTICLE)
    [a] = read_all([path])
    assert isinstance(a, Article)
    assert (a.doc_id, a.title, a.origin) == ("budget-story", "Minister defends budget", str(path))
    assert a.text == ARTICLE  # the headline stays in the text: offsets are into the file's text


def test_unknown_extension_read_as_text(write):
    [a] = read_all([write("story.md", ARTICLE)])
    assert isinstance(a, Article) and a.text == ARTICLE and a.doc_id == "story"


@pytest.mark.parametrize("text,title", [
    ("Minister defends budget\nThe minister spoke.", "Minister defends budget"),
    ("Is the budget fair?\nThe minister spoke.", "Is the budget fair?"),
    ("\n\n  Leading blank lines  \nBody.", "Leading blank lines"),
    ("The minister said the budget was fair.\nShe spoke on Tuesday.", None),  # a sentence
    ("Only one line without a period", None),  # nothing but a headline is not a headline
    (" ".join(["word"] * 30) + "\nBody.", None),  # too long
])
def test_headline(text, title):
    assert headline(text) == title


def test_crlf_normalised(write):
    [a] = read_all([write("crlf.txt", b"Title here\r\nFirst line.\r\nSecond line.\r\n")])
    assert a.text == "Title here\nFirst line.\nSecond line.\n"
    assert a.title == "Title here"


def test_bom_stripped(write):
    [a] = read_all([write("bom.txt", b"\xef\xbb\xbfHello there.\nMore.")])
    assert a.text == "Hello there.\nMore."


# --- HTML ------------------------------------------------------------------------------------

PAGE = """<html><head><title>Minister defends budget | Daily Planet</title>
<meta name="author" content="Jane Roe"><meta property="og:site_name" content="Daily Planet">
<meta property="article:published_time" content="2024-03-05">
<link rel="canonical" href="https://example.com/budget"></head>
<body><nav>Home | World | Sports</nav><article><h1>Minister defends budget</h1>
<p>OTTAWA - The finance minister said on Tuesday that the budget was "fair and balanced".</p>
<p>"We did what we promised," she said.</p></article></body></html>"""


@pytest.fixture
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("ingest tried to use the network")
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_html_file(write, no_network):
    [a] = read_all([write("budget.html", PAGE)])
    assert isinstance(a, Article)
    assert a.doc_id == "budget"
    assert a.title == "Minister defends budget"
    assert (a.published, a.outlet, a.author, a.url) == ("2024-03-05", "Daily Planet", "Jane Roe",
                                                        "https://example.com/budget")
    assert '"We did what we promised," she said.' in a.text
    assert "Sports" not in a.text  # boilerplate removed


def test_html_declared_charset(write, no_network):
    page = ('<html><head><meta charset="iso-8859-1"></head><body><p>Le caf\xe9 est ferm\xe9, '
            'a dit la ministre mardi.</p></body></html>').encode("latin-1")
    [a] = read_all([write("cafe.htm", page)])
    assert isinstance(a, Article) and "café est fermé" in a.text


DEEP_PARAGRAPHS = ["OTTAWA - The finance minister said on Tuesday that the budget was fair and balanced.",
                   '"We did what we promised," she said, adding that the deficit would shrink next year.',
                   "Opposition leaders called the plan reckless and vowed to vote against it."]
DEEP_ARTICLE = ("<article><h1>Minister defends budget</h1>" + "".join(f"<p>{p}</p>" for p in DEEP_PARAGRAPHS)
                + "</article>")


def deep_page(depth, tag="div", before=""):
    return ("<html><head><title>Minister defends budget</title></head><body><nav>Home | World</nav>" + before
            + f"<{tag}>" * depth + DEEP_ARTICLE + f"</{tag}>" * depth + "</body></html>")


@pytest.mark.parametrize("depth", [300, 1000, 5000])
def test_html_nested_deeper_than_libxml2_parses_still_gives_the_article(write, no_network, depth):
    # libxml2 stops at 256 nested elements and drops the rest: the article used to be lost
    [shallow] = read_all([write("shallow.html", deep_page(0))])
    [a] = read_all([write("deep.html", deep_page(depth))])
    assert isinstance(a, Article), a
    assert (a.text, a.title) == (shallow.text, "Minister defends budget")
    assert all(p in a.text for p in DEEP_PARAGRAPHS)


@pytest.mark.parametrize("tag,before", [("blockquote", ""), ("b", ""), ("div", "<span>" * 400 + "ad")],
                         ids=["blockquotes", "bold", "deep-ad-before"])
def test_html_other_deep_nestings_keep_the_article(write, no_network, tag, before):
    [a] = read_all([write("deep.html", deep_page(3000 if not before else 0, tag, before))])
    assert isinstance(a, Article) and all(p in a.text for p in DEEP_PARAGRAPHS), a


def test_normal_html_is_never_flattened(write, no_network, monkeypatch):
    import presswatch.ingest.html as html

    monkeypatch.setattr(html, "flatten", lambda markup: pytest.fail("a normal page was flattened"))
    [a] = read_all([write("budget.html", PAGE)])
    [b] = read_all([write("nested.html", deep_page(250))])  # 250 + html/body: just inside the limit
    assert isinstance(a, Article) and isinstance(b, Article)


def test_feed_entry_nested_deep_keeps_its_text(write):
    body = "<div>" * 1000 + "<p>The mayor said the harbour would reopen in May.</p>" + "</div>" * 1000
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title><item><title>Harbour</title>'
            f"<guid>h1</guid><description><![CDATA[{body}]]></description></item></channel></rss>")
    [a] = read_all([write("deep.rss", feed)])
    assert isinstance(a, Article) and a.text == "The mayor said the harbour would reopen in May.", a


# --- JSONL -----------------------------------------------------------------------------------

def test_jsonl_good_lines(write):
    path = write("corpus.jsonl",
                 '{"doc_id": "one", "text": "First.\\r\\nSecond.", "title": "T", "url": "https://x.org/1",'
                 ' "published": "2024-04-03", "outlet": "Planet", "extra": 1}\n'
                 "\n"
                 '{"doc_id": 2, "html": "<html><body><p>She said the plan was good and would pass.</p></body></html>",'
                 ' "title": "Given title"}\n')
    one, two = read_all([path])
    assert one == Article(doc_id="one", text="First.\r\nSecond.", title="T", url="https://x.org/1",
                          published="2024-04-03", outlet="Planet", origin=f"{path}:1")
    assert two.doc_id == "2" and two.title == "Given title" and "plan was good" in two.text
    assert two.origin == f"{path}:3"


BAD_LINES = [
    ("not json at all", "corpus-2", ["is not valid JSON", "column 1"]),
    ('{"doc_id": "x", "text": "unterminated}', "corpus-2",
     ["is not valid JSON (Unterminated string starting at column 25)"]),
    ('{"doc_id": "x", "text": "a\u0001b"}', "corpus-2", ["(Invalid control character at column 27)"]),
    ("[1, 2]", "corpus-2", ["is a JSON list, not an object"]),
    ('"just a string"', "corpus-2", ["not an object"]),
    ('{"text": "No id here."}', "corpus-2", ['has no "doc_id"']),
    ('{"doc_id": "", "text": "Empty id."}', "corpus-2", ['has no "doc_id"']),
    ('{"doc_id": "n"}', "corpus-2", ['neither "text" nor "html"']),
    ('{"doc_id": "n", "text": 5}', "corpus-2", ["must be a string"]),
    ('{"doc_id": "n", "text": "   "}', "corpus-2", ['"text" is empty']),
    ('{"doc_id": "n", "html": "<html></html>"}', "corpus-2", ["no article text found"]),
]


@pytest.mark.parametrize("line,doc_id,needles", BAD_LINES, ids=[b[0][:20] for b in BAD_LINES])
def test_jsonl_bad_line(write, line, doc_id, needles):
    path = write("corpus.jsonl", '{"doc_id": "a", "text": "Good one."}\n' + line + "\n"
                                 '{"doc_id": "c", "text": "Good two."}\n')
    a, bad, c = read_all([path])
    assert (a.doc_id, c.doc_id) == ("a", "c") and isinstance(a, Article) and isinstance(c, Article)
    assert_failed(bad, doc_id, f"{path}:2", *needles)
    assert bad.origin == f"{path}:2"


def test_jsonl_invalid_utf8_names_byte_offset(write):
    first = b'{"doc_id": "a", "text": "ok"}\n'
    path = write("enc.jsonl", first + b'{"doc_id": "b", "text": "caf\xe9"}\n')
    a, bad = read_all([path])
    assert_failed(bad, "enc-2", f"{path}:2", "not valid UTF-8",
                  f"byte offset {len(first) + 28}", "re-encode")


def test_jsonl_line_over_limit(write):
    long_line = '{"doc_id": "long", "text": "' + "x" * 500 + '"}\n'
    path = write("lim.jsonl", '{"doc_id": "a", "text": "ok"}\n' + long_line + '{"doc_id": "c", "text": "ok"}\n')
    a, bad, c = read_all([path], max_bytes=200)
    assert_failed(bad, "lim-2", f"{path}:2", "over the limit of 200")
    assert (a.doc_id, c.doc_id) == ("a", "c")


def test_jsonl_bom_and_crlf_line_ends(write):
    path = write("w.jsonl", b'\xef\xbb\xbf{"doc_id": "a", "text": "one"}\r\n{"doc_id": "b", "text": "two"}\r\n')
    assert [(i.doc_id, i.text) for i in read_all([path])] == [("a", "one"), ("b", "two")]


# --- directories and stdin ---------------------------------------------------------------------

def test_directory_expanded_recursively_and_sorted(write, tmp_path):
    write("d/b.txt", ARTICLE)
    write("d/a.html", PAGE)
    write("d/sub/c.jsonl", '{"doc_id": "c1", "text": "x"}\n{"doc_id": "c2", "text": "y"}\n')
    write("d/sub/z.htm", PAGE)
    write("d/notes.csv", "ignored")
    write("d/.hidden.txt", "ignored")
    write("d/.git/x.txt", "ignored")
    items = read_all([tmp_path / "d"])
    assert [i.doc_id for i in items] == ["a", "b", "c1", "c2", "z"]
    assert all(isinstance(i, Article) for i in items)


@pytest.mark.parametrize("make_stream", [
    lambda b: io.BytesIO(b),
    lambda b: io.StringIO(b.decode("utf-8")),
    lambda b: io.TextIOWrapper(io.BytesIO(b), encoding="utf-8"),
], ids=["bytes", "text", "text-with-buffer"])
def test_stdin_plain_text(make_stream):
    [a] = read_all(["-"], stdin=make_stream(b"Headline\r\nBody text here.\r\n"))
    assert (a.doc_id, a.origin, a.text, a.title) == ("stdin", "<stdin>", "Headline\nBody text here.\n", "Headline")


def test_stdin_jsonl_autodetected():
    data = b'\n  \n{"doc_id": "a", "text": "one"}\nnot json\n{"text": "no id"}\n{"doc_id": "d", "text": "four"}\n'
    items = read_all(["-"], stdin=io.BytesIO(data))
    assert [i.doc_id for i in items] == ["a", "stdin-4", "stdin-5", "d"]
    assert items[0].origin == "<stdin>:3"
    assert_failed(items[1], "stdin-4", "<stdin>:4", "not valid JSON")


def test_stdin_jsonl_with_a_long_first_chunk():
    lines = [f'{{"doc_id": "d{i}", "text": "{"w " * 300}"}}\n' for i in range(100)]
    items = read_all(["-"], stdin=io.BytesIO("".join(lines).encode()))
    assert [i.doc_id for i in items] == [f"d{i}" for i in range(100)]
    assert all(isinstance(i, Article) for i in items)


@pytest.mark.parametrize("data,needles", [
    (b"", ["is empty"]),
    (b"caf\xe9", ["not valid UTF-8", "byte offset 3"]),
    (b"a\x00b", ["binary"]),
])
def test_stdin_bad(data, needles):
    [item] = read_all(["-"], stdin=io.BytesIO(data))
    assert_failed(item, "stdin", "<stdin>", *needles)


# --- warnings: what is read but not used is said, one line naming the input ------------------

def read_warned(paths, stdin=None, **limit):
    """(items, warnings): the items must be those read without a warn given."""
    said: list = []
    items = list(read_inputs([str(p) for p in paths], stdin=stdin, warn=said.append, **limit))
    for w in said:
        assert "\n" not in w and w.strip(), w
    return items, said


def test_jsonl_blank_lines_are_warned_once_per_file(write):
    path = write("corpus.jsonl", '{"doc_id": "a", "text": "One."}\n\n   \n{"doc_id": "b", "text": "Two."}\n\n')
    items, said = read_warned([path])
    assert [i.doc_id for i in items] == ["a", "b"]
    assert said == [f"{path}: 3 blank lines skipped (lines 2, 3, 5); each line of a JSONL file holds one article"]
    one = write("one.jsonl", '{"doc_id": "a", "text": "One."}\n\n{"doc_id": "b", "text": "Two."}\n')
    assert read_warned([one])[1] == [f"{one}:2: blank line skipped; each line of a JSONL file holds one article"]


def test_jsonl_without_blank_lines_warns_nothing(write):
    path = write("corpus.jsonl", '{"doc_id": "a", "text": "One.", "published": "2024-04-03"}\n'
                                 '{"doc_id": "b", "text": "Two.", "published": "2024"}\n')
    assert read_warned([path])[1] == []


def test_stdin_jsonl_blank_lines_are_warned():
    items, said = read_warned(["-"], stdin=io.BytesIO(b'\n{"doc_id": "a", "text": "one"}\n'))
    assert [i.doc_id for i in items] == ["a"] and said == ["<stdin>:1: blank line skipped; each line of a "
                                                           "JSONL file holds one article"]


def test_unknown_files_in_a_directory_are_warned(write, tmp_path):
    write("d/a.txt", ARTICLE)
    write("d/report.pdf", b"%PDF-1.4")
    write("d/sub/photo.PNG", b"\x89PNG")
    write("d/.hidden.pdf", b"%PDF")  # hidden files and folders are skipped quietly, as documented
    write("d/.git/x.pdf", b"%PDF")
    items, said = read_warned([tmp_path / "d"])
    assert [i.doc_id for i in items] == ["a"]
    assert said == [f"{tmp_path / 'd'}: skipped 2 files of unknown type (report.pdf, sub/photo.PNG); "
                    f"articles are read from .txt, .html, .htm, .jsonl, .rss, .atom, .xml, .warc, .warc.gz files"]


@pytest.mark.parametrize("value", ["next Tuesday", "2024-13-45", "12", "{'day': 3}"])
def test_jsonl_published_that_is_not_a_date_is_kept_and_warned(write, value):
    path = write("p.jsonl", json.dumps({"doc_id": "a", "text": "One.", "published": value}) + "\n")
    [a], said = read_warned([path])
    assert isinstance(a, Article) and a.published == value  # kept as given: the analysis decides
    assert said == [f"{path}:1: published {value!r} is not a date, so the analysis looks for the date in "
                    f"the text; write it as YYYY-MM-DD"]


def test_jsonl_published_ambiguous_is_warned(write):
    path = write("p.jsonl", '{"doc_id": "a", "text": "One.", "published": "05/03/2024"}\n')
    assert read_warned([path])[1] == [f"{path}:1: published date '05/03/2024' is ambiguous (day/month or "
                                      f"month/day); only its year is used"]


def test_jsonl_html_line_published_that_is_not_a_date_is_warned(write, no_network):
    path = write("p.jsonl", json.dumps({"doc_id": "a", "html": PAGE, "published": "soon"}) + "\n")
    [a], said = read_warned([path])
    assert a.published == "soon" and said == [f"{path}:1: published 'soon' is not a date, so the analysis "
                                              f"looks for the date in the text; write it as YYYY-MM-DD"]


def test_html_meta_published_that_is_not_a_date_is_warned(write, no_network):
    page = PAGE.replace('content="2024-03-05"', 'content="yesterday"')
    [a], said = read_warned([write("budget.html", page)])
    assert isinstance(a, Article) and a.published is None
    assert said == [f"{a.origin}: the page's published date 'yesterday' (<meta article:published_time>) is not "
                    f"a date; the page gives no date"]
    assert read_warned([write("fine.html", PAGE)])[1] == []


def test_feed_entry_date_that_is_not_a_date_is_warned(write):
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette</title>'
            '<item><title>A</title><guid>a</guid><pubDate>the day after</pubDate>'
            '<description>One text.</description></item>'
            '<item><title>B</title><guid>b</guid><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate>'
            '<description>Two text.</description></item></channel></rss>')
    path = write("g.rss", feed)
    (a, b), said = read_warned([path])
    assert (a.published, b.published) == (None, "2024-03-05")
    assert said == [f"{path}#1: the entry's date 'the day after' is not a date feedparser can read; the entry has "
                    f"no published date (write it as RFC 822, e.g. Tue, 05 Mar 2024 10:00:00 GMT, or ISO 8601)"]


def test_warnings_never_change_the_results(write, tmp_path):
    write("d/a.jsonl", '{"doc_id": "a", "text": "One.", "published": "never"}\n\n{"bad json\n')
    write("d/b.pdf", b"%PDF")
    write("d/c.txt", ARTICLE)
    items, said = read_warned([tmp_path / "d"])
    assert items == read_all([tmp_path / "d"]) and len(said) == 3


def test_library_callers_get_warnings_through_logging(write, caplog):
    path = write("one.jsonl", '{"doc_id": "a", "text": "One."}\n\n')
    with caplog.at_level("WARNING", logger="presswatch.ingest"):
        [a] = read_all([path])
    assert [r.getMessage() for r in caplog.records] == [f"{path}:2: blank line skipped; each line of a JSONL "
                                                        f"file holds one article"]


# --- a doc_id given twice in one JSONL file ------------------------------------------------------

REPEATS = ('{"doc_id": "a", "text": "First text."}\n'
           '{"doc_id": "b", "text": "Other."}\n'
           '{"doc_id": "a", "text": "First text."}\n'  # the same article again (PolNeAR: one per annotator)
           '{"doc_id": "a", "text": "A different text."}\n'
           '{"doc_id": "a", "text": "First text.", "url": "https://x.org/a"}\n')  # same text, another URL


def test_repeated_doc_id_is_read_and_warned_when_its_text_differs(write):
    path = write("r.jsonl", REPEATS)
    items, said = read_warned([path])
    assert [(i.doc_id, i.text) for i in items] == [("a", "First text."), ("b", "Other."), ("a", "First text."),
                                                   ("a", "A different text."), ("a", "First text.")]
    assert all(isinstance(i, Article) for i in items)
    assert said == [f"{path}:{n}: doc_id 'a' was already given on line 1 of {path}, with another text or URL; "
                    f"both are analysed: give each article its own doc_id" for n in (4, 5)]


def test_a_repeated_doc_id_is_an_error_for_ingest(write):
    path = write("r.jsonl", REPEATS)
    items = list(read_inputs([str(path)], warn=pytest.fail, repeated_ids="error"))
    assert [type(i).__name__ for i in items] == ["Article", "Article", "Analysis", "Analysis", "Analysis"]
    for bad, n, how in zip(items[2:], (3, 4, 5), ("for the same article", "with another text or URL",
                                                  "with another text or URL")):
        assert_failed(bad, "a", f"{path}:{n}: doc_id 'a' was already given on line 1 of {path}, {how}; "
                                f"the first is kept: give each article its own doc_id")
        assert bad.origin == f"{path}:{n}"


def test_doc_ids_repeat_only_within_one_file(write):
    one = write("one.jsonl", '{"doc_id": "a", "text": "x"}\n')
    two = write("two.jsonl", '{"doc_id": "a", "text": "y"}\n')
    items, said = read_warned([one, two])
    assert [i.text for i in items] == ["x", "y"] and said == []


# --- found by the property tests (tests/test_reader_properties.py) -------------------------------

def test_empty_jsonl_file_is_warned(write):
    path = write("empty.jsonl", b"")
    assert read_warned([path]) == ([], [f"{path}: is empty; it holds no article"])


def test_feed_that_feedparser_cannot_parse_is_a_failed_record(write, monkeypatch):
    import feedparser

    def refuse(data, **kwargs):
        raise ValueError("chr() arg not in range(0x110000)")  # as feedparser did for &#x110000;
    monkeypatch.setattr(feedparser, "parse", refuse)
    path = write("bad.rss", '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title></channel></rss>')
    [item] = read_all([path])
    assert_failed(item, "bad", f"{path}: cannot be read as a feed (chr() arg not in range(0x110000)); "
                               f"give an RSS or Atom feed")


@pytest.mark.parametrize("ref", ["&#x110000;", "&#xD800;", "&#55296;", "&#" + "9" * 5000 + ";"])
def test_feed_character_reference_to_no_character_loses_no_entry(write, ref):
    feed = ('<?xml version="1.0"?><rss version="2.0"><channel><title>G</title>'
            f"<item><title>A</title><guid>a</guid><description>Bad {ref} one.</description></item>"
            "<item><title>B</title><guid>b</guid><description>Good one.</description></item></channel></rss>")
    path = write("refs.rss", feed)
    (a, b), said = read_warned([path])  # feedparser raised on it: the whole feed was one failed record
    assert (a.text, b.text) == ("Bad \ufffd one.", "Good one.")
    [w] = said
    assert w.startswith(f"{path}: 1 character reference to no character ('{ref[:20]}")
    assert w.endswith(") read as U+FFFD")


@pytest.mark.parametrize("field", ["doc_id", "text", "title", "html"])
def test_jsonl_lone_surrogate_escape_is_a_failed_line(write, field):
    line = {"doc_id": "a", "text": "He said it was fine."}
    line[field] = "He said \ud800 it was fine."  # json.dumps writes the escape \ud800
    path = write("s.jsonl", json.dumps(line) + "\n" + '{"doc_id": "b", "text": "ok"}\n')
    bad, ok = read_all([path])
    assert_failed(bad, "s-1", f"{path}:1: \"{field}\" holds \\ud800 at character 8, half of a UTF-16 surrogate pair "
                              f"and no character; write the whole pair or remove it")
    assert isinstance(ok, Article)
    [emoji] = read_all([write("e.jsonl", '{"doc_id": "e", "text": "Smile \\ud83d\\ude00"}\n')])  # a whole pair
    assert emoji.text == "Smile \U0001F600"


@pytest.mark.parametrize("ref", ["&#1;", "&#x1;", "&#X1F;", "&#27;", "&#0008;"])
def test_html_with_a_control_character_reference_keeps_its_article(write, no_network, ref):
    # libxml2 puts the control character in the tree, trafilatura's XML refuses it: no text at all
    page = PAGE.replace("the budget was", f"the budget{ref} was")
    assert page != PAGE
    [a] = read_all([write("ctrl.html", page)])
    assert isinstance(a, Article), a
    assert "the budget was" in a.text and '"We did what we promised," she said.' in a.text


def test_feed_with_a_huge_style_attribute_is_read_quickly(write):
    import time

    body = '&lt;p style="' + "x" * 40_000 + '"&gt;The mayor said the harbour would reopen.&lt;/p&gt;'
    path = write("style.rss", '<?xml version="1.0"?><rss version="2.0"><channel><title>G</title><item><title>H</title>'
                              f"<guid>h</guid><description>{body}</description></item></channel></rss>")
    start = time.perf_counter()
    [a] = read_all([path])  # feedparser's sanitizer took 12 s on this (quadratic in the attribute)
    assert time.perf_counter() - start < 2
    assert a.text == "The mayor said the harbour would reopen."


def test_feed_entry_scripts_and_styles_are_not_text(write):
    body = ("&lt;p&gt;Kept.&lt;/p&gt;&lt;script&gt;var x = 1;&lt;/script&gt;&lt;style&gt;p {color: red}&lt;/style&gt;"
            "&lt;p onclick='evil()'&gt;Also kept.&lt;/p&gt;")
    path = write("s.rss", '<?xml version="1.0"?><rss version="2.0"><channel><title>G</title><item><title>H</title>'
                          f"<guid>h</guid><description>{body}</description></item></channel></rss>")
    [a] = read_all([path])
    assert a.text == "Kept.\nAlso kept."
