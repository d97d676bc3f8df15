"""The pure core of results: the level-4 comparison (``l4``), the indicators' arithmetic
(``indicators``) and the IATI activity file (``iati``) over plain rows, no Django."""
