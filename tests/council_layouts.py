"""Plans laid out the way councils really lay them out, each written both as Word and as saved web pages.

The layouts follow the heading outlines recorded in the corpus digests
(/work/shared/plans/corpus/): bold Normal headings with typed numbering,
themes set out as "done / doing" tables with bullets in the cells, a table
whose column titles are bold lines inside its first row, themes renamed in a
council's own words, lead-in question headings ending in ":", numbered report
paragraphs that are not headings, corporate priorities split into "What we
have done / Our future plans", and a plan on a page. Every sentence is
invented for these tests; councils, figures and dates are made up.

A layout is a list of items. Each piece of text says where it belongs
(`place`: a theme key, "intro", a topic such as "topics.income_generation",
or "none" for text with no home in the plan), so a test can measure how much
of each theme's wording the import put in that theme. `write_docx` and
`write_html` turn one layout into a .docx (python-docx) and into pages (one
per `Page` item, with site navigation, header and footer around the content).
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.shared import Pt

from plantool.plan import richtext

THEMES = ("transformation", "technology_and_data", "reducing_wasteful_spend", "barriers")


@dataclass
class Heading:
    text: str
    level: int = 1
    how: str = "style"  # style | bold | capitals | larger | plain (typed numbering only)


@dataclass
class Para:
    text: str  # **bold** and [links](https://…) allowed
    place: str


@dataclass
class Bullets:
    items: list[str]
    place: str


@dataclass
class Table:
    rows: list[list]  # each cell a string (one paragraph) or a list: ["Intro:", ["bullet", "bullet"]]
    place: str
    header: str = "bold-row"  # bold-row | bold-first-lines | marked | none


@dataclass
class Page:
    """Where a new web page starts (Word carries on); the title heading is repeated on every page."""

    title: str = ""


@dataclass
class Layout:
    name: str
    items: list = field(default_factory=list)
    title: str = ""  # the Title paragraph (Word) and <h1> on every page (HTML)


# -- the layouts ---------------------------------------------------------------------------


def bold_numbered() -> Layout:
    """No heading styles: bold 12 pt Normal lines with typed numbering '1)' … '8)', themes in the council's words."""
    b = "bold"
    return Layout("bold-numbered", [
        Heading("Wealdmoor District Council Productivity Plan 2024/25", 1, b),
        Para("This plan sets out how the district will keep services strong with less money over 2024/25.", "intro"),
        Para("Producing this plan has cost the council £2,500 in officer time.", "intro"),
        Heading("1) Recommendation", 2, b),
        Para("That Cabinet agrees the plan for submission. The plan was approved by the Council's Cabinet on 10 July 2024.", "none"),
        Heading("2) Redesigning how we deliver services", 2, b),
        Para("We merged the housing and planning front desks into one contact team last spring.", "transformation"),
        Para("Staff now handle routine requests once, which freed eleven posts for casework.", "transformation"),
        Bullets(["A single booking system now serves all community halls.", "Bulky waste collections are booked and paid for online."], "transformation"),
        Heading("3) Making smarter use of data and technology", 2, b),
        Para("A shared dashboard tracks demand for every frontline service each week.", "technology_and_data"),
        Para("We will move our revenues system to a hosted service during 2025.", "technology_and_data"),
        Heading("4) Managing our spending", 2, b),
        Para("Every purchase above £5,000 is checked by a procurement officer before an order is raised.", "reducing_wasteful_spend"),
        Para("Vacant posts are reviewed by directors before they are advertised.", "reducing_wasteful_spend"),
        Heading("5) Commercial income", 2, b),
        Para("Garden waste permits and pre-application planning advice now recover their full cost.", "topics.income_generation"),
        Heading("6) Our assets", 2, b),
        Para("Two depots were sold and the remaining one was refitted to house every vehicle.", "topics.assets_and_estates"),
        Heading("7) What holds us back", 2, b),
        Para("Funding announced a year at a time stops us committing to longer invest-to-save schemes.", "barriers"),
        Heading("8) Conclusions", 2, b),
        Para("The council will report progress against this plan to Cabinet every quarter.", "none"),
    ])


