"""`plantool diff`: what changed between last year's plan and this year's.

compare.py reads two loaded plans into a Comparison of plain dataclasses
(model.py); report.py lays a Comparison out as sections and tables of the
published-plan model; formats/ writes text, Markdown or JSON.
"""
