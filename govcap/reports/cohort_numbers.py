"""A cohort's number as its reader counts it (``govcap.planning.core.cohort_numbers``, where
the delivery pages read it too): the documents' Cohort column, left out when no module of the
plan runs more than one cohort."""

from __future__ import annotations

from govcap.planning.core.cohort_numbers import numbers

__all__ = ["numbers"]
