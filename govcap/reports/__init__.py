"""Plan documents: the training plan a ministry circulates, as DOCX, PDF and XLSX.

A plain package (no models). :mod:`.build` turns ``(PlanData, PlanDocumentContext)`` into a
document model of plain sections, tables and texts in the engagement's language (labels in
:mod:`.labels`); :mod:`.docx`, :mod:`.pdf` and :mod:`.xlsx` are thin renderers of that model.
The entry point is :func:`govcap.reports.plan.render_plan`.
"""
