"""Charts drawn on the server: SVG for pages and PDF (`svg`), PNG for DOCX (`png`).

Inputs are the plain dataclasses of `data`; colours come from `palette`.
"""
