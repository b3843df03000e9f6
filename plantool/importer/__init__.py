"""`plantool import docx`: turn a council's Word productivity plan into a draft plan file.

The pipeline, one module each: source (open the .docx safely) -> read_docx
(the body as blocks) -> mapping (walk the blocks; vocabulary names what a
heading leads to, facts reads the title block, tables reads tables, figures
turns shown figures back into numbers) -> assembly (the plan as data, an
ImportResult) -> plan_text (YAML) and summary (what went where).
"""
