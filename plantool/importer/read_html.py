"""Read saved web pages, in order, into the same blocks as a Word document.

Many councils publish the plan as web pages, often one page per theme. Each
page is parsed with selectolax (the Lexbor engine: the WHATWG parsing
algorithm browsers use, so a page's broken markup gives the tree the author
saw, at C speed). Only the page's content is read: `main` (or the `article`s,
or the element marked role="main") where the page has one, else the body
without the site's navigation, header, footer and asides. Scripts, styles,
forms and hidden elements are never read. Pages are read in the order given,
and a heading every page repeats (the plan's title above each theme page) is
kept once.

h1-h6 are headings at their level; p and div paragraphs; li bullets; table
cells keep their own paragraphs and bullets; strong, b and bold styles are
bold; links keep their address when it is absolute (or can be made absolute
from the page's canonical address), and become plain words otherwise. A
definition list's term and description read as one fact, "Period: 2024/25", as
a Word title block writes it; an hgroup's h1 is the title and its paragraph the
subtitle (both kept once when every page repeats them); a paragraph that is only
plantool's draft mark is left out, though "DRAFT" in a table or a list is content.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin

from plantool.importer.blocks import Block, SourceDocument, Span, header_row, table, text_block
from plantool.importer.limits import MAX_BODY_BYTES, TooLarge, check_body
from plantool.importer.source import DocumentError
from plantool.publish import labels

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
SKIP = frozenset("script style noscript template nav aside form button select textarea input iframe svg canvas object embed audio video map head title meta link".split())
FURNITURE = frozenset(("header", "footer"))  # read only inside the page's main content, and footers never
BLOCKS = frozenset("p div section article main header hgroup address blockquote figure figcaption pre dt dd hr center details summary".split())
HEADINGS = {f"h{n}": n for n in range(1, 7)}
FURNITURE_ROLES = frozenset(("navigation", "banner", "contentinfo", "complementary", "search"))
FURNITURE_CLASSES = frozenset(
    "breadcrumb breadcrumbs cookie cookies cookie-banner skip-link skiplink visually-hidden sr-only screen-reader-text share social pagination".split()
)
MAX_DEPTH = 150  # deeper markup is read as plain text rather than walked
_BOLD_STYLE = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.IGNORECASE)
# plantool's own draft mark ("DRAFT – 4 findings to resolve"): a mark on the export, not the plan's text.
_DRAFT_MARK = re.compile(
    "|".join(re.escape(mark).replace(r"\{count\}", r"\d+") for mark in (labels.DRAFT_MARK, *labels.DRAFT_FINDINGS, labels.DRAFT_ONLY))
)
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


def decode(data: bytes) -> str:
    """The page's text: a byte-order mark or <meta charset> says the encoding, else UTF-8, else Windows-1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", "replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", "replace")
    declared = _CHARSET.search(data[:4096])
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"), "replace")
        except LookupError:
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", "replace")


