"""The plan as a tagged PDF: the Word export, converted by LibreOffice headless."""
