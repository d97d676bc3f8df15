"""The programme's targets for the indicators the plans do not set.

The plans set some: the participants (the approved plans' cohorts), the share of women
(the plan settings' ``women_target_percent``) and the cost per participant (the plans' own
cost of the courses delivered). The others are the programme's: the defaults below, or
the Django setting ``RESULTS_TARGETS`` (a dict with any of these keys) in a deployment's
settings — one programme, one set of targets.
"""

from __future__ import annotations

from django.conf import settings

DEFAULTS: dict[str, float] = {
    "completion_percent": 80.0,  # of the participants of completed courses
    "satisfaction_percent": 80.0,  # of level-1 respondents, mean rating 4 or more of 5
    "gain_points": 20.0,  # level 2: post − pre, percentage points
    "application_percent": 60.0,  # of participants' answered follow-ups (level 3)
    "moving_up_percent": 50.0,  # of trained organisations assessed in both rounds
}


def programme_targets() -> dict[str, float]:
    given = getattr(settings, "RESULTS_TARGETS", None) or {}
    unknown = set(given) - set(DEFAULTS)
    if unknown:
        raise ValueError(f"RESULTS_TARGETS: unknown keys {sorted(unknown)}; use "
                         f"{', '.join(DEFAULTS)}")
    return {**DEFAULTS, **{k: float(v) for k, v in given.items()}}
