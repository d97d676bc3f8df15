"""French facilitator language for demo notes (Djibouti), same shape as `text_en`.

Placeholders: {pa}, {pb}, {strategy}, {id_system}, {payments}, and in dissent {p} and
{level}. The organisation is called "la structure", which fits every kind of body.
"""

from __future__ import annotations

LABELS = {"said": "Propos :", "reading": "Lecture :"}
LEVEL_NAMES = {"high": "Élevé", "moderate": "Modéré", "basic": "De base"}

SAID: dict[str, dict[str, tuple[str, ...]]] = {
    "systems-design-thinking": {
        "high": (
            "{pa} a présenté une cartographie des acteurs de tout l'écosystème du service : agences partenaires, flux de données et usagers au bout de chaque parcours.",
            "L'équipe organise des ateliers conjoints avec les autres administrations pour poser le problème avant tout achat ; deux exemples de l'année écoulée ont été cités.",
            "Les parcours usagers sont cartographiés avant chaque refonte, avec des entretiens auprès des usagers et des agents d'accueil.",
        ),
        "moderate": (
            "Les participants décrivent bien les liens entre leurs systèmes et ceux des autres administrations, mais cette vision reste au sein de la direction informatique.",
            "{pa} estime que l'équipe « a la vue d'ensemble » mais réunit rarement les directions métiers ou les partenaires pour la partager.",
            "Les usagers ont été consultés une fois, lors de l'expression des besoins du dernier grand système ; rien depuis.",
            "Le groupe a cité sans hésiter les dépendances du service principal, y compris celles qui relèvent d'autres ministères.",
        ),
        "basic": (
            "Plusieurs participants connaissent la pensée design par des ateliers de sensibilisation, mais personne n'a pu citer un projet où elle a été appliquée.",
            "Les systèmes sont décrits un par un ; interrogé sur les dépendances du service principal envers d'autres administrations, le groupe hésite.",
            "{pa} indique que les projets partent d'une offre de fournisseur ou d'une instruction, et non des besoins des usagers.",
        ),
    },
    "distributed-leadership": {
        "high": (
            "L'équipe travaille par itérations de deux semaines ; {pa} a montré comment une fonctionnalité prévue a été abandonnée après des tests auprès des usagers.",
            "Lors de la réduction budgétaire en cours d'année, la direction a présenté trois options avec leurs coûts et leurs risques, et l'équipe a choisi.",
            "Les décisions courantes sont déléguées aux équipes projet ; les participants n'attendent pas la validation du directeur pour chaque changement.",
        ),
        "moderate": (
            "{pa} a résumé une étude de faisabilité de soixante pages en trois décisions clés ; le groupe dit travailler ainsi d'habitude.",
            "Certains projets avancent par itérations, mais les validations remontent toujours la hiérarchie et ralentissent l'équipe.",
            "Les participants se disent à l'aise pour démarrer avec une information incomplète et ajuster en cours de route.",
        ),
        "basic": (
            "Le travail est planifié annuellement et tout changement exige l'accord du secrétaire général ; les participants évoquent des semaines d'attente.",
            "{pa} indique que l'équipe réagit surtout aux demandes de la hiérarchie et aux pannes.",
            "Le terme « agile » est connu grâce à une formation d'un fournisseur, mais les équipes ne travaillent pas par itérations.",
        ),
    },
    "project-execution": {
        "high": (
            "Un bureau de gestion de projets (PMO) doté d'un mandat clair revoit chaque mois tous les projets informatiques ; le tableau de bord du portefeuille a été montré.",
            "{pa} a décrit les étapes de validation que suit chaque projet, de l'idée à la clôture, avec un retour d'expérience final.",
            "Les priorités suivent des critères écrits ; un projet en retard est présenté au comité de pilotage sous quinze jours.",
        ),
        "moderate": (
            "Il n'y a pas de PMO, mais plusieurs chefs de projet sont certifiés (PRINCE2 et PMP ont été cités) et se complètent.",
            "Les budgets sont suivis par projet ; les risques ne sont consignés que pour les grands projets.",
            "{pa} souligne que la mise en œuvre repose sur quelques personnes expérimentées ; au départ de l'une d'elles, un projet s'est arrêté quatre mois.",
        ),
        "basic": (
            "Les projets sont menés par les personnes disponibles ; c'est en général le prestataire qui tient le planning et rend compte de l'avancement.",
            "Aucun participant n'a suivi de formation en gestion de projet ; les budgets sont suivis par la direction financière et non par l'équipe projet.",
            "{pa} : « le PMO figure sur l'organigramme, mais il ne s'est jamais réuni ».",
        ),
    },
    "change-management": {
        "high": (
            "Chaque changement important a un sponsor, une analyse des parties prenantes et un plan de communication ; le modèle utilisé pour le dernier e-service a été montré.",
            "{pa} a expliqué comment les craintes du personnel ont été traitées en amont, avec des engagements de reconversion pris avant la mise en service.",
            "Toutes les directions appliquent la même démarche, et l'adoption est mesurée trois mois après la mise en service.",
        ),
        "moderate": (
            "Plusieurs participants ont suivi la formation à la conduite du changement de l'INAP ; {pa} l'applique sur ses projets, d'autres n'en avaient pas entendu parler.",
            "La direction informatique a une démarche (sponsor, plan de communication), que les autres directions n'appliquent pas.",
            "Les résistances ont été abordées franchement : échecs passés et manque de portage par la hiérarchie ont été cités.",
        ),
        "basic": (
            "Les changements sont annoncés par note de service ; des agents ont découvert un nouveau système le jour de sa mise en service.",
            "{pa} indique que les résistances sont traitées par instruction hiérarchique plutôt que par l'écoute des personnes concernées.",
            "Personne n'a pu dire qui est chargé de la conduite du changement lors de l'introduction d'un nouveau système.",
        ),
    },
    "digital-strategic-plan": {
        "high": (
            "La structure dispose d'un plan stratégique numérique aligné sur {strategy}, avec un dispositif de suivi-évaluation, des valeurs de référence et des cibles ; un bilan est fait chaque trimestre.",
            "{pa} a expliqué que le plan a été révisé l'an dernier après la revue à mi-parcours et que les lignes budgétaires suivent ses priorités.",
            "Les participants se réfèrent spontanément au plan pour expliquer leurs décisions.",
            "{pb} a décrit l'exercice annuel de revue du plan, animé en interne avec les directions métiers.",
        ),
        "moderate": (
            "Un plan sectoriel existe et renvoie à {strategy}, mais ses indicateurs n'ont pas de valeurs de référence et le suivi-évaluation n'a pas de budget.",
            "La planification a lieu tous les ans ou deux, avec l'appui d'un partenaire ; {pa} précise que l'essentiel du dernier projet a été rédigé en interne.",
            "Les objectifs du nouveau projet de plan sont précis et datés, mais les rapports d'avancement n'ont pas commencé.",
        ),
        "basic": (
            "L'équipe compte rédiger un plan numérique ; en attendant, elle s'appuie sur le volet informatique du plan sectoriel.",
            "{pa} rappelle qu'un consultant a rédigé un plan il y a trois ans, jamais adopté.",
            "Les participants ne savent pas si les priorités de la structure sont alignées sur {strategy}.",
        ),
    },
    "policy-influence": {
        "high": (
            "La structure est régulièrement associée aux travaux interministériels et parlementaires sur le numérique ; {pa} a donné deux exemples récents.",
            "Des notes sont remises au ministre selon un calendrier régulier, et l'équipe suit les propositions reprises.",
            "Les participants ont rédigé des articles du dernier projet de loi sur le numérique et les ont défendus en consultation.",
        ),
        "moderate": (
            "Les participants savent qu'ils peuvent peser sur les politiques et siègent dans des groupes de travail nationaux, mais sur invitation.",
            "{pa} indique que le directeur informe la hiérarchie quand on le lui demande, sans calendrier établi.",
            "L'équipe a transmis des commentaires sur le projet de cadre de gouvernance des données, sans savoir ce qu'ils sont devenus.",
        ),
        "basic": (
            "Les politiques sont perçues comme décidées ailleurs ; les participants rencontrent rarement les décideurs.",
            "{pa} souhaiterait informer la hiérarchie mais ne connaît pas le circuit pour le faire.",
            "Selon les participants, la structure n'a pas été consultée sur les textes récents relatifs au numérique.",
        ),
    },
    "processes-services": {
        "high": (
            "Chaque service du catalogue a une procédure écrite avec un responsable, des rôles, des niveaux de service et des indicateurs ; le catalogue a été montré.",
            "{pa} a décrit des revues mensuelles des services fondées sur les réclamations et la satisfaction des usagers.",
            "Les procédures ont été redessinées du point de vue de l'usager lors de la mise en ligne du service.",
        ),
        "moderate": (
            "Les procédures essentielles (achats, assistance, demandes de changement) sont écrites et appliquées ; les autres non.",
            "{pa} indique que les procédures sont revues après les incidents majeurs, avec quelques améliorations.",
            "L'assistance enregistre les tickets, mais aucun niveau de service n'a été convenu avec les utilisateurs.",
        ),
        "basic": (
            "Les participants décrivent un travail dicté par les pannes : l'équipe répare ce qui casse et passe à la suite.",
            "Il n'existe pas de catalogue de services ; {pa} indique que les demandes arrivent par téléphone, par WhatsApp ou dans les couloirs.",
            "Les seules procédures écrites sont celles qu'un prestataire a rédigées lors de la livraison d'un système.",
            "{pb} a cité l'exemple du service de délivrance des actes, dont personne ne connaît le délai moyen de traitement.",
        ),
    },
    "enterprise-architecture": {
        "high": (
            "Les services réutilisent des briques communes pour l'identité ({id_system}), le paiement ({payments}) et l'échange de données ; le référentiel d'architecture a été montré.",
            "{pa} a expliqué que tout nouveau système passe une revue d'architecture au regard du cadre d'interopérabilité avant l'achat.",
            "Des API minimales sont publiées et deux autres administrations consomment déjà les données de la structure.",
        ),
        "moderate": (
            "Un cadre d'interopérabilité a été adopté, mais les systèmes restent reliés deux à deux ; le lien avec {id_system} est prévu.",
            "{pa} indique que les nouveaux systèmes respectent les normes nationales, mais que les anciens en sont exclus.",
            "Les paiements passent par {payments}, mais la vérification d'identité reste manuelle.",
        ),
        "basic": (
            "Chaque système a été acquis séparément ; les participants n'ont pu citer aucune norme commune.",
            "{pa} indique que les données sont échangées par export de tableurs envoyés par courriel.",
            "Il n'y a pas de fonction d'architecture ; les prestataires choisissent la technologie.",
        ),
    },
}

