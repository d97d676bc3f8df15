"""The demo's countries, organisations, capacity profiles and engagements (data only).

Profiles are mean levels per section (Basic=1 … High=3) before each organisation's
strength and section biases are added; they give each country a recognisable shape:
Kenya strong on project management and architecture and weak on change management,
Somalia mostly Basic with pockets of Moderate, Djibouti strong on strategy and policy and
weak on service management.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from govcap.scale import SECTION_KEYS

# "Today" for the demo: statuses and dates are arranged around it, never around the clock.
REFERENCE_DATE = dt.date(2026, 3, 1)
SEED = 2026


@dataclass(frozen=True)
class OrgSpec:
    key: str
    name: str
    code: str
    kind: str  # govcap.orgs.models.Organisation.Kind value
    sector: str
    strength: float = 0.0  # added to every section's mean level
    bias: dict[str, float] = field(default_factory=dict)  # per section key
    parent: str = ""  # key of the parent organisation
    unit: str = "ministry"  # how notes refer to it: "the ministry", "the agency"…


@dataclass(frozen=True)
class EngagementSpec:
    key: str
    name: str
    round_number: int
    start: dt.date
    end: dt.date
    status: str  # open / closed
    orgs: tuple[str, ...]  # organisation keys, in session order
    # session statuses in session order; missing entries are "validated"
    statuses: tuple[str, ...] = ()
    # per-section probability of moving up one level since the previous round, for an
    # organisation not trained in the section's domain (missing sections: 0.08)
    improvement: dict[str, float] = field(default_factory=dict)
    # the same for a section whose training domain one of the organisation's officials
    # completed a course in since the previous round (the loader reads who did from the
    # previous round's deliveries)
    trained_improvement: float = 0.0
    # the engagement's name in other languages; the loader stores the one of the country's
    # working language as its name, as its coordinator would write it (the slug stays the
    # English one's), and every one (English too) as its names per language
    names: dict[str, str] = field(default_factory=dict)

    def name_in(self, language: str) -> str:
        return self.names.get(language, self.name)


@dataclass(frozen=True)
class CountrySpec:
    code: str
    name: str
    language: str
    city: str
    profile: dict[str, float]
    orgs: tuple[OrgSpec, ...]
    engagements: tuple[EngagementSpec, ...]
    context: dict[str, str]  # words the note templates use: strategy, id_system, payments
    female_share: float
    quote_suffix: str = ""  # appended to some quotes, e.g. "(interpreted from Somali)"


KENYA = CountrySpec(
    code="KE",
    name="Kenya",
    language="en",
    city="Nairobi",
    profile={
        "systems-design-thinking": 1.9,
        "distributed-leadership": 1.6,
        "project-execution": 2.5,
        "change-management": 1.3,
        "digital-strategic-plan": 2.3,
        "policy-influence": 1.85,
        "processes-services": 2.0,
        "enterprise-architecture": 2.4,
    },
    orgs=(
        OrgSpec("moicde", "Ministry of Information, Communications and the Digital Economy",
                "MoICDE", "ministry", "ICT and digital economy", 0.2,
                {"policy-influence": 0.5, "digital-strategic-plan": 0.3}),
        OrgSpec("icta", "ICT Authority", "ICTA", "agency", "ICT and digital economy", 0.4,
                {"enterprise-architecture": 0.3}, parent="moicde", unit="authority"),
        OrgSpec("kra", "Kenya Revenue Authority", "KRA", "authority", "Revenue and customs", 0.5,
                {"processes-services": 0.5, "enterprise-architecture": 0.2}, unit="authority"),
        OrgSpec("ecitizen", "eCitizen Directorate", "eCitizen", "agency",
                "Public service delivery", 0.3,
                {"processes-services": 0.4, "systems-design-thinking": 0.4}, unit="directorate"),
        OrgSpec("moh", "Ministry of Health", "MoH", "ministry", "Health", -0.3,
                {"digital-strategic-plan": 0.3}),
        OrgSpec("immigration", "State Department for Immigration and Citizen Services",
                "SDICS", "ministry", "Immigration and civil registration", -0.1,
                {"processes-services": 0.2}, unit="state department"),
        OrgSpec("ksg", "Kenya School of Government", "KSG", "agency", "Public sector training",
                -0.1, {"change-management": 0.5, "systems-design-thinking": 0.2},
                unit="school"),
        OrgSpec("ca", "Communications Authority of Kenya", "CA", "authority",
                "Telecommunications regulation", 0.1, {"policy-influence": 0.3},
                unit="authority"),
        OrgSpec("treasury", "The National Treasury and Economic Planning", "NT&EP", "ministry",
                "Public finance", 0.1, {"project-execution": 0.2, "change-management": -0.2},
                unit="treasury"),
        OrgSpec("odpc", "Office of the Data Protection Commissioner", "ODPC", "authority",
                "Data protection", -0.3, {"policy-influence": 0.5, "enterprise-architecture": -0.5},
                unit="office"),
    ),
    engagements=(
        EngagementSpec(
            "ke-2025", "Kenya — baseline 2025", 0, dt.date(2025, 2, 10), dt.date(2025, 4, 30),
            "closed",
            ("moicde", "icta", "kra", "ecitizen", "moh", "immigration", "ksg", "ca", "treasury",
             "odpc"),
            names={"fr": "Kenya — état initial 2025", "ar": "كينيا — خط الأساس 2025",
                   "sw": "Kenya — tathmini ya msingi 2025"},
        ),
        EngagementSpec(
            "ke-2026", "Kenya — follow-up 2026", 1, dt.date(2026, 1, 26), dt.date(2026, 5, 29),
            "open",
            ("ksg", "moicde", "icta", "kra", "moh", "immigration", "ca", "treasury", "odpc",
             "ecitizen"),
            ("validated",) * 8 + ("submitted", "in_progress"),
            # Between the rounds the baseline plan's courses ran (change management, agile,
            # digital policy): a section moves up one level with a chance of 0.6 where one of
            # the organisation's officials completed a course in its domain, 0.1 elsewhere.
            dict.fromkeys(SECTION_KEYS, 0.1),
            trained_improvement=0.6,
            names={"fr": "Kenya — suivi 2026", "ar": "كينيا — المتابعة 2026",
                   "sw": "Kenya — ufuatiliaji 2026"},
        ),
    ),
    context={
        "strategy": "the Kenya National Digital Master Plan 2022–2032",
        "id_system": "Maisha Namba",
        "payments": "the eCitizen payment gateway",
    },
    female_share=0.45,
)

DJIBOUTI = CountrySpec(
    code="DJ",
    name="Djibouti",
    language="fr",
    city="Djibouti",
    profile={
        "systems-design-thinking": 1.9,
        "distributed-leadership": 1.7,
        "project-execution": 1.7,
        "change-management": 1.9,
        "digital-strategic-plan": 2.6,
        "policy-influence": 2.3,
        "processes-services": 1.15,
        "enterprise-architecture": 1.6,
    },
    orgs=(
        OrgSpec("meni", "Ministère de l'Économie Numérique et de l'Innovation", "MENI",
                "ministry", "ICT and digital economy", 0.3,
                {"policy-influence": 0.4, "digital-strategic-plan": 0.2}),
        OrgSpec("ansie", "Agence Nationale des Systèmes d'Information de l'État", "ANSIE",
                "agency", "ICT and digital economy", 0.3,
                {"enterprise-architecture": 0.6, "project-execution": 0.3}, parent="meni"),
        OrgSpec("inap", "Institut National d'Administration Publique", "INAP", "agency",
                "Public sector training", -0.1, {"change-management": 0.5}),
        OrgSpec("mefi", "Ministère de l'Économie et des Finances, chargé de l'Industrie",
                "MEFI", "ministry", "Public finance", 0.1, {"project-execution": 0.3}),
        OrgSpec("dgi", "Direction Générale des Impôts", "DGI", "agency", "Revenue and customs",
                0.0, {"processes-services": 0.4}),
        OrgSpec("sante", "Ministère de la Santé", "MS", "ministry", "Health", -0.3),
        OrgSpec("interieur", "Ministère de l'Intérieur", "MI", "ministry",
                "Immigration and civil registration", -0.2, {"enterprise-architecture": 0.2}),
        OrgSpec("armd", "Autorité de Régulation Multisectorielle de Djibouti", "ARMD",
                "authority", "Telecommunications regulation", 0.0, {"policy-influence": 0.3}),
        OrgSpec("menfop", "Ministère de l'Éducation Nationale et de la Formation Professionnelle",
                "MENFOP", "ministry", "Education", -0.3),
    ),
    engagements=(
        EngagementSpec(
            "dj-2026", "Djibouti — baseline 2026", 0, dt.date(2026, 1, 12), dt.date(2026, 4, 30),
            "open",
            ("meni", "ansie", "inap", "mefi", "dgi", "sante", "interieur", "armd", "menfop"),
            ("validated",) * 6 + ("submitted", "in_progress", "draft"),
            names={"fr": "Djibouti — état initial 2026", "ar": "جيبوتي — خط الأساس 2026",
                   "sw": "Jibuti — tathmini ya msingi 2026"},
        ),
    ),
    context={
        "strategy": "la Vision Djibouti 2035 et son volet numérique",
        "id_system": "l'identifiant national unique",
        "payments": "le paiement mobile D-Money",
    },
    female_share=0.3,
)

SOMALIA = CountrySpec(
    code="SO",
    name="Somalia",
    language="en",
    city="Mogadishu",
    profile={
        "systems-design-thinking": 1.05,
        "distributed-leadership": 1.15,
        "project-execution": 1.25,
        "change-management": 1.0,
        "digital-strategic-plan": 1.2,
        "policy-influence": 1.15,
        "processes-services": 1.0,
        "enterprise-architecture": 1.0,
    },
    orgs=(
        OrgSpec("moct", "Ministry of Communications and Technology", "MoCT", "ministry",
                "ICT and digital economy", 0.1,
                {"digital-strategic-plan": 0.9, "policy-influence": 0.8}),
        OrgSpec("nira", "National Identification and Registration Authority", "NIRA",
                "authority", "Immigration and civil registration", 0.1,
                {"enterprise-architecture": 1.0, "project-execution": 0.4}, unit="authority"),
        OrgSpec("mof", "Ministry of Finance", "MoF", "ministry", "Public finance", 0.15,
                {"project-execution": 0.8, "processes-services": 0.6}),
        OrgSpec("nca", "National Communications Authority", "NCA", "authority",
                "Telecommunications regulation", 0.0, {"policy-influence": 0.6},
                unit="authority"),
        OrgSpec("mohhs", "Ministry of Health and Human Services", "MoHHS", "ministry", "Health",
                -0.1, {"digital-strategic-plan": 0.3}),
        OrgSpec("moeche", "Ministry of Education, Culture and Higher Education", "MoECHE",
                "ministry", "Education", -0.1),
        OrgSpec("snbs", "Somalia National Bureau of Statistics", "SNBS", "agency", "Statistics",
                0.0, {"processes-services": 0.4, "systems-design-thinking": 0.3},
                parent="mopied", unit="bureau"),
        OrgSpec("mopied", "Ministry of Planning, Investment and Economic Development", "MoPIED",
                "ministry", "Planning", 0.0, {"digital-strategic-plan": 0.5}),
        OrgSpec("ind", "Immigration and Naturalization Directorate", "IND", "agency",
                "Immigration and civil registration", -0.1, unit="directorate"),
    ),
    engagements=(
        EngagementSpec(
            "so-2026", "Somalia — baseline 2026", 0, dt.date(2026, 1, 19), dt.date(2026, 4, 30),
            "open",
            ("moct", "nira", "mof", "nca", "mohhs", "moeche", "snbs", "mopied", "ind"),
            ("validated",) * 6 + ("submitted", "in_progress", "draft"),
            names={"fr": "Somalie — état initial 2026", "ar": "الصومال — خط الأساس 2026",
                   "sw": "Somalia — tathmini ya msingi 2026"},
        ),
    ),
    context={
        "strategy": "the National ICT Policy and Strategy",
        "id_system": "the NIRA national ID",
        "payments": "mobile money",
    },
    female_share=0.25,
    quote_suffix="(interpreted from Somali)",
)

COUNTRIES: tuple[CountrySpec, ...] = (DJIBOUTI, KENYA, SOMALIA)
