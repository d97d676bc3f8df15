"""The direction helper, for the documents: it lives in :mod:`govcap.direction` (the bottom
layer), so that the charts (which may not import reports) isolate Latin runs and signed
numbers the same way."""

from govcap.direction import LRI, LRM, PDI, RTL_LANGUAGES, has_rtl, is_rtl, isolated, runs

__all__ = ["LRI", "LRM", "PDI", "RTL_LANGUAGES", "has_rtl", "is_rtl", "isolated", "runs"]