READING: dict[str, dict[str, tuple[str, ...]]] = {
    "systems-design-thinking": {
        "high": (
            "Correspond au niveau élevé : la structure voit l'écosystème numérique dans son ensemble et aide d'autres acteurs à construire une compréhension partagée des problèmes complexes.",
            "Élevé — le groupe a montré comment il amène d'autres acteurs à une vision commune, ce qui distingue ce niveau du niveau modéré.",
        ),
        "moderate": (
            "Modéré — compréhension claire du système, sans démarche encore pour amener des groupes à une vision partagée.",
            "Le groupe voit le système mais ne réunit pas encore les autres autour de lui. Modéré ; la pratique de la pensée design est l'étape suivante.",
        ),
        "basic": (
            "De base — le concept de pensée systémique est compris mais n'a pas été pratiqué en groupe, comme le décrit le référentiel.",
            "Compréhension théorique, sans pratique collective décrite. De base.",
        ),
    },
    "distributed-leadership": {
        "high": (
            "Élevé — le groupe passe de la résolution réactive des problèmes à la co-construction de l'avenir et élabore des options stratégiques avec leurs risques.",
            "Élevé — la prise de décision en situation incertaine a été illustrée par des cas concrets.",
        ),
        "moderate": (
            "Modéré — l'information complexe est assimilée et ramenée à l'essentiel ; les options stratégiques ne sont pas encore élaborées de façon systématique.",
            "L'aisance face à l'incertitude (marqueur du niveau modéré) est là ; le passage à la co-construction n'a pas été démontré.",
        ),
        "basic": (
            "De base — la structure fait face à une certaine complexité, mais les décisions restent réactives et centralisées.",
            "On subit l'incertitude plus qu'on ne la pilote : niveau de base.",
        ),
    },
    "project-execution": {
        "high": (
            "Élevé — un PMO fonctionnel, des personnes compétentes et des résultats fiables ; l'engagement à « faire aboutir » du référentiel ressort des exemples.",
            "Élevé, au vu du suivi de portefeuille présenté et de la régularité de la démarche décrite.",
        ),
        "moderate": (
            "Modéré — des personnes compétentes aux savoir-faire complémentaires, mais pas de PMO fonctionnel comme au niveau élevé.",
            "Les compétences sont là, le dispositif institutionnel non. Modéré.",
        ),
        "basic": (
            "De base — des personnes capables, mais sans toutes les compétences nécessaires à la réussite des projets ; le libellé du référentiel s'applique bien.",
            "La mise en œuvre dépend des prestataires et de la bonne volonté. De base.",
        ),
    },
    "change-management": {
        "high": (
            "Élevé — une démarche commune de conduite du changement, partagée par la direction et mise au service de la performance.",
            "Élevé — la démarche est portée par l'ensemble de la direction, pas seulement par l'informatique.",
        ),
        "moderate": (
            "Modéré — une démarche commune existe dans une partie de la direction, sans être partagée par toute la structure.",
            "Des îlots de bonnes pratiques, pas encore une démarche d'équipe. Modéré.",
        ),
        "basic": (
            "De base — pas de démarche commune de conduite du changement.",
            "Le changement est traité comme un déploiement technique. De base.",
        ),
    },
    "digital-strategic-plan": {
        "high": (
            "Élevé — le plan stratégique numérique oriente largement les décisions, il est révisé régulièrement et son exécution fait l'objet de rapports.",
            "Élevé — le plan est un outil de travail, pas un document de tiroir.",
        ),
        "moderate": (
            "Modéré — les praticiens fixent des objectifs concrets et réalistes, avec une expertise interne ; le plan ne guide pas encore largement les décisions.",
            "Une planification quasi régulière avec appui extérieur correspond au niveau modéré ; le suivi régulier de l'exécution manque.",
        ),
        "basic": (
            "De base — l'équipe envisage un plan stratégique numérique mais ne l'a ni rédigé ni actualisé.",
            "Pas de plan en usage. De base, conformément au référentiel.",
        ),
    },
    "policy-influence": {
        "high": (
            "Élevé — influence proactive et réactive au niveau national ; la structure est souvent sollicitée pour des discussions de fond.",
            "Élevé — l'influence est recherchée par d'autres et attestée par des résultats.",
        ),
        "moderate": (
            "Modéré — consciente de sa capacité d'influence et active dans les discussions nationales, sans être encore une voix de référence.",
            "Active plutôt que proactive, sans suivi des effets de son action. Modéré.",
        ),
        "basic": (
            "De base — une certaine disposition à participer aux discussions de haut niveau, peu de pratique.",
            "De base — la volonté existe, les occasions et les circuits manquent.",
        ),
    },
    "processes-services": {
        "high": (
            "Élevé — documentation cohérente des procédures (politique, finalité, rôles, indicateurs) et attention portée aux résultats pour l'usager.",
            "Élevé — ce sont les résultats pour l'usager, non la disponibilité technique, qui guident les revues.",
        ),
        "moderate": (
            "Modéré — procédures bien conçues dans les domaines essentiels, suivi occasionnel ; documentation inégale d'un service à l'autre.",
            "Procédures connues et appliquées, suivi ponctuel. Modéré.",
        ),
        "basic": (
            "De base — approche technique plutôt que centrée sur le service, fonctionnement réactif, fonctions partiellement présentes et sans structure.",
            "Réactif, technique, peu structuré : niveau de base.",
        ),
    },
    "enterprise-architecture": {
        "high": (
            "Élevé — un cadre d'interopérabilité relié aux paiements et à l'identité soutient le déploiement de plusieurs services.",
            "Élevé — le cadre est appliqué, pas seulement adopté.",
        ),
        "moderate": (
            "Modéré — un cadre d'interopérabilité existe mais sans liens avec les systèmes de paiement et d'identité.",
            "Cadre présent, liens partiels. Modéré.",
        ),
        "basic": (
            "De base — services déployés au cas par cas, sans norme ni cadre de référence.",
            "Déploiement non coordonné, comme le décrit le niveau de base.",
        ),
    },
}