def done_doing_tables() -> Layout:
    """Each theme a two-column 'What we have done' / 'What we are doing / will do' table with bullets in the cells."""
    return Layout("done-doing-tables", [
        Heading("Fenmarsh Borough Council productivity plan 2024/25", 1),
        Para("Each theme below lists what we have changed and what comes next.", "intro"),
        Heading("Transformation", 2),
        Table([
            ["What we have done", "What we are doing / will do"],
            [["Key changes so far:", ["**Customer hub:** one number for every service", "Moved parking enforcement in house", "Closed two satellite offices"]],
             [["Review of leisure contracts", "Shared legal service with a neighbour"]]],
        ], "transformation"),
        Heading("Technology and data", 2),
        Table([
            ["What we have done", "What we are doing / will do"],
            [[["Replaced paper timesheets with a mobile app", "Published open data on planning decisions"]],
             [["Chatbot for council tax questions", "Single address register for all systems", "Data training for team leaders"]]],
        ], "technology_and_data", header="bold-first-lines"),
        Heading("Reducing wasteful spend", 2),
        Table([
            ["What we have done", "What we are doing / will do"],
            [[["Cut printing by half through default double-sided settings", "Renegotiated the cleaning contract"]],
             [["Energy audit of every building", "Spend approval panel for agency cover"]]],
        ], "reducing_wasteful_spend", header="marked"),
        Heading("Barriers", 2),
        Bullets(["Short funding settlements make long projects hard to start.", "Grant bids cost more to write than small pots return."], "barriers"),
    ])


def own_words() -> Layout:
    """Themes renamed in the council's own words (two begin 'Use of resources'), with headings of its own below."""
    return Layout("own-words", [
        Heading("Productivity Plan 2024", 1),
        Para("Kestrel Vale Borough Council considered four themes in preparing this plan.", "intro"),
        Heading("Use of resources – changing the way services are designed and delivered", 2),
        Para("Our redesign programme has looked at every service from the resident's point of view.", "transformation"),
        Heading("Street cleansing", 3),
        Para("Crews now work zones set by complaint data instead of fixed rounds.", "transformation"),
        Heading("Housing advice", 3),
        Para("An appointment system replaced the walk-in queue and cut waiting times by a third.", "transformation"),
        Heading("Use of technology and data to support services", 2),
        Para("We replaced nine case systems with two and retired the old servers.", "technology_and_data"),
        Heading("Use of resources – monitoring spend and staffing", 2),
        Para("Budget holders see spend against budget every week on a shared report.", "reducing_wasteful_spend"),
        Para("Agency cover above four weeks needs the approval of a director.", "reducing_wasteful_spend"),
        Heading("Barriers to service delivery", 2),
        Para("Competitive bidding rewards councils that can afford bid writers rather than those in most need.", "barriers"),
    ])


def lead_in_questions() -> Layout:
    """One page per theme: a short page title, then a lead-in question heading ending in ':'; an unheaded EDI paragraph."""
    title = "Productivity Plan 2024"
    return Layout("lead-in-questions", [
        Page(), Heading(title, 1),
        Para("This guide is published in parts, one for each area the government asked about.", "intro"),
        Heading("Transformation and delivery", 2),
        Heading("How we have transformed the way we design and deliver services to make better use of resources:", 3, "bold"),
        Para("A review of every team during the past year led to a new structure that started in April.", "transformation"),
        Para("Transformation has included:", "transformation"),
        Bullets(["**Budget review:** money follows the outcomes residents value most.", "**Front door:** a self-service point in the main office with staff on hand."], "transformation"),
        Page(), Heading(title, 1),
        Heading("Reducing wasteful spend", 2),
        Heading("Our plans to reduce wasteful spend within our organisation and systems:", 3, "bold"),
        Para("Monthly budget meetings challenge each service line by line.", "reducing_wasteful_spend"),
        Para("Additional actions include:", "reducing_wasteful_spend"),
        Bullets(["Vacancies need leadership team approval.", "Cheaper planting in low-priority verges."], "reducing_wasteful_spend"),
        Para("We meet our equality duties through e-learning for all staff and impact assessments for every Cabinet report.", "reducing_wasteful_spend"),
        Page(), Heading(title, 1),
        Heading("Barriers preventing progress", 2),
        Heading("The barriers preventing progress that the Government can help to reduce or remove:", 3, "bold"),
        Para("Annual settlements stop us planning beyond the next budget.", "barriers"),
        Para("Audit and data returns overlap and take staff away from services.", "barriers"),
    ], title)


