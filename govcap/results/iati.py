"""The results as an IATI 2.03 activity file: one activity per engagement (a country's
round and the training its approved plan delivered), each indicator a ``<result>``.

Demo data never goes into a file unless asked for (``include_demo``, a preview): then every
activity's title and description start with "DEMO DATA". The reporting organisation is the
deployment's (``GOVCAP_IATI_REPORTING_ORG`` and its name and type, docs/settings.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.conf import settings
from django.utils.translation import gettext as _

from govcap.delivery.models import Delivery
from govcap.orgs.models import Engagement
from govcap.planning.models import Plan
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
    """Why no file can be written, in the operator's words; ``kind`` says which reason
    (``REPORTING_ORG``, ``DEMO``, ``NOTHING``) for a page to word it in its reader's."""

    def __init__(self, message: str, kind: str = "", left_out: int = 0) -> None:
        super().__init__(message)
        self.kind = kind
        self.left_out = left_out


REPORTING_ORG, DEMO, NOTHING = "reporting-org", "demo", "nothing"


def configured() -> bool:
    """Whether the deployment gave its IATI identifier (an IATI file can be written)."""
    return bool((getattr(settings, "GOVCAP_IATI_REPORTING_ORG", "") or "").strip())


def reporting_org() -> iati.ReportingOrg:
    ref = getattr(settings, "GOVCAP_IATI_REPORTING_ORG", "") or ""
    if not configured():
        raise IATIError("Set GOVCAP_IATI_REPORTING_ORG to your organisation's IATI "
                        "identifier (e.g. XM-DAC-41114) before writing an IATI file "
                        "(docs/settings.md).", REPORTING_ORG)
    return iati.ReportingOrg(ref.strip(), getattr(settings, "GOVCAP_IATI_REPORTING_ORG_NAME",
                                                  "") or ref.strip(),
                             getattr(settings, "GOVCAP_IATI_REPORTING_ORG_TYPE", "40") or "40")


def _value(i: ind.Indicator, value: float | None) -> str | None:
    """A figure as the results page and the JSON write it, so that a donor comparing them
    reads the same: a share whole ("67", the page's "67% (2 of 3)", whose count the
    comment gives), a gain in points to one decimal, money to the cent."""
    if value is None:
        return None
    if i.unit == ind.COUNT:
        return str(int(value))
    if i.unit == ind.MONEY:
        return ind.amount(value)
    digits = ind.DIGITS[i.unit]
    return f"{(ind.rounded(value, digits) or 0) + 0:.{digits}f}"  # + 0: never "-0.0"


def _actual_comment(i: ind.Indicator) -> str:
    if i.numerator is not None and i.unit == ind.PERCENT:
        return _("%(count)d of %(n)d") % {"count": i.numerator, "n": i.n}
    if i.unit == ind.MONEY:
        return _("%(currency)s; n = %(n)d") % {"currency": i.currency, "n": i.n}
    if i.unit == ind.POINTS:
        return _("percentage points; n = %(n)d") % {"n": i.n}
    return _("n = %(n)d") % {"n": i.n}


def span(*periods: tuple[dt.date, dt.date] | None) -> tuple[dt.date, dt.date] | None:
    """The smallest period holding all those given."""
    given = [p for p in periods if p is not None]
    return (min(p[0] for p in given), max(p[1] for p in given)) if given else None


def _indicator(i: ind.Indicator, year: int,
               plan_period: tuple[dt.date, dt.date] | None = None) -> iati.Indicator:
    """The targets are the approved plan's, for its whole span: the period is the plan's
    months (and any course run beyond them), the actual is what is counted so far. Level 4
    keeps its own period, the rounds it compares. A baseline that was not measured is no
    ``<baseline>`` (IATI: a quantitative baseline must have a value) and the description
    says so."""
    measure, kind, ascending = KINDS[i.key]
    periods: tuple[iati.Period, ...] = ()
    when = i.period if i.key == ind.MOVING_UP else span(plan_period, i.period)
    if when is not None:
        by_sex = tuple((str(s.count), (("sex", s.key or "not-recorded"),))
                       for s in i.breakdown if s.dimension == "sex")
        periods = (iati.Period(
            when[0], when[1], _value(i, i.target), _value(i, i.value),
            actual_comment=_actual_comment(i) if i.value is not None else "",
            actual_by=by_sex if i.value is not None else ()),)
    title = str(NAMES[i.key]) + (f" ({i.currency})" if i.currency else "")
    description = str(DEFINITIONS[i.key])
    if i.baseline is None:
        description += " " + _("Baseline: not measured.")
    if i.key == ind.MOVING_UP and i.period is not None:
        year = i.period[0].year  # the earlier round's: the levels compared with
    return iati.Indicator(title, description, measure, kind, ascending,
                          year if i.baseline is not None else None,
                          _value(i, i.baseline), periods=periods)


