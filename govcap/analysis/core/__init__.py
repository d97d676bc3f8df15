"""The pure core of analysis: plain functions over rows and dataclasses, no Django.

One level per organisation and section, gaps and trends (``aggregate``), agreement between
raters and the spread of votes (``agreement``), comparisons across engagements
(``programme``), qualitative coding over plain text (``themes``) and REFI-QDA exchange
files (``qda``). The Django app around it (queries, pages, coding) is the rest of
``govcap.analysis``; import-linter keeps this folder free of Django (pyproject.toml).
"""
