"""Programme results: what the training delivered and the change it made, reported the way
donors report results — indicators with definition, baseline, target, period and n; the
level-4 comparison of trained and untrained organisations between rounds; exports (XLSX,
DOCX, PDF, JSON) and IATI 2.03 activity files.

The arithmetic is plain Python in ``core``; ``queries`` reads the database through the
scoping of ``accounts``, ``analysis`` and ``delivery``; ``build`` joins them; the pages,
the ``govcap results`` command and the API are thin shells over ``build``.
"""
