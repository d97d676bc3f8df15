"""Pure analysis over plain data: aggregates (`aggregate`) and rater agreement (`agreement`)."""
