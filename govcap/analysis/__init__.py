"""Analysis of FGD results: levels (profiles, heatmaps, programme comparisons, trends),
agreement between raters and participants' votes, and qualitative coding of notes and quotes.

The maths are plain functions over plain data, in `core/` (`aggregate`, `agreement`,
`programme`, `themes`, `qda`: no Django); `queries` reads the database through
`accounts.scoping`; the services (`raters`, `coding`) write, each change audited in its own
transaction.
"""
