"""The XLSForm's own words: the questions around the instrument, in each language.

The instrument's texts (section titles, benchmarks, supporting questions, level names)
come from the instrument and its translations. These are the form's other labels, in every
language the instrument is translated to (tests/interchange/test_xlsform.py checks that no
English is left in a translated column). A language missing here falls back to English,
string by string, so that every language column of the form is at least complete.
"""

from __future__ import annotations

from collections.abc import Mapping

from django.conf.locale import LANG_INFO

TEXTS: Mapping[str, Mapping[str, str]] = {
    "en": {
        "consent": "Did every participant give informed consent to take part in this discussion?",
        "consent.hint": "Read the consent statement first. Without everyone's consent, stop: "
                        "nothing else is recorded.",
        "recording": "Did every participant agree to the discussion being audio-recorded?",
        "yes": "Yes",
        "no": "No",
        "session": "Session",
        "country": "Country",
        "organisation": "Ministry or agency",
        "organisation.hint": "Its name or short code as known to govcap, e.g. Ministry of ICT "
                             "or MoICT.",
        "date": "Date of the discussion",
        "place": "Place",
        "facilitator": "Facilitator",
        "facilitator.hint": "Your govcap user name, or your full name.",
        "participants": "Number of participants",
        "participants.constraint": "Between 1 and 100.",
        "level": "Agreed level",
        "level.hint": "The level the group agreed, against the benchmarks above.",
        "not_assessed": "Not assessed",
        "na_reason": "Why was this section not assessed?",
        "confidence": "Confidence in this level",
        "low": "Low",
        "medium": "Medium",
        "high": "High",
        "notes": "Notes",
        "evidence": "Evidence and examples given",
        "dissent": "Points of disagreement",
        "quotes": "Key quotes, one per line",
        "quotes.hint": "Participants' own words; no names.",
        "quote_codes": "Participant code of each quote, in the same order",
        "quote_codes.hint": "For example: P2 P5 P2. Use - for a quote whose speaker is not "
                            "known. Leave empty if no quote is attributed.",
        "quote_codes.constraint": "Participant codes (P1, P2…) or -, separated by spaces.",
    },
    "fr": {
        "consent": "Chaque participant a-t-il donné son consentement éclairé pour prendre part "
                   "à cette discussion\u202f?",
        "consent.hint": "Lisez d’abord la déclaration de consentement. Sans le consentement de "
                        "tous, arrêtez\u202f: rien d’autre n’est enregistré.",
        "recording": "Chaque participant a-t-il accepté l’enregistrement audio de la "
                     "discussion\u202f?",
        "yes": "Oui",
        "no": "Non",
        "session": "Séance",
        "country": "Pays",
        "organisation": "Ministère ou agence",
        "organisation.hint": "Son nom ou son sigle tel que govcap le connaît, par exemple "
                             "Ministère des TIC ou MTIC.",
        "date": "Date de la discussion",
        "place": "Lieu",
        "facilitator": "Animateur ou animatrice",
        "facilitator.hint": "Votre identifiant govcap, ou votre nom complet.",
        "participants": "Nombre de participants",
        "participants.constraint": "Entre 1 et 100.",
        "level": "Niveau convenu",
        "level.hint": "Le niveau sur lequel le groupe s’est accordé, au regard des repères "
                      "ci-dessus.",
        "not_assessed": "Non évalué",
        "na_reason": "Pourquoi cette section n’a-t-elle pas été évaluée\u202f?",
        "confidence": "Degré de confiance dans ce niveau",
        "low": "Faible",
        "medium": "Moyen",
        "high": "Élevé",
        "notes": "Notes",
        "evidence": "Preuves et exemples donnés",
        "dissent": "Points de désaccord",
        "quotes": "Citations clés, une par ligne",
        "quotes.hint": "Les mots mêmes des participants, sans nom.",
        "quote_codes": "Code du participant de chaque citation, dans le même ordre",
        "quote_codes.hint": "Par exemple\u00a0: P2 P5 P2. Mettez - pour une citation dont "
                            "l’auteur n’est pas connu. Laissez vide si aucune citation n’est "
                            "attribuée.",
        "quote_codes.constraint": "Codes de participants (P1, P2…) ou -, séparés par des "
                                  "espaces.",
    },
    # Modern Standard Arabic; the words the interface already uses (نعم/لا, the confidence
    # words, "لم يُقيَّم", "الميسّر", "الجلسة"…) are the catalogue's, so form and pages agree.
    "ar": {
        "consent": "هل أعطى كل مشارك موافقته المستنيرة على المشاركة في هذه المناقشة؟",
        "consent.hint": "اقرأ بيان الموافقة أولًا. إن لم يوافق الجميع فتوقّف: لا يُسجَّل أي شيء "
                        "آخر.",
        "recording": "هل وافق كل مشارك على التسجيل الصوتي للمناقشة؟",
        "yes": "نعم",
        "no": "لا",
        "session": "الجلسة",
        "country": "البلد",
        "organisation": "الوزارة أو الهيئة",
        "organisation.hint": "اسمها أو رمزها المختصر كما يعرفه govcap، مثل وزارة تكنولوجيا "
                             "المعلومات والاتصالات أو MoICT.",
        "date": "تاريخ المناقشة",
        "place": "المكان",
        "facilitator": "الميسّر",
        "facilitator.hint": "اسم المستخدم الخاص بك في govcap، أو اسمك الكامل.",
        "participants": "عدد المشاركين",
        "participants.constraint": "بين 1 و100.",
        "level": "المستوى المتفق عليه",
        "level.hint": "المستوى الذي اتفقت عليه المجموعة، مقارنةً بمعايير القدرات أعلاه.",
        "not_assessed": "لم يُقيَّم",
        "na_reason": "لماذا لم يُقيَّم هذا القسم؟",
        "confidence": "درجة الثقة في هذا المستوى",
        "low": "منخفضة",
        "medium": "متوسطة",
        "high": "مرتفعة",
        "notes": "الملاحظات",
        "evidence": "الأدلة والأمثلة المقدَّمة",
        "dissent": "نقاط الخلاف",
        "quotes": "اقتباسات رئيسية، اقتباس واحد في كل سطر",
        "quotes.hint": "كلمات المشاركين أنفسهم، دون ذكر أسماء.",
        "quote_codes": "رمز المشارك لكل اقتباس، بالترتيب نفسه",
        "quote_codes.hint": "مثال: P2 P5 P2. استخدم - لاقتباس قائله غير معروف. اتركه فارغًا إن "
                            "لم يُنسب أي اقتباس إلى أحد.",
        "quote_codes.constraint": "رموز المشاركين (P1، P2…) أو -، مفصولة بمسافات.",
    },
}

# Names for languages Django does not list.
_EXTRA_LANGUAGE_NAMES = {"so": "Somali", "am": "Amharic", "om": "Oromo", "ti": "Tigrinya"}


def text(key: str, language: str) -> str:
    """A form string in a language, falling back to English."""
    return TEXTS.get(language, {}).get(key) or TEXTS["en"][key]


def language_name(code: str) -> str:
    """The language's English name, as XLSForm column headers use it ("French")."""
    info = LANG_INFO.get(code) or LANG_INFO.get(code.split("-")[0]) or {}
    return info.get("name") or _EXTRA_LANGUAGE_NAMES.get(code.split("-")[0], code)


def language_column(code: str) -> str:
    """The XLSForm language suffix: ``English (en)``, as ODK and KoboToolbox recommend."""
    return f"{language_name(code)} ({code})"
