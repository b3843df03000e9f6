"""Word documents laid out the way councils lay out their productivity plans, built with python-docx.

The layouts follow the two published plans in /work/shared/plans (heading
styles and levels, "Thematic Area 1:" and "1." numbering, bold lead-ins,
a figures-in-sentences section, a measures table, "Other information"); the
wording, councils' figures and sentences are invented for these tests.
"""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn


def bold_heading(document, text: str, level: int):
    """A heading whose words are also bold runs, as converted council documents often have."""
    paragraph = document.add_heading("", level=level)
    paragraph.add_run(text).bold = True
    return paragraph


def lead_in(document, bold: str, rest: str, style: str = "List Bullet"):
    paragraph = document.add_paragraph(style=style)
    paragraph.add_run(bold).bold = True
    paragraph.add_run(rest)
    return paragraph


def hyperlink(paragraph, text: str, url: str):
    rid = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)
    return paragraph


def field_link(paragraph, text: str, url: str):
    """A link held in a HYPERLINK field, as older Word versions and converters write it."""
    def char(kind):
        run = OxmlElement("w:r")
        fld = OxmlElement("w:fldChar")
        fld.set(qn("w:fldCharType"), kind)
        run.append(fld)
        return run

    instr_run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f' HYPERLINK "{url}" '
    instr_run.append(instr)
    shown = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    shown.append(t)
    for element in (char("begin"), instr_run, char("separate"), shown, char("end")):
        paragraph._p.append(element)
    return paragraph


def table(document, rows, header_bold: bool = True):
    result = document.add_table(rows=0, cols=len(rows[0]))
    result.style = document.styles["Table Grid"]
    for index, row in enumerate(rows):
        cells = result.add_row().cells
        for cell, text in zip(cells, row):
            run = cell.paragraphs[0].add_run(str(text))
            run.bold = header_bold and index == 0 or None
    return result


def thematic_areas(path: Path) -> Path:
    """Like the first published plan: no title, 'Background', 'Thematic Area N:' headings at uneven levels,
    bold lead-in bullets, and the disclosure figures stated in sentences inside theme 3."""
    document = docx.Document()
    bold_heading(document, "Background", 2)
    document.add_paragraph(
        "Rutland County Council has prepared this plan in answer to the government's request, "
        "looking back at what has changed and forward to the next two years."
    )
    document.add_paragraph("The plan is arranged under the four themes the government asked about.")
    bold_heading(document, "Thematic Area 1: Transformation", 2)
    document.add_paragraph(
        "We have reorganised into three directorates and cut management layers from six to four, "
        "saving £3.2 million a year."
    )
    document.add_paragraph("Examples of the changes:")
    lead_in(document, "Libraries Review:", " opening hours now follow footfall, and two branches share one team.")
    lead_in(document, "Highways Contract:", " one contract replaced four, with payment tied to repair times.")
    paragraph = document.add_paragraph("Our savings plans are published in the ")
    hyperlink(paragraph, "medium-term financial strategy", "https://www.rutland.example.gov.uk/mtfs")
    paragraph.add_run(".")
    bold_heading(document, "Thematic Area 2: Digital, Technology and Data", 2)
    document.add_paragraph("Dashboards built on our data warehouse now inform every budget decision.")
    lead_in(document, "Chatbot pilot:", " answers council tax questions at any hour.")
    bold_heading(document, "Thematic Area 3: Reducing Wasteful Expenditure", 3)
    document.add_paragraph("All orders above £2,000 need a second signature, and spend is reported to Cabinet monthly.")
    document.add_paragraph(
        "In 2023/24, spend on agency staff and consultants was 7.5% of the total staffing budget. "
        "At the end of March 2024, 41 agency and consultancy workers had been engaged for over 12 months."
    )
    document.add_paragraph(
        "New starters complete a short EDI module; three staff networks share an annual budget of £2,000."
    )
    document.add_paragraph("Spending on trade union facility time was £98,500, or 0.05% of the pay bill.")
    bold_heading(document, "Thematic Area 4: Barriers", 4)
    document.add_paragraph("Several barriers stand in the way of further improvement:")
    lead_in(document, "Short-term funding", " makes it hard to plan beyond one year at a time.")
    lead_in(document, "Data sharing rules:", " stop us joining records with health partners.")
    document.add_paragraph("Limited broadband in rural villages holds back online services.", style="List Bullet")
    document.save(path)
    return path