EVIDENCE: dict[str, dict[str, tuple[str, ...]]] = {
    "systems-design-thinking": {
        "high": ("Cartographie des acteurs dessinée au tableau pendant la séance (photographiée).",
                 "Parcours usagers de la dernière refonte, transmis par courriel après la séance.",
                 "Compte rendu de l'atelier conjoint avec les administrations partenaires."),
        "moderate": ("Schéma de contexte des systèmes de la direction informatique (montré à l'écran).",
                     "Cahier des charges du dernier grand système, avec l'annexe sur la consultation des usagers."),
    },
    "distributed-leadership": {
        "high": ("Tableau d'itération présenté à l'écran.",
                 "Note d'options soumise à la direction après la réduction budgétaire.",
                 "Décision de délégation de pouvoirs aux équipes projet (vue, non remise)."),
        "moderate": ("Synthèse d'une page de l'étude de faisabilité, préparée par {pa}.",
                     "Tableau d'itération de l'équipe e-services, seule équipe à travailler ainsi."),
    },
    "project-execution": {
        "high": ("Termes de référence du PMO et tableau de bord mensuel du portefeuille.",
                 "Modèle de fiche projet et compte rendu d'une revue d'étape récente.",
                 "Registre des risques du principal projet informatique (montré à l'écran)."),
        "moderate": ("Plannings de deux projets en cours, tenus par leurs chefs de projet.",
                     "Liste des agents certifiés en gestion de projet (PRINCE2, PMP)."),
    },
    "change-management": {
        "high": ("Plan de communication du dernier déploiement.",
                 "Synthèse d'une enquête auprès du personnel sur le nouveau système, transmise après la séance.",
                 "Bilan d'adoption trois mois après la mise en service."),
        "moderate": ("Liste de présence de la formation à la conduite du changement (INAP).",
                     "Plan de communication préparé par la direction informatique pour son propre projet."),
    },
    "digital-strategic-plan": {
        "high": ("Stratégie numérique sectorielle 2023–2027 et son cadre de suivi-évaluation.",
                 "Rapport trimestriel d'avancement du plan stratégique.",
                 "Revue à mi-parcours du plan et cibles révisées."),
        "moderate": ("Projet de stratégie numérique sectorielle 2023–2027, transmis après la séance.",
                     "Cadre de suivi-évaluation avec valeurs de référence pour six indicateurs sur onze."),
    },
    "policy-influence": {
        "high": ("Contribution au projet de loi sur le numérique.",
                 "Note au Conseil des ministres préparée par l'équipe (intitulé et date seulement).",
                 "Calendrier des notes au ministre et suivi des propositions reprises."),
        "moderate": ("Comptes rendus du groupe de travail national sur le numérique.",
                     "Commentaires transmis sur le projet de cadre de gouvernance des données."),
    },
    "processes-services": {
        "high": ("Catalogue des services avec responsables et niveaux de service.",
                 "Rapport mensuel de revue des services avec les scores de satisfaction.",
                 "Procédures redessinées du point de vue de l'usager."),
        "moderate": ("Statistiques des tickets d'assistance du dernier trimestre.",
                     "Procédure écrite de demande de changement."),
    },
    "enterprise-architecture": {
        "high": ("Cadre d'interopérabilité et référentiel d'architecture (partage d'écran).",
                 "Catalogue des API publiées.",
                 "Grille de revue d'architecture utilisée avant chaque achat."),
        "moderate": ("Normes nationales d'interopérabilité adoptées par la structure.",
                     "Schéma d'intégration des principaux systèmes, dessiné par {pa} pendant la séance."),
    },
}