def all_done(found: Sequence[Delivery], plans: Sequence[Plan]) -> bool:
    """Every course of the approved plans has a delivery completed, cancelled or merged,
    and no other delivery is still to run: the activity has ended (a course not yet
    prepared has no delivery, so the activity has not)."""
    done = {(d.engagement_id, d.cohort_id) for d in found
            if d.status in (ind.COMPLETED, *ind.CLOSED)}
    return (all((d.engagement_id, d.cohort_id) in done for d in found)
            and all((p.engagement_id, c.get("cohort_id")) in done
                    for p in plans for c in p.data.get("cohorts", ())))


def activity(results: Results, org: iati.ReportingOrg) -> iati.Activity:
    """The engagement's activity: planned from its approved plan's first to last month,
    started on its first course's first day, ended only once every course of the plan is
    done or cancelled. A follow-up round reports no level 4 of its own: its figure is the
    earlier round's training, a result of that round's activity (``moving_from``), and
    reported there once."""
    engagement = results.engagement
    assert engagement is not None  # one activity per engagement
    mark = _("DEMO DATA") + " — " if engagement.is_demo else ""
    trained = results.indicator(ind.OFFICIALS_TRAINED)
    when = trained.period if trained else None
    year = (when[0].year if when else engagement.start_date.year if engagement.start_date
            else engagement.created_at.year)
    found = queries.deliveries(None, [engagement])
    currency = found[0].currency if found else "USD"
    description = mark + _(
        "Training of public officials delivered from the approved training plan of "
        "%(name)s, after focus-group assessments of the organisations' digital-government "
        "capacity; its results as counted by govcap.") % {"name": engagement.local_name}
    indicators = results.indicators
    if results.moving_from is not None:
        indicators = [i for i in indicators if i.key != ind.MOVING_UP]
        description += " " + _(
            "The organisations' change in level measured at this round (level 4) is the "
            "result of the training of %(earlier)s: it is reported once, in the activity "
            "%(identifier)s.") % {"earlier": results.moving_from.local_name,
                                  "identifier": f"{org.ref}-{results.moving_from.slug}"}
    return iati.Activity(
        identifier=f"{org.ref}-{engagement.slug}",
        title=mark + _("Digital-government capacity training: %(name)s") % {
            "name": engagement.local_name},
        description=description,
        country_code=engagement.country.code, currency=currency,
        planned=results.plan_period,
        started=when[0] if when else None,
        ended=when[1] if when and all_done(found, queries.approved_plans([engagement]))
        else None,
        implementers=tuple(sorted({d.provider.name for d in found if d.provider})),
        indicators=tuple(_indicator(i, year, results.plan_period) for i in indicators))


def write(user, engagement: Engagement | None, *, include_demo: bool = False,
          language: str = "en") -> tuple[bytes, list[Engagement], int]:
    """The file for one engagement or for every engagement in scope with an approved plan:
    (its bytes, the engagements in it, the demo engagements left out)."""
    org = reporting_org()
    if engagement is not None:
        if engagement.is_demo and not include_demo:
            raise IATIError(f"{engagement.slug} is demo data: an IATI file never holds it "
                            "(add --include-demo for a preview marked DEMO DATA).", DEMO)
        scope = [engagement]
    else:
        scope = [p.engagement for p in queries.approved_plans(list(queries.engagements(user)))]
    left_out = sum(e.is_demo for e in scope) if not include_demo else 0
    scope = [e for e in scope if include_demo or not e.is_demo]
    if not scope:
        raise IATIError("No engagement to report: none with an approved plan in scope"
                        + (f" ({left_out} demo engagement{'s' if left_out != 1 else ''} left "
                           "out; --include-demo for a preview)" if left_out else "") + ".",
                        NOTHING, left_out)
    activities = [activity(build(user, e, include_demo=include_demo), org) for e in scope]
    body = iati.activities_xml(iati.File(org, activities, language))
    return body, scope, left_out