def numbered_questions(path: Path) -> Path:
    """Like the second published plan: a 'plan on a page' under an appendix heading, then the
    government's questions as numbered headings, a measures table, and 'Other information'."""
    document = docx.Document()
    document.add_heading("Appendix 2: Northumberland County Council Productivity Plan On A Page 2024", 1)
    document.add_paragraph("We have saved £95 million since 2012 while demand for care has grown.")
    lead_in(document, "County Vision 2040", " - our long-term partnership plan.")
    lead_in(document, "Annual Council Plan", " - refreshed every spring alongside the budget.")
    document.add_heading("Northumberland County Council Productivity Plan 2024", 1)
    bold_heading(
        document,
        "1. How the council has transformed the way it designs and delivers services to make better use of resources.",
        2,
    )
    document.add_paragraph("Demand has risen across every statutory service, as the table shows:")
    table(
        document,
        [
            ["Measure", "Baseline Period", "Baseline", "Current", "Increase"],
            ["Adults receiving home care", "2015", "3,120", "3,890", "25%"],
            ["Children looked after", "2012", "310", "455", "47%"],
        ],
    )
    document.add_paragraph("We responded by joining up support services and moving transactions online.")
    paragraph = document.add_paragraph("Read more in our ")
    field_link(paragraph, "Council Plan", "https://www.northumberland.example.gov.uk/council-plan")
    paragraph.add_run(".")
    bold_heading(
        document,
        "2. How we plan to take advantage of technology and make better use of data to improve decision-making, "
        "service design and use of resources",
        2,
    )
    document.add_paragraph("A shared data platform will give one view of each household by 2026.")
    bold_heading(document, "3. Our plans to reduce spend within our organisation and systems", 2)
    document.add_paragraph("Every capital bid is scored on payback, and energy projects must pay for themselves.")
    bold_heading(document, "4. The barriers preventing progress that the Government can help to reduce or remove", 4)
    lead_in(document, "Return to multi-year settlements", " - so that budgets can be planned with confidence.")
    lead_in(document, "Simplify grant funding", " - bidding for small pots costs more than it returns.")
    paragraph = document.add_paragraph("Allow councils to set ", style="List Bullet")
    paragraph.add_run("local fees").bold = True
    paragraph.add_run(" that cover the cost of the service.")
    document.add_heading("5. Other information", 2)
    document.add_paragraph("The government also asked about spending on the workforce:")
    lead_in(document, "Equality, Diversity and Inclusion", " - two e-learning courses are mandatory for all staff.")
    paragraph = lead_in(document, "Agency workers", " - we spend the equivalent of ")
    paragraph.add_run("2.1%").bold = True
    paragraph.add_run(" of our paybill on agency staff, mostly in social care.")
    lead_in(document, "Consultants", " - the equivalent of 3.4% of our paybill goes on specialist advice.")
    document.save(path)
    return path


