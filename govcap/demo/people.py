"""People in the demo: staff users with their roles, participants' job titles and names.

All names are invented combinations of common given and family names; e-mail addresses
use the reserved example.org domain.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UserSpec:
    username: str
    first_name: str
    last_name: str
    # (role, engagement key or "" for programme-wide, organisation key or "")
    roles: tuple[tuple[str, str, str], ...]
    country: str = ""  # facilitators: the country whose sessions they run


USERS: tuple[UserSpec, ...] = (
    UserSpec("demo-manager", "Lena", "Hoffmann", (("programme_manager", "", ""),)),
    UserSpec("demo-coordinator-ke", "Esther", "Njoki",
             (("coordinator", "ke-2025", ""), ("coordinator", "ke-2026", ""))),
    UserSpec("demo-facilitator-ke-1", "Daniel", "Kiprotich",
             (("facilitator", "ke-2025", ""), ("facilitator", "ke-2026", "")), "KE"),
    UserSpec("demo-facilitator-ke-2", "Mercy", "Atieno",
             (("facilitator", "ke-2025", ""), ("facilitator", "ke-2026", "")), "KE"),
    UserSpec("demo-viewer-ke", "Joseph", "Mwangi",
             (("viewer", "ke-2025", ""), ("viewer", "ke-2026", ""))),
    UserSpec("demo-viewer-ke-kra", "Peter", "Kariuki",
             (("viewer", "ke-2025", "kra"), ("viewer", "ke-2026", "kra"))),
    UserSpec("demo-coordinator-dj", "Nasra", "Daher", (("coordinator", "dj-2026", ""),)),
    UserSpec("demo-facilitator-dj-1", "Claire", "Fontaine",
             (("facilitator", "dj-2026", ""),), "DJ"),
    UserSpec("demo-facilitator-dj-2", "Houssein", "Aden Robleh",
             (("facilitator", "dj-2026", ""),), "DJ"),
    UserSpec("demo-viewer-dj", "Aïcha", "Moussa", (("viewer", "dj-2026", ""),)),
    UserSpec("demo-coordinator-so", "Abdikarim", "Yusuf Nur", (("coordinator", "so-2026", ""),)),
    UserSpec("demo-facilitator-so-1", "Hamdi", "Mohamed Jama",
             (("facilitator", "so-2026", ""),), "SO"),
    UserSpec("demo-facilitator-so-2", "Kristjan", "Tamm", (("facilitator", "so-2026", ""),), "SO"),
    UserSpec("demo-viewer-so", "Mustafa", "Abdi Osman", (("viewer", "so-2026", ""),)),
)

# Note-takers are named on the session (a free-text field), not users.
NOTE_TAKERS: dict[str, tuple[str, ...]] = {
    "KE": ("Ruth Wairimu", "Kevin Ouma", "Lucy Chepkoech"),
    "DJ": ("Samira Ahmed Ali", "Marc Lefèvre", "Deka Ibrahim"),
    "SO": ("Ayaan Hassan", "Liban Ahmed Warsame", "Sagal Mohamud"),
}

# (seniority, title) — seniority values of Participant.Seniority.
ROLES_EN: tuple[tuple[str, str], ...] = (
    ("senior", "Director, ICT"),
    ("senior", "Head of Digital Transformation"),
    ("senior", "Deputy Director, Planning and Strategy"),
    ("senior", "Chief Information Officer"),
    ("senior", "Director, Corporate Services"),
    ("middle", "ICT Manager"),
    ("middle", "Senior Systems Analyst"),
    ("middle", "Project Manager, e-Services"),
    ("middle", "Head of Infrastructure"),
    ("middle", "Principal ICT Officer"),
    ("middle", "Manager, Business Process Improvement"),
    ("middle", "Senior Policy Analyst"),
    ("middle", "Records Management Manager"),
    ("technical", "Systems Administrator"),
    ("technical", "Software Developer"),
    ("technical", "Database Administrator"),
    ("technical", "ICT Officer"),
    ("technical", "Network Engineer"),
    ("technical", "Business Analyst"),
    ("technical", "Helpdesk Supervisor"),
    ("technical", "Information Security Officer"),
    ("technical", "Data Analyst"),
    ("technical", "Monitoring and Evaluation Officer"),
)

# (seniority, masculine title, feminine title)
ROLES_FR: tuple[tuple[str, str, str], ...] = (
    ("senior", "Directeur des systèmes d'information", "Directrice des systèmes d'information"),
    ("senior", "Directeur de la transformation numérique",
     "Directrice de la transformation numérique"),
    ("senior", "Secrétaire général adjoint", "Secrétaire générale adjointe"),
    ("senior", "Conseiller technique du ministre", "Conseillère technique du ministre"),
    ("senior", "Directeur de la planification et des études",
     "Directrice de la planification et des études"),
    ("middle", "Chef du service informatique", "Cheffe du service informatique"),
    ("middle", "Chef de projet e-services", "Cheffe de projet e-services"),
    ("middle", "Responsable des infrastructures", "Responsable des infrastructures"),
    ("middle", "Chef du service de la planification", "Cheffe du service de la planification"),
    ("middle", "Analyste principal des systèmes", "Analyste principale des systèmes"),
    ("middle", "Responsable qualité et procédures", "Responsable qualité et procédures"),
    ("technical", "Administrateur systèmes et réseaux", "Administratrice systèmes et réseaux"),
    ("technical", "Développeur", "Développeuse"),
    ("technical", "Ingénieur réseaux", "Ingénieure réseaux"),
    ("technical", "Technicien de support", "Technicienne de support"),
    ("technical", "Analyste métier", "Analyste métier"),
    ("technical", "Chargé de suivi-évaluation", "Chargée de suivi-évaluation"),
    ("technical", "Responsable de la sécurité informatique",
     "Responsable de la sécurité informatique"),
    ("technical", "Gestionnaire de bases de données", "Gestionnaire de bases de données"),
)

# Given names by gender, and family names, per country.
GIVEN_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "KE": {
        "female": ("Wanjiku", "Achieng", "Njeri", "Wambui", "Akinyi", "Chebet", "Mwende",
                   "Nafula", "Faith", "Grace", "Caroline"),
        "male": ("Otieno", "Kamau", "Kiprono", "Mutua", "Omondi", "Wekesa", "Brian", "Dennis",
                 "Samuel", "Collins"),
    },
    "DJ": {
        "female": ("Fatouma", "Hasna", "Amina", "Kadra", "Hodan", "Roukia", "Saada", "Mouna"),
        "male": ("Ahmed", "Moussa", "Ibrahim", "Abdourahman", "Houssein", "Omar", "Aden",
                 "Said"),
    },
    "SO": {
        "female": ("Hodan", "Asha", "Fadumo", "Ifrah", "Sahra", "Nimco", "Hibaaq", "Ubah"),
        "male": ("Abdirahman", "Mohamed", "Abdullahi", "Liban", "Yusuf", "Abdiweli", "Hassan",
                 "Bashir"),
    },
}
FAMILY_NAMES: dict[str, tuple[str, ...]] = {
    "KE": ("Kamau", "Odhiambo", "Mwangi", "Kiptoo", "Wafula", "Njoroge", "Ochieng", "Mutiso",
           "Cheruiyot", "Nyaga", "Barasa"),
    "DJ": ("Ali", "Youssouf", "Houmed", "Robleh", "Abdillahi", "Daher", "Daoud", "Farah",
           "Hassan", "Mohamed"),
    "SO": ("Warsame", "Farah", "Abdi", "Nur", "Osman", "Jama", "Hussein", "Ali", "Aden",
           "Mohamud"),
}
# Somali and Djiboutian names carry the father's and the grandfather's names.
FAMILY_NAME_PARTS = {"KE": 1, "DJ": 2, "SO": 2}

# Other organisations that second staff to sessions elsewhere (participants "from other
# organisations"): the country's central ICT bodies.
SECONDING_ORGS = {"KE": ("icta", "moicde"), "DJ": ("ansie", "meni"), "SO": ("moct", "nira")}
