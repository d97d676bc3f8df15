"""The plan documents' labels in French (keys as in :data:`govcap.reports.labels.EN`)."""

from __future__ import annotations

FR: dict[str, str] = {
    "doc.title": "Plan de formation — {engagement}", "plan_of": "Plan de formation : {org}", "status.draft": "Brouillon",
    "status.approved": "Approuvé",
    "cover.country": "Pays", "cover.engagement": "Mission", "cover.round": "Cycle",
    "cover.project": "Projet", "cover.instrument": "Instrument d’évaluation",
    "cover.status": "Statut", "cover.version": "Version", "cover.date": "Date",
    "cover.currency": "Devise", "cover.organisation": "Organisation",
    "cover.note": "Établi à partir des évaluations validées des groupes de discussion de la "
                  "mission.",
    "footer.page": "Page", "total": "Total",
    "contents": "Table des matières",
    "h.nominations": "Qui désigner",
    "h.assumptions": "Hypothèses",
    "assume.intro": ("Le plan a été établi avec ces paramètres ; s’ils changent, le plan "
                     "change."),
    "assume.none": "aucune",
    "assume.targets": ("Chaque section vise le niveau {default} ; les sections stratégiques "
                       "visent {strategic} : {sections}."),
    "assume.overrides": "{n} organisation(s) ont leurs propres cibles sur certaines sections.",
    "assume.participants": ("Chaque organisation envoie {n} participant(s) à chaque formation "
                            "dont elle a besoin ({own} organisation(s) un nombre propre) ; pour "
                            "atteindre le minimum d’une formation, jusqu’à {most} par "
                            "organisation."),
    "assume.horizon": ("{months} mois à partir de {first} ; au plus {parallel} cohortes en "
                       "cours le même mois."),
    "assume.load": ("Chaque organisation suit au plus {month} jour(s) de formation par mois et "
                    "{quarter} par trimestre, avec au plus {away} agents absents en même temps."),
    "assume.rates": ("Coûts du catalogue {catalogue} version {version}, en {currency} à {rate} "
                     "par dollar américain."),
    "assume.own_rates": "La mission fixe ses propres tarifs pour : {codes}.",
    "assume.women": "Les désignations visent {target} % de femmes.",
    "assume.budget": "Ce que couvre le budget",
    "assume.included": ("Inclus : chaque formation aux tarifs du catalogue — un coût par "
                        "participant et par jour et un coût fixe par cohorte."),
    "assume.excluded": ("Non inclus : indemnités et déplacements des participants, "
                        "l’accompagnement de suivi décrit par chaque module, les sessions de "
                        "réévaluation prévues au chapitre du suivi, et une réserve pour "
                        "imprévus — à budgéter à part."),
    "nom.intro": ("Chaque organisation désigne ses participants aux formations ci-dessous, "
                  "parmi les fonctions visées par chacune. Le programme vise {target} % de "
                  "femmes parmi eux ; les groupes de discussion de ces organisations en "
                  "comptaient {fgd}."),
    "nom.none": "Cette version du plan précède la planification des désignations.",
    "nom.women_of": "{women} femmes sur {total}",
    "nom.aim": "au moins {women} femmes sur {places}",
    "nom.col.audience": "Pour", "nom.col.places": "Places par organisation",
    "nom.col.aim": "Objectif", "nom.col.fgd": "Ses groupes de discussion",
    "programme.title": "Plan de formation du programme — {project}",
    "programme.title_all": "Plan de formation du programme — tous les pays",
    "programme.title_some": ("Plan de formation du programme — {countries} (les pays que vous "
                             "pouvez consulter)"),
    "programme.title_project_some": ("Plan de formation du programme — {project} : {countries} "
                                     "(les pays que vous pouvez consulter)"),
    "programme.no_country": "aucun pays",
    "programme.reader_countries": ("Ce document ne couvre que les pays que vous pouvez "
                                   "consulter : {countries}. Les autres pays du programme, s’il "
                                   "y en a, n’y figurent pas."),
    "programme.earlier": ("Cycles antérieurs, remplacés par le dernier plan approuvé de leur "
                          "pays et non comptés ci-dessus : {names}."),
    "programme.basis": "Ce que comprend chaque budget, et les tarifs de son chiffrage :",
    "programme.basis_card": ("{who} : la grille tarifaire {card} (en vigueur le {date}, en "
                             "{currency}) et le catalogue {catalogue} version {version} ; "
                             "inclus : {categories}."),
    "programme.basis_catalogue": ("{who} : les seuls prix du catalogue {catalogue} version "
                                  "{version}, sans grille tarifaire — un coût par participant et "
                                  "par jour et par cohorte pour chaque formation ; indemnités et "
                                  "déplacements des participants, accompagnement et réévaluation "
                                  "non inclus."),
    "programme.cover.countries": "Pays", "programme.cover.plans": "Plans approuvés",
    "programme.cover_note": ("Le plan de formation approuvé de chaque pays, côte à côte. Chaque "
                             "chiffre provient d’une version de plan citée dans le premier tableau."),
    "programme.h.summary": "Plans par pays", "programme.h.domains": "Formation par domaine",
    "programme.h.timeline": "Cohortes par trimestre",
    "programme.lead": ("Plans approuvés : {plans}, pays : {countries}, organisations évaluées : "
                       "{orgs} ; {cohorts} cohorte(s) pour {places} places, {total} au total."),
    "programme.rates": ("Chaque plan est chiffré dans sa propre monnaie ; les totaux sont en "
                        "{currency}, convertis au taux de change indiqué par chaque plan."),
    "programme.not_approved": "Non inclus, pas encore de plan approuvé : {names}.",
    "programme.domains_note": ("Places de participants dans chaque pays, et le coût de tous les "
                               "pays ensemble en {currency}."),
    "programme.timeline_note": "Nombre de cohortes commençant chaque trimestre, par pays.",
    "programme.version": "v{version}, approuvée le {date}",
    "programme.col.country": "Pays", "programme.col.engagement": "Mission",
    "programme.col.plan": "Plan", "programme.col.orgs": "Organisations",
    "programme.col.gaps": "Écarts", "programme.col.cohorts": "Cohortes",
    "programme.col.places": "Places", "programme.col.period": "Période",
    "programme.col.cost": "Coût", "programme.col.base": "Coût ({currency})",
    "programme.col.unplaced": "Besoins non placés",
    "programme.col.unplaced_cost": "Non placés, est. ({currency})",
    "programme.unplaced_note": ("Besoins non placés : ce que les plans n’ont pas pu programmer "
                                "dans leurs limites, et leur coût estimé par participant en "
                                "{currency} — non financés par les totaux ci-dessus."),
    "programme.none": "Aucun plan n’est encore approuvé : rien à mettre côte à côte.",
    "demo.mark": "DONNÉES DE DÉMONSTRATION",
    "brief.title": "Note au ministre : compétences numériques de {who}",
    "brief.found": "Ce que l’évaluation a montré", "brief.proposed": "Ce que le plan propose",
    "brief.asked": "Ce qui vous est demandé",
    "brief.none": "Aucune organisation n’a encore d’évaluation validée.",
    "brief.plan": ("{modules} module(s) de formation en {cohorts} cohorte(s) pour {participants} "
                   "places, de {first} à {last} ; coût total {total}."),
    "brief.priority": ("Priorité {rank} : {module}, pour {n} organisation(s), à partir de "
                       "{month}."),
    "brief.priority_org": "Priorité {rank} : {module}, à partir de {month}.",
    "brief.ask_approve": ("Approuver le plan de formation (version {version}) pour que les "
                          "cohortes soient confirmées."),
    "brief.ask_nominate": ("Demander à chaque organisation de désigner ses participants avant "
                           "{month}, autant de femmes que d’hommes lorsque c’est possible."),
    "brief.ask_release": "Libérer les agents désignés pour leurs journées de formation.",
    "brief.ask_unfit": ("Décider comment répondre aux {count} besoin(s) que le plan n’a pas pu "
                        "placer (cohorte d’un autre pays, sessions internes, accompagnement)."),
    "brief.source": ("D’après la version {version} du plan de formation ({status}) ; le plan "
                     "complet donne les justifications, le calendrier et le budget."),
    "demo.note": ("DONNÉES DE DÉMONSTRATION : les organisations sont réelles, leurs niveaux et "
                  "tout ce qui est rapporté sont inventés pour montrer govcap. Ce n’est "
                  "l’évaluation de personne."),
    "h.summary": "Résumé", "h.method": "Méthode", "h.findings": "Constats",
    "h.priorities": "Priorités", "h.modules": "Modules de formation",
    "h.schedule": "Calendrier des cohortes", "h.budget": "Budget",
    "h.monitoring": "Suivi et évaluation", "h.actions": "Tableau d’actions",
    "h.annex": "Annexe : profils des organisations et justification des besoins",
    "h.sections": "Sections de l’évaluation", "h.scale": "L’échelle de notation",
    "h.heatmap": "Niveaux par organisation et par section",
    "h.domains": "Synthèse par domaine de formation",
    "h.unfit": "Besoins que le plan n’a pas pu placer",
    "h.unknowns": "Sections non évaluées",
    "h.month_table": "Mois par mois", "h.gantt": "Chronogramme", "h.cohorts": "Cohortes",
    "h.by_domain": "Par domaine de formation", "h.by_module": "Par module",
    "h.by_month": "Par mois", "h.by_org": "Par organisation", "h.indicators": "Indicateurs",
    "h.kirkpatrick": "Évaluation de chaque module (les quatre niveaux de Kirkpatrick)",
    "h.profile": "Profil", "h.evidence": "Besoins de formation et leur justification",
    "summary.scope": ("{orgs} organisation(s) ont été évaluées lors d’une session de groupe de "
                      "discussion validée. Au regard des cibles convenues, {gaps} écart(s) ont été "
                      "relevés dans {gap_orgs} organisation(s) ; {unknowns} section(s) n’ont "
                      "pas été évaluées et sont signalées plutôt que devinées."),
    "summary.coverage": ("Sur les {engaged} organisation(s) engagées, {validated} figurent dans ce "
                         "plan (leur dernière session validée compte)."),
    "summary.not_covered": "Pas encore dans ce plan — {groups}.",
    "coverage.submitted": "en attente de validation : {names}",
    "coverage.in_progress": "session en cours : {names}",
    "coverage.draft": "session programmée : {names}",
    "coverage.none": "pas encore de session : {names}",
    "summary.since": ("Depuis {round} : {up} notation(s) de section en progrès et {down} en "
                      "recul (dernières sessions validées des deux cycles)."),
    "summary.regressions": "En recul : {items}.",
    "h.changes": "Ce qui a changé depuis {round}",
    "col.then": "Avant", "col.now": "Maintenant", "col.change": "Évolution",
    "change.up": "en progrès", "change.down": "en recul",
    "summary.weakest": ("Domaine le plus faible : {section}, où {n} organisation(s) sur {total} "
                        "sont au niveau de base."),
    "summary.strongest": ("Domaine le plus fort : {section}, avec {n} organisation(s) sur {total} "
                          "au niveau élevé."),
    "summary.most_gaps": ("{org} présente le plus d’écarts : {n} sections sur {sections} sous la "
                          "cible."),
    "summary.org_furthest": "Le plus loin de la cible : {sections}.",
    "summary.org_at_target": "À la cible ou au-delà : {sections}.",
    "summary.scope_org": ("{org} a participé à l’évaluation par groupes de discussion. Au "
                          "regard des cibles convenues, {gaps} écart(s) ont été relevés ; "
                          "{unknowns} section(s) n’ont pas été évaluées et sont signalées "
                          "plutôt que devinées."),
    "summary.plan": ("Le plan y répond par {modules} module(s) de formation dispensés en "
                     "{cohorts} cohorte(s) pour {participants} places de participants, de "
                     "{first} à {last}, pour un coût total de {total}."),
    "summary.empty": ("Aucune cohorte n’est programmée : chaque section évaluée a atteint son "
                      "niveau cible."),
    "summary.none_placed": ("Aucune cohorte n’a pu être programmée pour ces écarts dans le "
                            "cadre du plan."),
    "summary.unfit": ("{count} besoin(s) n’ont pu être placés dans une cohorte ; ils sont "
                      "listés avec leur motif dans le chapitre du calendrier (coût estimé "
                      "des participants : {amount})."),
    "summary.allfit": "Chaque besoin a trouvé une cohorte dans l’horizon de planification.",
    "summary.domains": "Formation par domaine", "kf.item": "Indicateur clé",
    "kf.value": "Valeur", "kf.orgs": "Organisations évaluées",
    "kf.gaps": "Écarts par rapport à la cible", "kf.modules": "Modules",
    "kf.cohorts": "Cohortes", "kf.places": "Places de participants", "kf.period": "Période",
    "kf.total": "Coût total", "kf.unfit": "Besoins non placés",
    "method.p1": ("L’évaluation suit l’outil d’évaluation rapide des compétences de GovStack : "
                  "une discussion de groupe avec les praticiens des TIC de chaque ministère "
                  "ou agence, animée par un modérateur assisté d’un preneur de notes, après "
                  "le consentement des participants. Le modérateur lit l’introduction puis "
                  "parcourt {n} sections ; pour chacune, les participants évaluent d’abord "
                  "individuellement leur organisation au regard de repères écrits, en "
                  "discutent, puis s’accordent sur un niveau de consensus et ses raisons."),
    "method.p2": ("Les niveaux prennent la température d’une organisation ; ils ne servent "
                  "pas à classer les ministères. Une section dont personne n’a pu parler est "
                  "notée « non évaluée » et n’est jamais planifiée. Seules les sessions "
                  "validées comptent, et pour chaque organisation la plus récente."),
    "method.p3": ("Chaque écart entre le niveau d’une section et sa cible appelle les modules "
                  "du catalogue qui servent cette section à cette étape (du niveau de base au "
                  "niveau modéré, du modéré à l’élevé, puis maintien du niveau élevé). Les "
                  "organisations qui ont besoin du même module sont regroupées en cohortes "
                  "par langue, programmées dans l’horizon en respectant les prérequis et la "
                  "capacité, et chiffrées selon les tarifs du catalogue."),
    "method.instrument": "Instrument : {title}.",
    "col.level": "Niveau", "col.meaning": "Signification",
    "scale.basic": "Les pratiques sont absentes, ponctuelles ou dépendent de personnes.",
    "scale.moderate": "Les pratiques existent et sont appliquées en partie, pas encore de "
                      "façon constante.",
    "scale.high": "Les pratiques sont établies, constantes, mesurées et améliorées.",
    "col.number": "N°", "col.section": "Section", "col.domain": "Domaine de formation",
    "findings.heatmap": ("Chaque case indique le niveau de consensus d’une organisation sur "
                         "une section ; les cases hachurées n’ont pas été évaluées."),
    "col.organisation": "Organisation", "col.basic": "De base", "col.moderate": "Modéré",
    "col.high": "Élevé", "col.na": "Non évalué", "col.gaps": "Écarts",
    "col.reason": "Motif",
    "priorities.p": ("Les besoins sont classés selon la taille de l’écart, le poids "
                     "stratégique de la section et la confiance dans la notation ; un "
                     "prérequis prend le rang du module qui l’exige. Sections stratégiques : "
                     "{sections}."),
    "priorities.none": "aucune",
    "col.rank": "Rang", "col.module": "Module", "col.title": "Intitulé", "col.step": "Étape",
    "col.orgs": "Organisations", "col.score": "Score de priorité", "col.origin": "Origine",
    "mod.summary": "Résumé", "mod.objectives": "Objectifs d’apprentissage",
    "mod.audience": "Public", "mod.days": "Durée", "mod.delivery": "Modalité",
    "mod.step": "Étape de niveau", "mod.prerequisites": "Prérequis",
    "mod.competences": "Compétences e-CF", "mod.cohort": "Taille des cohortes",
    "mod.followup": "Suivi et assistance technique", "mod.sections": "Sections servies",
    "mod.days_value": "{days} jour(s)", "mod.cohort_value": "de {min} à {max} participants",
    "mod.none": "aucun",
    "schedule.p": ("Les cohortes se déroulent de {first} à {last} ; au plus {parallel} "
                   "cohorte(s) ont lieu le même mois. Mois sans formation : {blackout}."),
    "col.month": "Mois", "col.cohorts": "Cohortes", "col.participants": "Participants",
    "col.cohort": "Cohorte", "col.language": "Langue", "col.cost": "Coût",
    "col.amount": "Montant", "col.share": "Part", "col.days": "Jours",
    "cohort.with_others": "{org} avec {n} autre(s) organisation(s)",
    "col.your_participants": "Ses participants", "col.cohort_size": "Taille de la cohorte",
    "col.your_share": "Sa part du coût", "col.cohort_cost": "Coût de la cohorte",
    "gantt.title": "Cohortes par mois", "gantt.month_axis": "Mois",
    "gantt.note": ("Une ligne par module ; une case marque un mois où une cohorte du module "
                   "a lieu et indique son nombre de participants. Les couleurs indiquent le "
                   "domaine de formation."),
    "kirk.when": "Quand chaque niveau est mesuré, par module :",
    "unfit.none": "Aucun : chaque besoin a trouvé une cohorte.",
    "empty.cohorts": "Aucune cohorte n’est programmée dans ce plan.",
    "empty.needs": ("Aucun besoin de formation n’a été relevé : chaque section évaluée a "
                    "atteint sa cible."),
    "unfit.estimate": "Coût estimé des participants pour les besoins non placés : {amount}.",
    "budget.p": ("Les montants sont exprimés en {currency}. Une cohorte coûte participants × "
                 "jours × tarif journalier, plus un coût fixe par cohorte ; chaque "
                 "organisation paie ses propres journées-participants et une part du coût "
                 "fixe proportionnelle à ses participants. Chaque ventilation a pour somme "
                 "le total, {total}."),
    "monitoring.p": ("Chaque écart a un indicateur : le niveau de consensus de la section "
                     "lors de la réévaluation, {after} mois après le dernier module qui la "
                     "sert, doit atteindre la cible. Chaque module est évalué selon les "
                     "quatre niveaux de Kirkpatrick."),
    "col.indicator": "Indicateur : niveau à la réévaluation sur", "col.baseline": "Niveau initial", "col.target": "Cible",
    "col.modules": "Modules", "col.reassess": "Réévaluation", "col.status": "Statut",
    "col.method": "Méthode", "col.when": "Quand",
    "kirk.reaction": "Réaction", "kirk.learning": "Apprentissage",
    "kirk.behaviour": "Comportement", "kirk.results": "Résultats",
    "kirkm.reaction": ("Questionnaire de fin de formation auprès de chaque participant : "
                       "pertinence pour son travail, qualité de l’animation, intention "
                       "d’appliquer."),
    "kirkm.learning": ("Test au début et à la fin de chaque cohorte, un item par objectif "
                       "d’apprentissage ; rendre compte du gain moyen."),
    "kirkm.behaviour": ("Suivi auprès des participants et de leurs supérieurs 3 à 6 mois "
                        "après la formation : les productions visées par les objectifs "
                        "sont-elles utilisées au travail ?"),
    "kirkm.results": ("Réévaluation des sections servies par le module avec le même "
                      "instrument, comparée au niveau initial."),
    "when.none": "après la dernière cohorte",
    "ind.on-plan": "Conforme au plan", "ind.partly-unfit": "Placé en partie",
    "ind.unfit": "Non placé", "ind.dropped": "Retiré",
    "col.measure": "Mesure de renforcement", "col.responsibility": "Responsabilité",
    "col.timeline": "Calendrier", "col.funding": "Financement total",
    "col.source": "Source de financement", "col.ta": "Assistance technique",
    "action.measure": ("{title} ({code}) : {cohorts} cohorte(s) de {days} jour(s), "
                       "{delivery}, {people} participants de {orgs} organisation(s)"),
    "action.source_unset": "À convenir avec les bailleurs",
    "action.responsibility_default": ("Coordinateur de la mission, avec les responsables des "
                                      "organisations participantes"),
    "annex.p": ("Pour chaque organisation : son niveau sur chaque section au regard de la "
                "cible, puis chaque module qu’elle suit avec les notations et les notes qui "
                "le justifient."),
    "col.need": "Besoin de formation", "col.evidence": "Justification",
    "evidence.rated": "Niveau {level} sur {section}",
    "evidence.notes": "Notes : « {notes} »",
    "evidence.confidence": "(confiance {confidence})",
    "confidence.high": "élevée", "confidence.medium": "moyenne", "confidence.low": "faible",
    "evidence.evidence": "Éléments cités : « {text} »",
    "evidence.dissent": "Désaccord : « {text} »",
    "evidence.quote": "{who} : « {text} »",
    "evidence.quote_unattributed": "Un participant : « {text} »",
    "evidence.prerequisite": "Prérequis de {modules}.",
    "evidence.added": "Ajouté par le coordinateur.",
    "status.gap": "Écart", "status.at-target": "Cible atteinte", "status.unknown": "Non évalué",
    "status.scheduled": "Programmé en {month}", "status.unfit": "Non placé",
    "status.dropped": "Retiré",
    "step.basic-moderate": "De base → Modéré", "step.moderate-high": "Modéré → Élevé",
    "step.sustain-high": "Maintien du niveau Élevé",
    "delivery.in-person": "en présentiel", "delivery.blended": "mixte",
    "delivery.online": "en ligne",
    "origin.gap": "Écart", "origin.prerequisite": "Prérequis", "origin.added": "Ajouté",
    "origin.follow-on": "Suite",
    "rounds.follow_on": ("A eu {codes} dans le plan approuvé de {plan} ; toujours "
                         "{level} sur {section} → {kind} au lieu de refaire le cours."),
    "rounds.delivered": ("A suivi {codes} dans {plan} ; toujours {level} sur "
                         "{section} → {kind} au lieu de refaire le cours."),
    "rounds.regressions": "Recul depuis le cycle précédent : {items}.",
    "rounds.regression_item": "{org}, {section} ({then} → {now})",
    "kind.coaching": "un accompagnement (coaching)",
    "kind.on-the-job": "un projet en situation de travail",
    "kind.training-of-trainers": "une formation de formateurs",
    "kind.e-learning": "une formation en ligne",
    "h.alternatives": "Autres moyens de combler ces écarts",
    "alt.p": ("Chaque besoin ci-dessus peut encore être satisfait autrement : rejoindre la "
              "cohorte d’un autre engagement pour le même cours dans la même langue lorsqu’elle "
              "a des places libres, une session interne, un accompagnement ou une formation en "
              "ligne. Les coûts portent sur les participants de cette organisation ; rejoindre "
              "une cohorte ne coûte que leurs journées-participants."),
    "alt.join": "Rejoindre la cohorte de {plan} ({country})",
    "alt.places": "{n} libres", "alt.places_short": "{n} libres — moins que nécessaire",
    "alt.in_house": "Une session interne de {code} pour cette seule organisation",
    "alt.coaching": "Accompagnement : {code} {title}",
    "alt.e-learning": "Formation en ligne : {code} {title}",
    "col.alternative": "Autre solution", "col.places": "Places",
    "mod.kind": "Type", "kindname.coaching": "Accompagnement (coaching)",
    "kindname.on-the-job": "Projet en situation de travail",
    "kindname.training-of-trainers": "Formation de formateurs",
    "kindname.e-learning": "Formation en ligne",
    "mod.kind_note": ("Ce n’est pas un cours : proposé au lieu de refaire un cours lorsque l’écart "
                      "d’une organisation persiste après celui-ci, ou lorsqu’aucune cohorte ne peut "
                      "accueillir un cours. Une seule organisation peut le suivre."),
    "lang.en": "anglais", "lang.fr": "français", "lang.ar": "arabe", "lang.so": "somali",
    "lang.am": "amharique", "lang.sw": "swahili",
    "unfit.no-module": "Le catalogue n’a pas de module pour cette étape.",
    "unfit.below-minimum": "Trop peu de participants pour la cohorte minimale du module.",
    "unfit.over-maximum": "Plus de participants que la plus grande cohorte du module.",
    "unfit.prerequisite-unfit": "Un prérequis n’a pas pu être placé.",
    "unfit.capacity": "Aucun mois disponible dans l’horizon.",
    "unfit.horizon": "Les prérequis le repoussent au-delà de l’horizon de planification.",
    "domain.design-systems-thinking": "Design et pensée systémique",
    "domain.agile": "Méthodes agiles", "domain.project-management": "Gestion de projet",
    "domain.change-management": "Conduite du changement",
    "domain.digital-policy": "Politiques pour l’administration numérique",
    "domain.service-management": "Gestion des services et analyse métier",
    "domain.enterprise-architecture": "Architecture d’entreprise",
    "sheet.needs": "Besoins", "sheet.cohorts": "Cohortes", "sheet.schedule": "Calendrier",
    "sheet.budget": "Budget", "sheet.orgs": "Par organisation",
}
