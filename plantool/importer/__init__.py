"""`plantool import docx`: turn a council's Word productivity plan into a draft plan file.

read_docx reads the document body in order; mapping places headings, text and
tables in the schema (vocabulary: schema titles plus synonyms.SYNONYMS);
figures turns shown figures back into numbers; run checks the file, writes the
YAML and prints what went where.
"""
