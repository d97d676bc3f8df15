"""Deterministic synthetic data for first start, training and screenshots (`govcap demo`).

The data is built in two steps: `plan.build_plan()` turns the fixed specifications in the
data modules (`countries`, `people`, `text_en`, `text_fr`, `quotes`) into plain dataclasses,
using seeded random generators only; `loader` writes that plan to the database in one
transaction and removes it again. A later round (Kenya's follow-up) is written after the
training delivered since the round before: its levels move up more often where an
organisation completed a course in a section's domain, as the results' level 4 counts it.
Every demo row is marked (`is_demo`, usernames starting with "demo-") so that real data is
never touched.
"""
