"""The plan as one self-contained, accessible web page (or the body of one, for a council's CMS)."""
