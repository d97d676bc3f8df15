"""Charts drawn on the server as SVG, for pages (`svg`). The plan documents' own charts
(PNG for DOCX, SVG for PDF) are drawn by `govcap.reports.figures`; the heatmap's model
(`data.Heatmap`: cells, colours, words, legend) is shared by both drawers.

Inputs are the plain dataclasses of `data`; colours come from `palette`.
"""