def report_paragraphs() -> Layout:
    """A report in a web page: numbered sections whose paragraphs 1.1, 1.2 … are sentences, not headings."""
    n = "plain"
    return Layout("report-paragraphs", [
        Heading("Productivity Plan", 1),
        Para("The plan below was agreed and submitted to the department in July.", "intro"),
        Heading("1. Introduction to the borough", 2, n),
        Para("1.1 The borough is home to about 90,000 residents in a small inner-city area.", "intro"),
        Para("1.2 More than forty languages are spoken in its schools.", "intro"),
        Para("1.3 The council employs 1,450 staff, including those in shared teams.", "intro"),
        Heading("2. Transforming our services", 2, n),
        Para("2.1 Adult care, children's services and public health are run jointly with a neighbouring borough.", "transformation"),
        Para("2.2 The joint teams have removed duplicated management posts since 2019.", "transformation"),
        Heading("3. Technology and data", 2, n),
        Para("3.1 Case records for social care moved to a cloud service in 2023.", "technology_and_data"),
        Para("3.2 A data team now supports each directorate with monthly insight reports.", "technology_and_data"),
        Heading("4. Reducing wasteful spend", 2, n),
        Para("4.1 All consultancy proposals above £10,000 need sign-off by the chief finance officer.", "reducing_wasteful_spend"),
        Heading("5. Barriers", 2, n),
        Para("5.1 Late confirmation of grants makes it hard to keep specialist staff.", "barriers"),
    ])


def priority_pairs() -> Layout:
    """Theme -> corporate priority -> 'What we have done – …' and 'Our future plans – …' bullet lists."""
    return Layout("priority-pairs", [
        Para("As a condition of the finance settlement the council was asked to set out its plans under four questions.", "intro"),
        Para("This plan was agreed by the cabinet on 15 July 2024.", "intro"),
        Heading("Productivity plan 2024", 2),
        Heading("1. How we are transforming the way we design and deliver services to make better use of our resources", 3),
        Heading("What we have done – stronger communities", 4),
        Bullets(["Brought housing and wellbeing officers into neighbourhood teams", "Passed the town museum to a charitable trust", "Launched a community lottery"], "transformation"),
        Heading("Our future plans – stronger communities", 4),
        Bullets(["Extend neighbourhood working to two more areas", "Align the customer strategy with digital investment"], "transformation"),
        Heading("What we have done – a greener district", 4),
        Bullets(["Switched the fleet depot to solar power", "Cut grass-cutting rounds on low-use verges"], "transformation"),
        Heading("Our future plans – a greener district", 4),
        Bullets(["Plant ten thousand trees on council land"], "transformation"),
        Heading("2. How we plan to take advantage of technology and make better use of data", 3),
        Bullets(["Inspectors record visits on tablets", "Payments at every site are cashless"], "technology_and_data"),
    ])


def plan_on_a_page() -> Layout:
    """A plan on a page (a table of the themes), then themes headed in capitals and in larger type."""
    return Layout("plan-on-a-page", [
        Heading("Harrowdale County Council Productivity Plan 2024/25", 1, "larger"),
        Para("Our plan on a page summarises the four areas before the detail that follows.", "intro"),
        Table([
            ["Area", "Summary"],
            ["Transformation", "Fewer, larger teams built around residents"],
            ["Technology and data", "One data platform for every service"],
            ["Reducing wasteful spend", [["A weekly spend board", "Fewer agency staff in care"]]],
        ], "intro"),
        Heading("TRANSFORMATION", 2, "capitals"),
        Para("The council has reduced its senior management by a quarter since 2021.", "transformation"),
        Para("Libraries, registrars and customer contact now share one service manager.", "transformation"),
        Heading("TECHNOLOGY AND DATA", 2, "capitals"),
        Para("All children's social care records are in one system shared with schools.", "technology_and_data"),
        Heading("Reducing wasteful spend", 2, "larger"),
        Para("A spend board meets weekly and has stopped 140 non-essential orders this year.", "reducing_wasteful_spend"),
        Heading("BARRIERS", 2, "capitals"),
        Para("Home to school transport costs rise faster than any grant we receive.", "barriers"),
    ])


def programme_structure() -> Layout:
    """Organised by the council's own programme (operating model, reviews, governance), with a table whose header is not marked."""
    return Layout("programme-structure", [
        Heading("Productivity Plan", 1),
        Para("The government asked every council to describe how it will improve productivity.", "intro"),
        Heading("Introduction", 2),
        Para("Brackenfold Council was formed in 2023 from three former councils.", "intro"),
        Heading("Transforming services", 2),
        Para("Bringing three councils together has given us a chance to rebuild how we work.", "transformation"),
        Heading("Our target operating model", 3),
        Para("Simple requests move online so staff can spend time on complex cases.", "transformation"),
        Heading("Service reviews", 3),
        Para("Each service is reviewed in depth over the next two years, starting with waste and housing.", "transformation"),
        Table([
            ["Review", "Status"],
            ["Waste collection", "Under way"],
            ["Housing repairs", "Planned"],
        ], "transformation", header="bold-row"),
        Heading("Digital, technology and data", 2),
        Para("A new customer record system will replace the three inherited from the former councils.", "technology_and_data"),
        Heading("Reducing wasteful spend", 2),
        Para("Fees and charges were harmonised across the former areas.", "reducing_wasteful_spend"),
        Heading("Partnership working", 2),
        Para("We share a fraud team with two neighbouring councils.", "topics.partnerships"),
        Heading("Barriers", 2),
        Para("Reorganisation costs are not recognised in the funding formula.", "barriers"),
    ])


