"""Exporters: the plan as a Word document."""