NO_EVIDENCE = (
    "Aucun document présenté ; {pa} propose de transmettre les pièces utiles.",
    "Pas de document disponible en séance.",
    "{pa} transmettra le projet après validation hiérarchique ; pas encore reçu.",
)

DISSENT: dict[str, dict[str, str]] = {
    "systems-design-thinking": {
        "lower": "{p} plaidait pour « {level} » : la cartographie est l'œuvre d'un consultant et n'a plus servi depuis.",
        "higher": "{p} plaidait pour « {level} » en citant l'atelier commun avec deux ministères ; le groupe estime qu'un atelier ne fait pas une pratique.",
    },
    "distributed-leadership": {
        "lower": "{p} plaidait pour « {level} » : toute décision importante attend encore une seule signature.",
        "higher": "{p} plaidait pour « {level} » en citant l'équipe e-services ; d'autres y voient une exception.",
    },
    "project-execution": {
        "lower": "{p} plaidait pour « {level} » : le PMO n'existe que sur le papier.",
        "higher": "{p} plaidait pour « {level} » : la plupart des projets récents ont été livrés à temps ; le groupe note qu'ils étaient modestes.",
    },
    "change-management": {
        "lower": "{p} plaidait pour « {level} » : la démarche reste cantonnée à l'informatique.",
        "higher": "{p} plaidait pour « {level} » en citant le plan de communication du dernier déploiement ; pour le groupe, un plan ne fait pas une démarche commune.",
    },
    "digital-strategic-plan": {
        "lower": "{p} plaidait pour « {level} » : le plan n'est pas consulté lors des arbitrages budgétaires.",
        "higher": "{p} plaidait pour « {level} » : le plan est révisé chaque année ; d'autres relèvent l'absence de rapports d'avancement.",
    },
    "policy-influence": {
        "lower": "{p} plaidait pour « {level} » : la structure est consultée tard, quand le texte est déjà rédigé.",
        "higher": "{p} plaidait pour « {level} » en citant la contribution de l'équipe au décret sur les données personnelles.",
    },
    "processes-services": {
        "lower": "{p} plaidait pour « {level} » : les procédures écrites ne sont pas appliquées.",
        "higher": "{p} plaidait pour « {level} » : l'assistance mesure ses délais de réponse depuis un an.",
    },
    "enterprise-architecture": {
        "lower": "{p} plaidait pour « {level} » : le cadre est adopté mais aucun système n'a été évalué au regard de celui-ci.",
        "higher": "{p} plaidait pour « {level} » : le lien avec {id_system} fonctionne déjà pour un service.",
    },
}