LAYOUTS = {layout.name: layout for layout in (
    bold_numbered(), done_doing_tables(), own_words(), lead_in_questions(),
    report_paragraphs(), priority_pairs(), plan_on_a_page(), programme_structure(),
)}


# -- what a layout holds -----------------------------------------------------------------------


def plain(text: str) -> str:
    return richtext.plain(text)


def cell_parts(cell) -> list:
    """A cell as ('paragraph', text) and ('bullet', text) parts, in order."""
    if isinstance(cell, str):
        return [("paragraph", cell)]
    out = []
    for part in cell:
        if isinstance(part, str):
            out.append(("paragraph", part))
        else:
            out.extend(("bullet", item) for item in part)
    return out


def texts_by_place(layout: Layout) -> dict[str, list[str]]:
    """Every piece of body text (not headings, not column titles) by where it belongs."""
    out: dict[str, list[str]] = {}
    for item in layout.items:
        if isinstance(item, Para):
            out.setdefault(item.place, []).append(plain(item.text))
        elif isinstance(item, Bullets):
            out.setdefault(item.place, []).extend(plain(t) for t in item.items)
        elif isinstance(item, Table):
            for row in item.rows[1:] if item.header != "none" else item.rows:
                for cell in row:
                    out.setdefault(item.place, []).extend(plain(t) for _, t in cell_parts(cell))
    return out


def cell_bullets(layout: Layout) -> list[str]:
    return [plain(t) for item in layout.items if isinstance(item, Table) for row in item.rows for cell in row for kind, t in cell_parts(cell) if kind == "bullet"]


def all_text(layout: Layout) -> list[str]:
    """Every word the document holds, headings and column titles included (the title once)."""
    out = [layout.title] if layout.title else []
    seen_titles = set()
    for item in layout.items:
        if isinstance(item, Heading):
            if item.text == layout.title:
                if item.text in seen_titles:
                    continue
                seen_titles.add(item.text)
            out.append(item.text)
        elif isinstance(item, Table) and item.header != "none":
            out.extend(plain(t) for cell in item.rows[0] for _, t in cell_parts(cell))  # column titles
    for texts in texts_by_place(layout).values():
        out.extend(texts)
    return out


# -- Word --------------------------------------------------------------------------------------


def _runs(paragraph, text: str, *, bold: bool = False, size: float | None = None):
    for span in richtext.spans(text):
        run = paragraph.add_run(span.text)
        run.bold = True if (bold or span.bold) else None
        if size:
            run.font.size = Pt(size)


def write_docx(layout: Layout, path: Path) -> Path:
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(11)
    last_title = None
    for item in layout.items:
        if isinstance(item, Page):
            continue
        if isinstance(item, Heading):
            if item.text == layout.title and last_title == item.text:
                continue  # Word has the title once; pages repeat it
            last_title = item.text if item.text == layout.title else last_title
            if item.how == "style":
                document.add_heading(item.text, item.level)
            elif item.how == "bold":
                _runs(document.add_paragraph(), item.text, bold=True, size=12)
            elif item.how == "larger":
                _runs(document.add_paragraph(), item.text, size=16 if item.level == 1 else 14)
            else:  # capitals or typed numbering: plain Normal text
                _runs(document.add_paragraph(), item.text)
        elif isinstance(item, Para):
            _runs(document.add_paragraph(), item.text)
        elif isinstance(item, Bullets):
            for text in item.items:
                _runs(document.add_paragraph(style="List Bullet"), text)
        elif isinstance(item, Table):
            _table(document, item)
    document.save(path)
    return path


