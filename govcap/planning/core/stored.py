"""Stored plan data back into ``PlanData``: the inverse of ``PlanData.to_dict()``.

The database keeps a plan version as canonical JSON; renderers and screens that want the
dataclasses rebuild them here, so an approved plan is rendered exactly as it was stored
and never regenerated. ``plan_from_dict(p.to_dict()).to_json() == p.to_json()``.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Mapping
from dataclasses import fields, is_dataclass
from typing import Any

from govcap.planning.core import plan as plan_module
from govcap.planning.core.plan import PlanData
from govcap.scale import Level

_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    hints = _HINTS.get(cls)
    if hints is None:
        hints = _HINTS[cls] = typing.get_type_hints(cls, vars(plan_module))
    return hints


def _convert(value: Any, hint: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(value, options[0]) if len(options) == 1 else value
    if hint is Level:
        return Level.from_key(value)
    if origin is tuple:
        args = typing.get_args(hint)
        item = args[0] if args else Any
        return tuple(_convert(v, item) for v in value)
    if origin is dict or hint is dict:
        return dict(value)
    if isinstance(hint, type) and is_dataclass(hint):
        return _build(hint, value)
    return value


def _build(cls: type, data: Mapping[str, Any]) -> Any:
    hints = _hints(cls)
    values = {f.name: _convert(data[f.name], hints[f.name]) for f in fields(cls)
              if f.name in data}
    return cls(**values)


def plan_from_dict(data: Mapping[str, Any]) -> PlanData:
    """Rebuild a ``PlanData`` from its ``to_dict()`` (or the parsed stored JSON)."""
    plan: PlanData = _build(PlanData, data)
    return plan