def mixed_layout(path: Path) -> Path:
    """Title and subtitle, a contents field, headings the schema does not know, a bold paragraph
    used as a heading, an unknown table, a custom heading style, a content control and a text box."""
    document = docx.Document()
    document.add_paragraph("Productivity Plan 2025/26", style="Title")
    document.add_paragraph("Kent County Council", style="Subtitle")
    document.add_paragraph("Contents").runs[0].bold = True
    toc = document.add_paragraph()
    begin = OxmlElement("w:r")
    fld = OxmlElement("w:fldChar")
    fld.set(qn("w:fldCharType"), "begin")
    begin.append(fld)
    instr = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.text = ' TOC \\o "1-1" \\h '
    instr.append(text)
    sep = OxmlElement("w:r")
    fld2 = OxmlElement("w:fldChar")
    fld2.set(qn("w:fldCharType"), "separate")
    sep.append(fld2)
    for element in (begin, instr, sep):
        toc._p.append(element)
    toc.add_run("Our vision")
    entry = document.add_paragraph("Transformation")
    end = OxmlElement("w:r")
    fld3 = OxmlElement("w:fldChar")
    fld3.set(qn("w:fldCharType"), "end")
    end.append(fld3)
    entry._p.append(end)
    document.add_heading("Our vision", 1)
    document.add_paragraph("A county where every service is easy to reach and good value.")
    custom = document.styles.add_style("Council Heading", WD_STYLE_TYPE.PARAGRAPH)
    custom.base_style = document.styles["Heading 1"]
    document.add_paragraph("Transformation", style="Council Heading")
    document.add_paragraph("Theme-level text with no prompt heading of its own.")
    document.add_heading("How we measure productivity", 2)
    document.add_paragraph("Unit costs are compared with twelve similar counties every year.")
    document.add_heading("Lessons learned", 3)
    document.add_paragraph("Small pilots first, then scale what works.")
    document.add_heading("Initiatives", 2)
    table(
        document,
        [
            ["Initiative name", "Initiative status", "Savings", "Notes"],
            ["Waste depot merger", "Done", "£250,000, achieved, 2023/24", "Two depots became one"],
            ["Shared legal team", "Paused", "", ""],
        ],
    )
    document.add_heading("Measures", 2)
    document.add_paragraph("Staff sickness absence, days per FTE, fell from 9.1 to 7.4.")
    paragraph = document.add_paragraph()
    paragraph.add_run("Barriers").bold = True
    document.add_paragraph("National pay awards arrive after budgets are set.")
    document.add_heading("Workforce data", 1)
    table(document, [["Directorate", "Headcount"], ["Adults", "1,204"], ["Children", "988"]])
    sdt = OxmlElement("w:sdt")
    content = OxmlElement("w:sdtContent")
    inner = document.add_paragraph("Text held in a content control is still read.")
    content.append(inner._p)
    sdt.append(content)
    document.element.body.insert(len(document.element.body) - 1, sdt)
    document.add_heading("Disclosures", 1)
    document.add_heading("Trade union facility time", 2)
    table(
        document,
        [
            ["Figure", "Value"],
            ["Cost of facility time", "£61,000"],
            ["Total pay bill", "£120,000,000"],
            ["Facility time as a share of the pay bill", "0.05%"],
            ["Union officials: Number of officials", "about a dozen"],
        ],
    )
    document.add_paragraph("Facility time is agreed with the unions each April.")
    document.add_heading("Conclusion", 1)
    document.save(path)
    return path


def front_matter(path: Path) -> Path:
    """Title-block lines before any heading, a sentence that only looks like one, and a text box."""
    document = docx.Document()
    document.add_paragraph("Kent County Council productivity plan", style="Title")
    document.add_paragraph("Period: 2024/25 · Status: Approved")
    paragraph = document.add_paragraph("Published at: ")
    hyperlink(paragraph, "our plan page", "https://www.kent.example.gov.uk/productivity")
    document.add_paragraph("Cost of producing this plan: £1,250.")
    document.add_paragraph("Contact us at plans@kent.example.gov.uk with any questions.")
    holder = document.add_paragraph("Key facts are in the box.")
    run = OxmlElement("w:r")
    pict = OxmlElement("w:pict")
    vml = "urn:schemas-microsoft-com:vml"
    shape = pict.makeelement(f"{{{vml}}}shape", nsmap={"v": vml})
    box = pict.makeelement(f"{{{vml}}}textbox", nsmap={"v": vml})
    content = OxmlElement("w:txbxContent")
    inner = OxmlElement("w:p")
    inner_run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "Text inside a text box is read too."
    inner_run.append(text)
    inner.append(inner_run)
    content.append(inner)
    box.append(content)
    shape.append(box)
    pict.append(shape)
    run.append(pict)
    holder._p.append(run)
    document.add_heading("Barriers", 1)
    document.add_heading("Barriers and asks of government", 2)
    lead_in(document, "Planning fees:", " set nationally below the cost of the service.")
    document.save(path)
    return path


BUILDERS = {
    "front-matter": front_matter,
    "thematic-areas": thematic_areas,
    "numbered-questions": numbered_questions,
    "mixed-layout": mixed_layout,
}


def build_all(directory: Path) -> dict[str, Path]:
    return {name: builder(Path(directory) / f"{name}.docx") for name, builder in BUILDERS.items()}
