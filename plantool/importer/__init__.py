"""`plantool import docx|html`: turn a council's Word plan or saved web pages into a draft plan file.

The pipeline, one module each: source and read_docx (open the .docx safely,
read its body) or read_html (saved pages) -> blocks (the one model both
readers produce) -> headings (which paragraphs are headings, by formatting
and text) -> mapping (walk the blocks; vocabulary and similarity decide where
each heading leads, facts reads title-block and stated facts, tables reads
tables, figures turns shown figures back into numbers) -> assembly (the plan
as data, an ImportResult) -> plan_text (YAML) and summary (every decision,
with its score). limits holds the size limit both readers apply.
"""
