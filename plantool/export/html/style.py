"""The HTML export's one stylesheet, inlined in every page (a fragment carries none).

It follows the GOV.UK Design System's choices where they fit a single page:
its colours (every text colour is at least 4.5:1 on its background; the
lowest, the link blue #1d70b8 on white, is 5.2:1), its yellow-and-black focus
style, a skip link hidden until focused, and the widths at which the layout
changes (40.0625em, 641 px). Nothing is loaded: the fonts are the reader's
own, there are no images, and the Content-Security-Policy forbids fetching.

On a phone, a table of three or more columns turns each row into a card
headed by its first cell, with each other cell under its column's title (the
`data-label` attribute), so nothing is wider than the screen. The titles are
drawn with `content: … / ""`, whose empty alternative text keeps screen
readers from hearing them twice: they still read the real header cells.

In print, each top-level section starts a new page, and every web or email
link is followed by its address.
"""

CSS = """\
:root { color-scheme: light; }
html { font-family: Arial, "Liberation Sans", "Helvetica Neue", Helvetica, sans-serif; font-size: 100%;
  line-height: 1.5; color: #0b0c0c; background: #ffffff; -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body { margin: 0; overflow-wrap: break-word; }
.width-container { max-width: 960px; margin: 0 auto; padding-left: 15px; padding-right: 15px; }
@media (min-width: 40.0625em) { .width-container { padding-left: 30px; padding-right: 30px; } }

.skip-link { display: block; padding: 10px 15px; color: #0b0c0c; background: #ffdd00; text-decoration: underline;
  outline: 3px solid #ffdd00; }
.skip-link:not(:focus):not(:active) { position: absolute; width: 1px; height: 1px; margin: 0; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; margin: 0; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; border: 0; }

.page-header { border-bottom: 10px solid #1d70b8; padding: 15px 0; }
.page-header p { margin: 0; font-weight: bold; font-size: 1.125rem; }
main { display: block; padding-top: 30px; padding-bottom: 40px; }
.page-footer { border-top: 1px solid #b1b4b6; padding: 20px 0; color: #0b0c0c; background: #f3f2f1; }
.page-footer p { margin: 0 0 5px; }

h1, h2, h3, h4, h5, h6 { font-weight: bold; line-height: 1.2; margin: 0 0 15px; }
h1 { font-size: 2rem; margin-bottom: 10px; }
h2 { font-size: 1.5rem; margin-top: 40px; }
h3 { font-size: 1.1875rem; margin-top: 30px; }
h4, h5, h6 { font-size: 1rem; margin-top: 25px; }
@media (min-width: 40.0625em) {
  h1 { font-size: 3rem; }
  h2 { font-size: 2.25rem; }
  h3 { font-size: 1.5rem; }
  h4, h5, h6 { font-size: 1.1875rem; }
}
.subtitle { font-size: 1.1875rem; color: #505a5f; margin: 0 0 25px; }
p, ul, ol, dl { margin: 0 0 15px; }
p, li, dd { max-width: 40em; }
ul, ol { padding-left: 20px; }
li { margin-bottom: 5px; }
.note { font-style: italic; color: #505a5f; }

a { color: #1d70b8; text-decoration: underline; text-decoration-thickness: max(1px, .0625rem); text-underline-offset: .1em; }
a:visited { color: #4c2c92; }
a:hover { color: #003078; text-decoration-thickness: max(3px, .1875rem); }
a:focus { outline: 3px solid transparent; color: #0b0c0c; background-color: #ffdd00;
  box-shadow: 0 -2px #ffdd00, 0 4px #0b0c0c; text-decoration: none;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }

.draft-banner { margin: 0 0 25px; padding: 15px 20px; border: 5px solid #d4351c; font-size: 1.1875rem;
  font-weight: bold; color: #0b0c0c; background: #ffffff; max-width: none; }

.facts { margin: 0 0 30px; }
.facts > div { margin-bottom: 10px; }
.facts dt { font-weight: bold; }
.facts dd { margin: 0; }
@media (min-width: 40.0625em) {
  .facts > div { display: grid; grid-template-columns: 15em 1fr; column-gap: 20px; margin-bottom: 5px; }
}

.contents { margin: 0 0 30px; }
.contents h2 { font-size: 1.1875rem; margin-top: 0; }
.contents ol { list-style: none; padding-left: 0; }
.contents ol ol { padding-left: 20px; }
.contents li { margin: 0; padding: 3px 0; }
.contents li p { margin: 0; }

table { border-collapse: collapse; border-spacing: 0; width: 100%; margin: 0 0 30px; }
caption { text-align: left; font-weight: bold; font-size: 1.1875rem; margin-bottom: 10px; }
th, td { text-align: left; vertical-align: top; padding: 10px 20px 10px 0; border-bottom: 1px solid #b1b4b6; }
th:last-child, td:last-child { padding-right: 0; }
thead th { border-bottom-width: 2px; border-bottom-color: #0b0c0c; }
.numeric { text-align: right; font-variant-numeric: tabular-nums; }
td p, th p, td ul, th ul { margin: 0 0 5px; }
td > :last-child, th > :last-child { margin-bottom: 0; }

@media screen and (max-width: 40.0525em) {
  table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; width: auto; }
  table.stack caption { display: block; }
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
    clip-path: inset(50%); white-space: nowrap; }
  table.stack tr { border-top: 2px solid #0b0c0c; padding: 10px 0 15px; }
  table.stack th, table.stack td { border: 0; padding: 0 0 10px; text-align: left; }
  th, td { overflow-wrap: anywhere; }
  table.stack td:empty { display: none; }
  table.stack td[data-label]::before { content: attr(data-label) / ""; display: block; font-weight: bold; }
}

@media print {
  @page { size: A4; margin: 2cm; }
  html { font-size: 11pt; }
  .skip-link { display: none; }
  .page-header { border-bottom-width: 3px; }
  .page-footer { background: none; }
  a, a:visited { color: #0b0c0c; }
  a[href^="http"]::after, a[href^="mailto:"]::after { content: " (" attr(href) ")"; overflow-wrap: anywhere; }
  section.level-1 { break-before: page; }
  h1, h2, h3, h4, h5, h6, caption { break-after: avoid; }
  tr, .facts > div, li { break-inside: avoid; }
  thead { display: table-header-group; }
}
"""

# A draft's mark at the top of every printed page, as the Word export has in its header.
DRAFT_PAGES = "@media print {{ @page {{ @top-center {{ content: {mark}; font: bold 11pt Arial, sans-serif; }} }} }}\n"


def css_string(text: str) -> str:
    """Text as a quoted CSS string: anything but letters, digits and spaces as a hex escape."""
    return '"' + "".join(c if c.isascii() and (c.isalnum() or c == " ") else f"\\{ord(c):x} " for c in text) + '"'


def stylesheet(draft_mark: str | None) -> str:
    """The page's stylesheet; a draft's adds its mark to every printed page."""
    return CSS + (DRAFT_PAGES.format(mark=css_string(draft_mark)) if draft_mark else "")
