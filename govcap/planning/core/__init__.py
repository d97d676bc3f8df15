"""The pure core of training plans: plain Python over dataclasses, no Django.

The catalogue (``catalogue``, its schema ``validation``), what a plan is generated from
(``inputs``), the steps of generation (``needs``, ``priority``, ``cohorts``, ``schedule``,
``budget``, ``monitoring``, driven by ``generate``), the plan data (``plan``, read back by
``stored``), coordinator edits (``edits``) and the difference of two plans (``diff``).
The Django app around it (models, services, pages) is the rest of ``govcap.planning``;
import-linter keeps this folder free of Django and of the packages above (pyproject.toml).
"""