NOT_ASSESSED = (
    "Non abordé : les participants chargés de ce domaine sont partis avant cette section et le groupe a préféré ne pas répondre à leur place.",
    "Faute de temps, le groupe a convenu de traiter cette section lors d'un échange ultérieur.",
    "Le groupe estime que ce domaine relève du ministère de tutelle et n'a pas souhaité se prononcer.",
)

OBSERVATIONS = (
    "Les cadres se sont exprimés en premier ; les techniciens ont davantage contribué une fois sollicités directement.",
    "Échange animé ; le groupe s'est accordé rapidement.",
    "Le groupe a pris le temps de s'accorder, en comparant les pratiques de plusieurs directions.",
    "{pb} a ajouté des exemples des services régionaux, qui diffèrent de ceux du siège.",
    "Les participants ont demandé que les exemples cités restent dans la salle.",
)

PARTIAL = "Discussion en cours à l'interruption de la séance ; le niveau sera arrêté à la reprise."

CONSENT = (
    "Introduction lue. Les participants ont été informés que la confidentialité entre participants ne peut être garantie et qu'ils peuvent ne pas répondre à une question. Tous ont accepté de participer.",
    "Introduction et objet de la séance lus ; rappel que les niveaux décrivent des capacités et non des personnes. Consentement de tous ; les noms sont conservés à part des codes.",
)
RECORDING = {
    True: "Enregistrement audio autorisé, pour la prise de notes uniquement.",
    False: "Pas d'enregistrement audio ; notes écrites seulement.",
}
