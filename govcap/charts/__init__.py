"""Charts drawn on the server as SVG, for pages (`svg`). The plan documents' own charts
(PNG for DOCX, SVG for PDF) are drawn by `govcap.reports.figures`.

Inputs are the plain dataclasses of `data`; colours come from `palette`.
"""
