"""Training plans: the catalogue, and the pure core (``core/``) that turns assessments into a
plan; around it the Django app (models, services, pages).

Public API (plain Python, no Django, from ``core/``): load a catalogue, describe the engagement with
``Assessment``, ``Targets`` and ``Constraints``, call ``generate_plan`` and read the
``PlanData``; replay stored edits with the operations of :mod:`.edits`; compare two plans
with ``diff_plans``.
"""

from govcap.planning.core.catalogue import (
    Catalogue,
    CatalogueTranslation,
    Module,
    catalogue_document,
    load_catalogue,
    load_translation,
    missing_translations,
    parse_catalogue,
    translate_catalogue,
)
from govcap.planning.core.diff import PlanDiff, diff_plans
from govcap.planning.core.edits import (
    AddModule,
    DropModule,
    LockCohort,
    MoveCohort,
    MoveMember,
    Operation,
    lock_cohort,
    operation_from_dict,
    operation_to_dict,
)
from govcap.planning.core.generate import generate_plan
from govcap.planning.core.inputs import (
    Assessment,
    Constraints,
    CostOverride,
    PlanInputError,
    Targets,
)
from govcap.planning.core.plan import PlanData
from govcap.planning.core.validation import CatalogueError

__all__ = [
    "AddModule", "Assessment", "Catalogue", "CatalogueError", "CatalogueTranslation",
    "Constraints", "CostOverride", "DropModule", "LockCohort", "Module", "MoveCohort",
    "MoveMember", "Operation", "PlanData", "PlanDiff", "PlanInputError", "Targets",
    "catalogue_document", "diff_plans", "generate_plan", "load_catalogue", "load_translation", "lock_cohort",
    "missing_translations", "operation_from_dict", "operation_to_dict", "parse_catalogue",
    "translate_catalogue",
]
