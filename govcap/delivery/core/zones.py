"""The time zone a course's times are said in: its country's. A link "open until 00:41"
read in Nairobi is 03:41 there; every moment a delivery page shows is the course's local
time with the zone's abbreviation ("EAT")."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# the countries' zones by ISO code, for countries whose record gives none (``time_zone``)
COUNTRY_ZONES = {
    "KE": "Africa/Nairobi",  # EAT, UTC+3
    "DJ": "Africa/Djibouti",  # EAT, UTC+3
    "SO": "Africa/Mogadishu",  # EAT, UTC+3
    "ET": "Africa/Addis_Ababa",
    "ER": "Africa/Asmara",
    "UG": "Africa/Kampala",
    "TZ": "Africa/Dar_es_Salaam",
    "SD": "Africa/Khartoum",
    "SS": "Africa/Juba",
    "RW": "Africa/Kigali",
}


def zone_name(country) -> str:
    """The IANA zone of a country (an ``orgs.Country`` or its code); "" when unknown."""
    if country is None:
        return ""
    own = getattr(country, "time_zone", "")
    code = country if isinstance(country, str) else getattr(country, "code", "")
    return own or COUNTRY_ZONES.get(str(code).upper(), "")


def zone_of(country, fallback: str = "UTC") -> ZoneInfo:
    try:
        return ZoneInfo(zone_name(country) or fallback)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def local(value: dt.datetime, country, fallback: str = "UTC") -> dt.datetime:
    """``value`` (aware) as the clock reads it in the country."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone(zone_of(country, fallback))
