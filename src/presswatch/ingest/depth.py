"""HTML nested deeper than libxml2 parses: found, and flattened so that the article inside is read.

libxml2 (under lxml, under trafilatura) stops building the tree at 256 nested elements ("Excessive
depth in document: 256, use XML_PARSE_HUGE option"; 2048 with that option) and drops everything
after that point, so a page wrapped in a few hundred <div>s loses its article. `inspect` parses a
page once with lxml and says whether that happened (and returns the tree, whose <meta> tags the HTML
reader reads); `flatten` rewrites such markup with its nesting limited, keeping every character of
text and the markup of every tag it keeps: pure wrappers (div, span, section, ...) deeper than
WRAPPER_DEPTH lose their tags first, so the article's own <article>, <h1> and <p> survive; any
element deeper than MAX_DEPTH loses its tags too. Pages that libxml2 reads whole are never rewritten.
"""
from __future__ import annotations

from html.parser import HTMLParser
from typing import Any, Optional

WRAPPER_DEPTH = 100  # wrappers below this many kept elements lose their tags
MAX_DEPTH = 200  # no kept element deeper than this (libxml2 refuses 256; html/body/p may be implied)
# elements that only wrap others in div soup (not <main>, <article>, <p>: trafilatura reads those)
WRAPPERS = frozenset({"div", "span", "section", "font", "center", "small", "big", "nobr", "layer", "ilayer"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
                  "param", "source", "track", "wbr", "basefont", "bgsound", "frame", "isindex"})
# a start tag of these closes an open <p> (and li/dt/dd/tr/td/th close their own kind), as in libxml2
_CLOSES_P = frozenset({"p", "div", "ul", "ol", "dl", "table", "blockquote", "pre", "h1", "h2", "h3", "h4",
                       "h5", "h6", "section", "article", "aside", "header", "footer", "nav", "form", "hr"})
_SIBLINGS = {"li": {"li"}, "dt": {"dt", "dd"}, "dd": {"dt", "dd"}, "tr": {"tr", "td", "th"},
             "td": {"td", "th"}, "th": {"td", "th"}, "option": {"option"}}


def inspect(markup: str) -> tuple[Optional[Any], bool]:
    """(lxml tree or None, whether libxml2 stopped at its depth limit) for a page."""
    import lxml.html

    parser = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True,
                                  remove_pis=True)
    try:
        try:
            tree = lxml.html.document_fromstring(markup, parser=parser)
        except ValueError:  # a str with an encoding declaration: lxml wants bytes
            tree = lxml.html.document_fromstring(markup.encode("utf-8", "surrogatepass"), parser=parser)
    except Exception:  # lxml refuses the page (empty, not HTML): trafilatura says so as before
        return None, False
    return tree, any("Excessive depth" in e.message for e in parser.error_log)


def is_deep(markup: str) -> bool:
    return inspect(markup)[1]


def flatten(markup: str) -> str:
    """`markup` with no element nested deeper than MAX_DEPTH (wrappers: WRAPPER_DEPTH)."""
    f = _Flattener()
    f.feed(markup)
    f.close()
    return "".join(f.out)


class _Flattener(HTMLParser):
    """Copies the markup it is fed to `out`, leaving out the start and end tags of elements nested
    too deep. `stack` holds (tag, kept) for the open elements; `depth` counts the kept ones."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.stack: list[tuple[str, bool]] = []
        self.open: dict[str, int] = {}  # tag -> how many are open
        self.depth = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        raw = self.get_starttag_text() or f"<{tag}>"
        if tag in VOID:
            self.out.append(raw)
            return
        self._close_implied(tag)
        limit = WRAPPER_DEPTH if tag in WRAPPERS else MAX_DEPTH
        kept = self.depth < limit
        if kept:
            self.out.append(raw)
            self.depth += 1
        self.stack.append((tag, kept))
        self.open[tag] = self.open.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs) -> None:
        self.out.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.open.get(tag):  # a stray end tag: libxml2 ignores it, so may we
            self.out.append(f"</{tag}>")
            return
        while self.stack:
            open_tag, kept = self._pop()
            if open_tag == tag:
                if kept:
                    self.out.append(f"</{tag}>")
                return

    def _pop(self) -> tuple[str, bool]:
        tag, kept = self.stack.pop()
        self.open[tag] -= 1
        self.depth -= kept
        return tag, kept

    def _close_implied(self, tag: str) -> None:
        """A new <p> (or block) ends an open <p>, a new <li> an open <li>, ...: the element ends
        without its end tag, as libxml2 ends it, so its depth is not counted on."""
        if not self.stack:
            return
        top = self.stack[-1][0]
        if (top == "p" and tag in _CLOSES_P) or top in _SIBLINGS.get(tag, ()):
            self._pop()

    def parse_marked_section(self, i: int, report: bool = True) -> int:
        """<![foo[ ... ]]> with an unknown keyword: Python's parser raises AssertionError; copy it."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            end = self.rawdata.find(">", i)
            if end < 0:
                return -1
            self.out.append(self.rawdata[i:end + 1])
            return end + 1

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")
