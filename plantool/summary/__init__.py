"""`plantool summary`: many councils' plans side by side, for the analyst.

The flow, one module per step:

    files ──batch──▶ one row of plain data per plan (load + check + extract, in workers)
                          │ ──coverage──▶ matched to the council register; who is missing
                          │ ──groups────▶ count, median and quartiles per council type or region
                          └──formats────▶ csv | json | html

`columns` defines every column once (name, order, unit, meaning); the CSV
header, the JSON keys, the HTML table and the README's column dictionary all
come from it.
"""
