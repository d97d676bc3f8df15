"""An IATI 2.03 activity file: one ``<iati-activity>`` per engagement, its indicators as
``<result>`` elements with a baseline and, per period, a target and the actual value.

Plain data in, XML bytes out (the standard library's ElementTree); the shell fills the
dataclasses and words the narratives. Element order follows the 2.03 schema
(``iati-activities-schema.xsd``), which tests/results validates the output against.
Codelists used: ResultType (1 output, 2 outcome), IndicatorMeasure (1 unit, 2 percentage),
ActivityStatus (2 implementation), ActivityDateType (1 planned start, 2 actual start,
3 planned end, 4 actual end), OrganisationRole (2 accountable, 4 implementing), Sector vocabulary 1
(OECD DAC 15110, public sector policy and administrative management).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

VERSION = "2.03"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
OUTPUT, OUTCOME = "1", "2"  # ResultType
UNIT, PERCENTAGE = "1", "2"  # IndicatorMeasure
IMPLEMENTATION = "2"  # ActivityStatus
PUBLIC_SECTOR_POLICY = "15110"  # DAC 5-digit sector


@dataclass(frozen=True)
class ReportingOrg:
    ref: str  # the organisation's IATI identifier, e.g. XM-DAC-41114
    name: str
    type: str = "40"  # OrganisationType: 40 multilateral


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date
    target: str | None = None
    actual: str | None = None
    target_comment: str = ""
    actual_comment: str = ""
    # further actual values, each for one disaggregation: (value, ((name, value), …))
    actual_by: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = ()


@dataclass(frozen=True)
class Indicator:
    title: str
    description: str
    measure: str
    result_type: str
    ascending: bool = True
    baseline_year: int | None = None
    baseline_value: str | None = None
    baseline_comment: str = ""
    periods: tuple[Period, ...] = ()


@dataclass(frozen=True)
class Activity:
    identifier: str
    title: str
    description: str
    country_code: str
    currency: str
    # the approved plan's first and last day (activity-date 1 planned start, 3 planned end)
    planned: tuple[dt.date, dt.date] | None = None
    started: dt.date | None = None  # the first course's first day, once one has run (2)
    ended: dt.date | None = None  # the last course's last day, once all are done (4)
    implementers: tuple[str, ...] = ()  # training providers
    indicators: tuple[Indicator, ...] = ()
    last_updated: dt.datetime | None = None


@dataclass(frozen=True)
class File:
    reporting_org: ReportingOrg
    activities: Sequence[Activity]
    language: str = "en"
    generated: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))


def _narrative(parent: ET.Element, tag: str, text: str, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    ET.SubElement(element, "narrative").text = text
    return element


def _stamp(when: dt.datetime) -> str:
    return when.replace(microsecond=0).isoformat()


def _indicator(result: ET.Element, indicator: Indicator) -> None:
    attrs = {"measure": indicator.measure, "ascending": "1" if indicator.ascending else "0"}
    element = ET.SubElement(result, "indicator", attrs)
    _narrative(element, "title", indicator.title)
    if indicator.description:
        _narrative(element, "description", indicator.description)
    if indicator.baseline_year is not None:
        base = {"year": str(indicator.baseline_year)}
        if indicator.baseline_value is not None:
            base["value"] = indicator.baseline_value
        baseline = ET.SubElement(element, "baseline", base)
        if indicator.baseline_comment:
            _narrative(baseline, "comment", indicator.baseline_comment)
    for period in indicator.periods:
        p = ET.SubElement(element, "period")
        ET.SubElement(p, "period-start", {"iso-date": period.start.isoformat()})
        ET.SubElement(p, "period-end", {"iso-date": period.end.isoformat()})
        if period.target is not None:
            target = ET.SubElement(p, "target", {"value": period.target})
            if period.target_comment:
                _narrative(target, "comment", period.target_comment)
        if period.actual is not None:
            actual = ET.SubElement(p, "actual", {"value": period.actual})
            if period.actual_comment:
                _narrative(actual, "comment", period.actual_comment)
        for value, dimensions in period.actual_by:
            actual = ET.SubElement(p, "actual", {"value": value})
            for name, key in dimensions:
                ET.SubElement(actual, "dimension", {"name": name, "value": key})


def _activity(root: ET.Element, a: Activity, org: ReportingOrg, language: str,
              generated: dt.datetime) -> None:
    element = ET.SubElement(root, "iati-activity", {
        "last-updated-datetime": _stamp(a.last_updated or generated), XML_LANG: language,
        "default-currency": a.currency})
    ET.SubElement(element, "iati-identifier").text = a.identifier
    _narrative(element, "reporting-org", org.name, ref=org.ref, type=org.type)
    _narrative(element, "title", a.title)
    _narrative(element, "description", a.description, type="1")
    _narrative(element, "participating-org", org.name, ref=org.ref, role="2", type=org.type)
    for name in a.implementers:
        _narrative(element, "participating-org", name, role="4")
    ET.SubElement(element, "activity-status", {"code": IMPLEMENTATION})
    dates = [("1", a.planned[0]), ("3", a.planned[1])] if a.planned else []
    if a.started is not None:
        dates.append(("2", a.started))
    if a.ended is not None:
        dates.append(("4", a.ended))
    # IATI: an activity has a start date, planned or actual
    for kind, day in dates or [("1", generated.date())]:
        ET.SubElement(element, "activity-date", {"iso-date": day.isoformat(), "type": kind})
    ET.SubElement(element, "recipient-country", {"code": a.country_code, "percentage": "100"})
    ET.SubElement(element, "sector", {"code": PUBLIC_SECTOR_POLICY, "vocabulary": "1",
                                      "percentage": "100"})
    for indicator in a.indicators:
        result = ET.SubElement(element, "result", {"type": indicator.result_type,
                                                   "aggregation-status": "0"})
        _narrative(result, "title", indicator.title)
        _indicator(result, indicator)


def activities_xml(file: File) -> bytes:
    """The whole file, UTF-8, with its XML declaration."""
    root = ET.Element("iati-activities", {"version": VERSION,
                                          "generated-datetime": _stamp(file.generated)})
    for activity in file.activities:
        _activity(root, activity, file.reporting_org, file.language, file.generated)
    ET.indent(root)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return body
