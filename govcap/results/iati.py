"""The results as an IATI 2.03 activity file: one activity per engagement (a country's
round and the training its approved plan delivered), each indicator a ``<result>``.

Demo data never goes into a file unless asked for (``include_demo``, a preview): then every
activity's title and description start with "DEMO DATA". The reporting organisation is the
deployment's (``GOVCAP_IATI_REPORTING_ORG`` and its name and type, docs/settings.md).
"""

from __future__ import annotations

from django.conf import settings
from django.utils.translation import gettext as _

from govcap.orgs.models import Engagement
from govcap.results import queries
from govcap.results.build import Results, build
from govcap.results.core import iati
from govcap.results.core import indicators as ind
from govcap.results.words import DEFINITIONS, NAMES

KINDS = {  # indicator → (IATI measure, result type, ascending)
    ind.OFFICIALS_TRAINED: (iati.UNIT, iati.OUTPUT, True),
    ind.WOMEN_SHARE: (iati.PERCENTAGE, iati.OUTPUT, True),
    ind.COMPLETION_RATE: (iati.PERCENTAGE, iati.OUTPUT, True),
    ind.SATISFACTION: (iati.PERCENTAGE, iati.OUTCOME, True),
    ind.LEARNING_GAIN: (iati.UNIT, iati.OUTCOME, True),
    ind.APPLICATION: (iati.PERCENTAGE, iati.OUTCOME, True),
    ind.MOVING_UP: (iati.PERCENTAGE, iati.OUTCOME, True),
    ind.COST_PER_PARTICIPANT: (iati.UNIT, iati.OUTPUT, False),
    ind.COST_PER_COMPLETED: (iati.UNIT, iati.OUTPUT, False),
}


class IATIError(Exception):
    """Why no file can be written, in the operator's words."""


def reporting_org() -> iati.ReportingOrg:
    ref = getattr(settings, "GOVCAP_IATI_REPORTING_ORG", "") or ""
    if not ref.strip():
        raise IATIError("Set GOVCAP_IATI_REPORTING_ORG to your organisation's IATI "
                        "identifier (e.g. XM-DAC-41114) before writing an IATI file "
                        "(docs/settings.md).")
    return iati.ReportingOrg(ref.strip(), getattr(settings, "GOVCAP_IATI_REPORTING_ORG_NAME",
                                                  "") or ref.strip(),
                             getattr(settings, "GOVCAP_IATI_REPORTING_ORG_TYPE", "40") or "40")


def _value(i: ind.Indicator, value: float | None) -> str | None:
    if value is None:
        return None
    if i.unit == ind.COUNT:
        return str(int(value))
    if i.unit == ind.MONEY:
        return f"{value / 100:.2f}"
    return f"{value:.1f}"


def _actual_comment(i: ind.Indicator) -> str:
    if i.numerator is not None and i.unit == ind.PERCENT:
        return _("%(count)d of %(n)d") % {"count": i.numerator, "n": i.n}
    if i.unit == ind.MONEY:
        return _("%(currency)s; n = %(n)d") % {"currency": i.currency, "n": i.n}
    if i.unit == ind.POINTS:
        return _("percentage points; n = %(n)d") % {"n": i.n}
    return _("n = %(n)d") % {"n": i.n}


def _indicator(i: ind.Indicator, year: int) -> iati.Indicator:
    measure, kind, ascending = KINDS[i.key]
    periods: tuple[iati.Period, ...] = ()
    if i.period is not None:
        by_sex = tuple((str(s.count), (("sex", s.key or "not-recorded"),))
                       for s in i.breakdown if s.dimension == "sex")
        periods = (iati.Period(
            i.period[0], i.period[1], _value(i, i.target), _value(i, i.value),
            actual_comment=_actual_comment(i) if i.value is not None else "",
            actual_by=by_sex),)
    title = str(NAMES[i.key]) + (f" ({i.currency})" if i.currency else "")
    return iati.Indicator(title, str(DEFINITIONS[i.key]), measure, kind, ascending, year,
                          _value(i, i.baseline), periods=periods)


def activity(results: Results, org: iati.ReportingOrg) -> iati.Activity:
    engagement = results.engagement
    assert engagement is not None  # one activity per engagement
    mark = _("DEMO DATA") + " — " if engagement.is_demo else ""
    trained = results.indicator(ind.OFFICIALS_TRAINED)
    when = trained.period if trained else None
    year = (when[0].year if when else engagement.start_date.year if engagement.start_date
            else engagement.created_at.year)
    found = queries.deliveries(None, [engagement])
    currency = found[0].currency if found else "USD"
    return iati.Activity(
        identifier=f"{org.ref}-{engagement.slug}",
        title=mark + _("Digital-government capacity training: %(name)s") % {
            "name": engagement.name},
        description=mark + _(
            "Training of public officials delivered from the approved training plan of "
            "%(name)s, after focus-group assessments of the organisations' digital-government "
            "capacity; its results as counted by govcap.") % {"name": engagement.name},
        country_code=engagement.country.code, currency=currency,
        # the end is known once every course has run or been cancelled; until then, none
        start=when[0] if when else engagement.start_date,
        end=when[1] if when and all(d.status in ("completed", *ind.CLOSED) for d in found)
        else None,
        started=when is not None, ended=True,
        implementers=tuple(sorted({d.provider.name for d in found if d.provider})),
        indicators=tuple(_indicator(i, year) for i in results.indicators))


def write(user, engagement: Engagement | None, *, include_demo: bool = False,
          language: str = "en") -> tuple[bytes, list[Engagement], int]:
    """The file for one engagement or for every engagement in scope with an approved plan:
    (its bytes, the engagements in it, the demo engagements left out)."""
    org = reporting_org()
    if engagement is not None:
        if engagement.is_demo and not include_demo:
            raise IATIError(f"{engagement.slug} is demo data: an IATI file never holds it "
                            "(add --include-demo for a preview marked DEMO DATA).")
        scope = [engagement]
    else:
        scope = [p.engagement for p in queries.approved_plans(list(queries.engagements(user)))]
    left_out = sum(e.is_demo for e in scope) if not include_demo else 0
    scope = [e for e in scope if include_demo or not e.is_demo]
    if not scope:
        raise IATIError("No engagement to report: none with an approved plan in scope"
                        + (f" ({left_out} demo engagement{'s' if left_out != 1 else ''} left "
                           "out; --include-demo for a preview)" if left_out else "") + ".")
    activities = [activity(build(user, e, include_demo=include_demo), org) for e in scope]
    body = iati.activities_xml(iati.File(org, activities, language))
    return body, scope, left_out
