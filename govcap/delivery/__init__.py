"""Delivery: an approved plan's cohorts as courses actually given — providers, nominations,
attendance and completion. Evaluation and results reporting hang off deliveries and
their trainees (issue 17)."""