def read_page(path: Path) -> bytes:
    try:
        if not path.is_file():
            raise DocumentError(f"{path}: page not found" if not path.exists() else f"{path}: page is not a file")
        size = path.stat().st_size
        check_body(str(path), size, "page")
        data = path.read_bytes()
    except TooLarge as exc:
        raise DocumentError(str(exc)) from None
    except OSError as exc:
        raise DocumentError(f"{path}: cannot read page: {exc.strerror or exc}") from None
    head = data[:1024]
    if head.startswith((b"PK\x03\x04", b"%PDF", b"\xd0\xcf\x11\xe0")) or (b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        raise DocumentError(f"{path}: not a saved web page (it looks like a binary file; save the page as HTML)")
    return data


class PageReader:
    """One page's content as blocks."""

    def __init__(self, base: str | None, in_cell: bool = False):
        self.base = base
        self.in_cell = in_cell  # a table cell's reader: its "DRAFT" is a value, never a mark
        self.blocks: list[Block] = []
        self.spans: list[Span] = []
        self.kind = "paragraph"
        self.images = 0
        self.skipped: set[str] = set()

    # -- what is content -----------------------------------------------------------
    def furniture(self, node) -> str:
        """Why an element is not content ('navigation', 'footer', …), or '' when it is."""
        tag = node.tag
        attrs = node.attributes
        if tag in SKIP:
            return {"nav": "navigation", "aside": "sidebar", "form": "form"}.get(tag, "")  or "script or style"
        if "hidden" in attrs or (attrs.get("aria-hidden") or "").lower() == "true":
            return "hidden"
        role = (attrs.get("role") or "").lower()
        if role in FURNITURE_ROLES:
            return {"navigation": "navigation", "banner": "header", "contentinfo": "footer"}.get(role, "sidebar")
        classes = set((attrs.get("class") or "").lower().split())
        if classes & FURNITURE_CLASSES:
            return "page furniture"
        if tag == "footer":
            return "footer"
        return ""

    def link(self, href: str | None) -> str | None:
        href = (href or "").strip()
        if re.match(r"(?i)^(https?:|mailto:)", href):
            return href
        if self.base and href and not href.startswith(("#", "javascript:", "data:")):
            joined = urljoin(self.base, href)
            return joined if re.match(r"(?i)^https?:", joined) else None
        return None

    # -- the walk ------------------------------------------------------------------
    def flush(self) -> None:
        if self.spans:
            block = text_block(self.kind, self.spans)
            if block is not None and self.kind == "paragraph" and not self.in_cell and _DRAFT_MARK.fullmatch(block.plain.strip()):
                self.skipped.add("draft mark")
            elif block is not None:
                self.blocks.append(block)
        self.spans = []

    def walk(self, node, bold: bool = False, url: str | None = None, depth: int = 0) -> None:
        for child in node.iter(include_text=True):
            self.visit(child, bold, url, depth)

    def visit(self, child, bold: bool, url: str | None, depth: int) -> None:
        """One node of the page: text, an element skipped as furniture, or an element read by its kind."""
        tag = child.tag
        if tag == "-text":
            self.spans.append(Span(child.text(deep=False) or "", bold, url))
            return
        if tag.startswith("-") or tag.startswith("_"):
            return  # comments and other non-elements
        why = self.furniture(child)
        if why:
            self.skipped.add(why)
            return
        if depth > MAX_DEPTH:
            self.spans.append(Span(" " + (child.text(deep=True) or "") + " ", bold, url))
            return
        child_bold = bold or tag in ("strong", "b") or bool(_BOLD_STYLE.search(child.attributes.get("style") or ""))
        if tag in HEADINGS:
            self.flush()
            kind, self.kind = self.kind, "heading"
            self.walk(child, False, url, depth + 1)
            spans, self.spans, self.kind = self.spans, [], kind
            titled = tag == "h1" and _in_hgroup(child)  # the document's title, with its subtitle beside it
            block = text_block("title" if titled else "heading", spans, level=0 if titled else HEADINGS[tag])
            if block is not None:
                block.how = "html"
                self.blocks.append(block)
        elif tag in ("ul", "ol"):
            self.flush()
            self.walk(child, child_bold, url, depth + 1)
            self.flush()
        elif tag == "li":
            self.flush()
            kind, self.kind = self.kind, "bullet"
            self.walk(child, child_bold, url, depth + 1)
            self.flush()
            self.kind = kind
        elif tag == "table":
            self.flush()
            self.table(child, depth)
        elif tag == "dl":
            self.flush()
            self.definitions(child, child_bold, url, depth + 1)
        elif tag == "p" and _is_subtitle(child):
            self.flush()
            kind, self.kind = self.kind, "subtitle"
            self.walk(child, child_bold, url, depth + 1)
            self.flush()
            self.kind = kind
        elif tag in BLOCKS or tag in FURNITURE:
            self.flush()
            self.walk(child, child_bold, url, depth + 1)
            self.flush()
        elif tag == "a":
            self.walk(child, child_bold, self.link(child.attributes.get("href")) or url, depth + 1)
        elif tag in ("br", "wbr"):
            self.spans.append(Span(" ", bold, url))
        elif tag == "img":
            self.images += 1
        else:  # inline: span, em, i, u, small, abbr, …
            self.walk(child, child_bold, url, depth + 1)

    def table(self, node, depth: int) -> None:
        rows, header_rows = [], 0
        for section in [node, *[c for c in node.iter() if c.tag in ("thead", "tbody", "tfoot")]]:
            for tr in section.iter():
                if tr.tag != "tr":
                    continue
                cells = [c for c in tr.iter() if c.tag in ("td", "th")]
                row = []
                for cell in cells:
                    reader = PageReader(self.base, in_cell=True)
                    reader.walk(cell, False, None, depth + 2)
                    reader.flush()
                    self.images += reader.images
                    row.append(reader.blocks)
                if header_rows == len(rows) and (section.tag == "thead" or (cells and all(c.tag == "th" for c in cells))):
                    header_rows += 1
                rows.append(row)
        if not any(any(cell for cell in row) for row in rows):
            return
        rows, header_rows = header_row(rows, header_rows)
        self.blocks.append(table(rows, header_rows))


    def definitions(self, node, bold: bool, url: str | None, depth: int) -> None:
        """A <dl>: each term and its descriptions as one paragraph, 'Period: 2024/25' ('Term: a, b' for two).

        A description holding a list, a table or a heading is too long for one
        line: its term stands as a paragraph of its own and it is read as usual.
        Anything else in the list (text, a paragraph) is read as it stands.
        """
        fact: list[Span] = []
        described = False
        for item in self.definition_items(node):
            if item.tag.startswith(("-", "_")) and not (item.tag == "-text" and (item.text(deep=False) or "").strip()):
                continue  # the white space between the elements, and comments
            why = self.furniture(item)
            if why:
                self.skipped.add(why)
                continue
            if item.tag not in ("dt", "dd") or (item.tag == "dd" and _has_blocks(item)):
                self.spans = fact  # the fact so far is a paragraph of its own
                self.flush()
                fact, described = [], False
                if item.tag == "dd":
                    self.walk(item, bold, url, depth)
                else:
                    self.visit(item, bold, url, depth)
                self.flush()
                continue
            spans = self.inline(item, bold, url, depth)
            if item.tag == "dt":
                self.spans = fact
                self.flush()
                fact, described = _without_colon(spans), False
            elif spans:
                fact = [*fact, Span(", " if described else (": " if fact else ""), False, None), *spans]
                described = True
        self.spans = fact
        self.flush()

    def definition_items(self, node) -> list:
        """What a <dl> holds, in order, with the dt and dd elements HTML lets it group in a <div> taken out of it."""
        items = []
        for child in node.iter(include_text=True):
            if child.tag == "div" and not self.furniture(child) and child.css_first("dt, dd") is not None:
                items.extend(child.iter(include_text=True))
            else:
                items.append(child)  # a hidden group is skipped as a whole by the caller
        return items

    def inline(self, node, bold: bool, url: str | None, depth: int) -> list[Span]:
        """The words of an element as spans on one line: its paragraphs joined by spaces, links and bold kept.

        An element holding structure of its own (a list of terms, a table, a
        heading) is read as blocks, whose words are then joined: nothing is lost,
        though links inside it become plain words.
        """
        nested = node.css_first("dl, table, h1, h2, h3, h4, h5, h6") is not None
        reader = PageReader(self.base) if nested else _LineReader(self.base)
        reader.walk(node, bold, url, depth)
        self.images += reader.images
        self.skipped |= reader.skipped
        if nested:
            reader.flush()
            spans = [piece for block in reader.blocks for piece in (Span(block.plain, block.bold_only, None), Span(" ", False, None))]
        else:
            spans = reader.spans
        while spans and not spans[-1].text.strip():
            spans.pop()
        return spans


class _LineReader(PageReader):
    """Reads an element onto one line: where a paragraph would end, a space."""

    def flush(self) -> None:
        if self.spans and self.spans[-1].text.strip():
            self.spans.append(Span(" ", False, None))


def _without_colon(spans: list[Span]) -> list[Span]:
    """A term as written 'Period:' reads 'Period', so that the fact is 'Period: 2024/25', not 'Period:: 2024/25'."""
    if spans and spans[-1].text.rstrip().endswith(":"):
        last = spans[-1]
        return [*spans[:-1], Span(last.text.rstrip()[:-1], last.bold, last.url)]
    return spans


def _has_blocks(node) -> bool:
    return node.css_first("ul, ol, table, h1, h2, h3, h4, h5, h6") is not None


def _in_hgroup(node) -> bool:
    parent = node.parent
    return parent is not None and parent.tag == "hgroup"


def _is_subtitle(node) -> bool:
    """The paragraph of an <hgroup> round the page's h1: HTML's mark-up for the title's subtitle."""
    return _in_hgroup(node) and node.parent.css_first("h1") is not None


def content_roots(tree) -> list:
    """The page's content: main, else its articles, else role=main, else the body (furniture skipped while walking)."""
    for selector in ("main", "[role=main]"):
        found = tree.css(selector)
        if found:
            return [found[0]]
    articles = [a for a in tree.css("article") if not any(p.tag == "article" for p in _ancestors(a))]
    if articles:
        return articles
    return [tree.body] if tree.body is not None else []


def _ancestors(node):
    parent = node.parent
    while parent is not None:
        yield parent
        parent = parent.parent


def canonical(tree) -> str | None:
    for selector, attr in (("link[rel=canonical]", "href"), ("meta[property='og:url']", "content"), ("base[href]", "href")):
        node = tree.css_first(selector)
        value = (node.attributes.get(attr) or "").strip() if node is not None else ""
        if re.match(r"(?i)^https?://", value):
            return value
    return None


def read_html(text: str) -> tuple[list[Block], str, int, set[str]]:
    """One page: (blocks, its <title>, images, what was left out as furniture)."""
    from selectolax.lexbor import LexborHTMLParser

    tree = LexborHTMLParser(text)
    reader = PageReader(canonical(tree))
    roots = content_roots(tree)
    if roots and roots[0].tag != "body":  # what lies around the content is the site's, not the plan's
        for tag, why in (("nav", "navigation"), ("header", "header"), ("footer", "footer"), ("aside", "sidebar")):
            if tree.css_first(tag) is not None:
                reader.skipped.add(why)
    for root in roots:
        if root.tag == "body":
            root = _without_header(root, reader.skipped)
        reader.walk(root)
        reader.flush()
    title_node = tree.css_first("title")
    title = " ".join((title_node.text() if title_node is not None else "").split())
    return reader.blocks, title, reader.images, reader.skipped


def _without_header(body, skipped: set[str]):
    """The body with the site's header taken out (a page with main or article keeps the header inside it)."""
    for child in body.css("header"):
        skipped.add("header")
        child.decompose()
    return body


def load_pages(paths: list[Path]) -> SourceDocument:
    """Saved pages, in order, as one document; raises source.DocumentError."""
    blocks: list[Block] = []
    title, images, skipped, total = "", 0, set(), 0
    seen_titles: set[str] = set()
    for path in paths:
        data = read_page(path)
        total += len(data)
        if total > MAX_BODY_BYTES:
            raise DocumentError(
                f"{path}: the pages come to {total / (1024 * 1024):.1f} MB together; the import limit is {MAX_BODY_BYTES // (1024 * 1024)} MB"
            )
        try:
            page_blocks, page_title, page_images, page_skipped = read_html(decode(data))
        except Exception as exc:  # the parser raises little, but a broken page must be one line, not a traceback
            raise DocumentError(f"{path}: cannot read the page ({type(exc).__name__})") from None
        first_heading = next((b for b in page_blocks if b.kind in ("heading", "title")), None)
        if first_heading is not None and (first_heading.kind == "title" or first_heading.level == 1):
            at = page_blocks.index(first_heading)
            beneath = page_blocks[at + 1] if at + 1 < len(page_blocks) and page_blocks[at + 1].kind == "subtitle" else None
            if first_heading.plain in seen_titles:
                page_blocks.remove(first_heading)  # the plan's title, repeated above every theme page
                if beneath is not None and beneath.plain in seen_titles:
                    page_blocks.remove(beneath)  # and the council's name beneath it
            seen_titles.update([first_heading.plain] + ([beneath.plain] if beneath is not None else []))
        blocks.extend(page_blocks)
        title = title or page_title
        images += page_images
        skipped |= page_skipped
    return SourceDocument(blocks, core_title=title, images=images, kind="web page" if len(paths) == 1 else "web pages", skipped=sorted(skipped))