def _table(document, item: Table) -> None:
    rows = item.rows
    header = item.header
    columns = max(len(r) for r in rows)
    if header == "bold-first-lines":  # the column titles are bold first lines inside the first body row
        titles, body = rows[0], rows[1:]
        first = [[(t)] + [p for p in (cell if isinstance(cell, list) else [cell])] for t, cell in zip(titles, body[0])]
        rows = [first, *body[1:]]
    table = document.add_table(rows=0, cols=columns)
    table.style = document.styles["Table Grid"]
    for index, row in enumerate(rows):
        cells = table.add_row().cells
        if index == 0 and header == "marked":
            tr_pr = table.rows[0]._tr.get_or_add_trPr()
            mark = OxmlElement("w:tblHeader")
            tr_pr.append(mark)
        for cell, content in zip(cells, row):
            first = True
            parts = cell_parts(content)
            for number, (kind, text) in enumerate(parts):
                paragraph = cell.paragraphs[0] if first else cell.add_paragraph(style="List Bullet" if kind == "bullet" else None)
                if first and kind == "bullet":
                    paragraph.style = document.styles["List Bullet"]
                first = False
                bold = (index == 0 and header == "bold-row") or (index == 0 and header == "bold-first-lines" and number == 0)
                _runs(paragraph, text, bold=bold)


# -- web pages -----------------------------------------------------------------------------------


def _inline(text: str) -> str:
    out = []
    for span in richtext.spans(text):
        words = html.escape(span.text)
        if span.url:
            words = f'<a href="{html.escape(span.url)}">{words}</a>'
        out.append(f"<strong>{words}</strong>" if span.bold else words)
    return "".join(out)


SITE_TOP = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Council website</title>
<link rel="canonical" href="https://www.council.example.gov.uk/plan/{number}"></head>
<body><a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><a href="/">Council home</a> <form action="/search"><input name="q"></form> Search this site</header>
<nav aria-label="Breadcrumb" class="breadcrumb"><ol><li><a href="/">Home</a></li><li><a href="/council">Your council</a></li></ol></nav>
<div class="page"><nav class="side-menu"><ul><li><a href="/plan/1">Part one</a></li><li><a href="/plan/2">Part two</a></li></ul></nav>
<main id="main">
"""
SITE_BOTTOM = """</main>
<aside><h2>Related pages</h2><ul><li><a href="/budget">Budget and spending</a></li></ul></aside></div>
<footer><p>Council offices, High Street. Open 9am to 5pm.</p><ul><li><a href="/cookies">Cookies</a></li><li><a href="/privacy">Privacy</a></li></ul></footer>
<script>window.analytics = {page: "plan"};</script></body></html>
"""


def write_html(layout: Layout, directory: Path) -> list[Path]:
    """The layout as saved pages, one per Page item (one page when it has none), in reading order."""
    pages: list[list[str]] = [[]]
    for item in layout.items:
        if isinstance(item, Page):
            if pages[-1]:
                pages.append([])
            continue
        pages[-1].append(_html_item(item))
    paths = []
    for number, body in enumerate(pages, start=1):
        path = Path(directory) / f"{layout.name}-{number}.html"
        title = layout.title or layout.name
        path.write_text(SITE_TOP.format(title=html.escape(title), number=number) + "\n".join(body) + SITE_BOTTOM, encoding="utf-8")
        paths.append(path)
    return paths


def _html_item(item) -> str:
    if isinstance(item, Heading):
        if item.how == "bold":
            return f"<p><strong>{_inline(item.text)}</strong></p>"
        return f"<h{item.level}>{_inline(item.text)}</h{item.level}>"
    if isinstance(item, Para):
        return f"<p>{_inline(item.text)}</p>"
    if isinstance(item, Bullets):
        return "<ul>" + "".join(f"<li>{_inline(t)}</li>" for t in item.items) + "</ul>"
    if isinstance(item, Table):
        rows = []
        for index, row in enumerate(item.rows):
            cells = []
            for cell in row:
                tag = "th" if index == 0 and item.header != "none" else "td"
                inner, bullets = [], []
                for kind, text in cell_parts(cell):
                    if kind == "bullet":
                        bullets.append(f"<li>{_inline(text)}</li>")
                    else:
                        if bullets:
                            inner.append("<ul>" + "".join(bullets) + "</ul>")
                            bullets = []
                        inner.append(f"<p>{_inline(text)}</p>" if len(cell_parts(cell)) > 1 else _inline(text))
                if bullets:
                    inner.append("<ul>" + "".join(bullets) + "</ul>")
                cells.append(f"<{tag}>{''.join(inner)}</{tag}>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        head = f"<thead>{rows[0]}</thead>" if item.header != "none" else ""
        body = rows[1:] if item.header != "none" else rows
        return f"<table>{head}<tbody>{''.join(body)}</tbody></table>"
    raise TypeError(item)


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9£%]+", richtext.plain(text).lower()) if text else []
