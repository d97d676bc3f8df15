"""What the facilitators submitted in the export fixtures, written out by hand.

The round-trip tests compare what govcap imports with these, not with anything govcap
computes. Levels are per section 1–8; quotes are (section number, text, participant code).
"""

from __future__ import annotations

import datetime as dt

KOBO = {
    "uuid:3f8a2c1e-5b7d-4e9a-9c2f-1a6b8d4e7f01": {
        "organisation": "Ministry of ICT",
        "date": dt.date(2026, 3, 10),
        "place": "Nairobi",
        "facilitator_user": "facilitator",
        "note_taker": "",
        "participants": 7,
        "recording_allowed": False,
        "levels": ["moderate", "basic", "moderate", "basic", "high", "not_assessed",
                   "moderate", "basic"],
        "confidence": ["medium", "high", "low", "medium", "high", "", "medium", "low"],
        "notes": {
            1: "Teams map their own systems; mapping across ministries has not happened yet.",
            2: "Decisions wait for the Principal Secretary; little room for team initiative.",
            3: "A PMO exists but only tracks donor-funded projects.",
            4: 'Change is "announced, not managed" in the words of one participant.',
            5: "Digital strategy 2022–2027 with an M&E framework, baselines and targets.",
            7: "Process documentation exists for 12 of 40 services.",
            8: "No enterprise architecture function; systems are bought one by one.",
        },
        "evidence": {
            1: "Service map of the eCitizen payment flow, shown on screen.",
            3: "Quarterly PMO report (2025 Q4).",
            5: "Strategy document and the 2025 progress dashboard.",
        },
        "dissent": {
            1: "P4 thought the level was basic.",
            4: "P1 and P6 disagreed: their unit runs change workshops.",
        },
        "not_assessed_reason": {6: "Ran out of time; to be covered in the follow-up visit."},
        "quotes": [
            (1, "We see our own systems, not the whole picture.", "P2"),
            (1, "Nobody owns the links between ministries.", "P5"),
            (3, "The PMO reports to the donors, not to us.", ""),
            (7, "+254 numbers are still typed by hand into three systems.", ""),
        ],
    },
    "uuid:9b1d7e44-2c3a-4f6b-8e5d-0c7a9f3b2d12": {
        "organisation": "ICT Authority",
        "date": dt.date(2026, 3, 11),
        "place": "Konza",
        "facilitator_user": None,
        "note_taker": "Amina Yusuf",
        "participants": 5,
        "recording_allowed": True,
        "levels": ["basic", "moderate", "high", "moderate", "moderate", "basic", "basic",
                   "not_assessed"],
        "confidence": ["low", "medium", "high", "medium", "high", "medium", "low", ""],
        "notes": {
            1: "Systems thinking is known from a 2024 workshop.\nIt is not yet practised in teams.",
            2: "Two teams run sprints; the others follow annual plans.",
            3: "Every project goes through the same stage gates.",
        },
        "evidence": {3: "Stage-gate checklist and the project register."},
        "dissent": {},
        "not_assessed_reason": {8: "The enterprise architect was absent."},
        "quotes": [(3, "We run every project through the same stage gates.", "P1")],
    },
}
KOBO_NO_CONSENT = "uuid:7d2e4b61-0a9c-4f38-b5d1-6e8f2a3c9b40"

ODK = {
    # Edited once in ODK Central: KEY keeps the first instance ID.
    "uuid:5e2f8a90-7c1b-4d3e-a6f4-2b9c0d1e8f73": {
        "organisation": "Ministry of ICT",
        "date": dt.date(2026, 3, 16),
        "place": "Nairobi, Teleposta Towers",
        "facilitator_user": "colleague",
        "note_taker": "",
        "participants": 6,
        "recording_allowed": True,
        "levels": ["high", "moderate", "moderate", "moderate", "basic", "basic", "moderate",
                   "moderate"],
        "confidence": ["high", "medium", "medium", "low", "medium", "low", "high", "medium"],
        "notes": {
            1: "Cross-ministry design sprints run twice a year, with users.",
            2: "Leadership is shared in the digital unit only.",
            5: "No digital strategy of its own; it follows the national one.",
            8: "Uses the national interoperability framework for two services.",
        },
        "evidence": {1: "User research reports from the 2025 sprints."},
        "dissent": {8: "P2: only one service, not two."},
        "not_assessed_reason": {},
        "quotes": [(2, "We decide in the team, then tell the PS.", "P3")],
    },
    "uuid:d4c3b2a1-9f8e-4d7c-b6a5-0123456789ab": {
        "organisation": "ICT Authority",
        "date": dt.date(2026, 3, 17),
        "place": "Konza",
        "facilitator_user": None,
        "note_taker": "Otieno Kamau",
        "participants": 8,
        "recording_allowed": False,
        "levels": ["basic", "basic", "high", "not_assessed", "moderate", "moderate", "high",
                   "basic"],
        "confidence": ["medium", "low", "high", "", "medium", "medium", "medium", "low"],
        "notes": {3: "Stage gates for every project."},
        "evidence": {},
        "dissent": {},
        "not_assessed_reason": {4: "The change lead had left the ministry."},
        "quotes": [(3, "Every project has a sponsor.", "P7"),
                   (3, "We close projects formally.", "")],
    },
}
ODK_REJECTED = "uuid:a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d"
