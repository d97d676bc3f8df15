"""`govcap serve` without --production: run background jobs in the same process, so a
laptop needs no second command (GOVCAP_LAPTOP_WORKER=0 turns it off)."""

from __future__ import annotations

import os

from govcap.jobs.worker import start_in_thread


def start_background_worker(stdout) -> None:
    if os.environ.get("GOVCAP_LAPTOP_WORKER", "1").strip().lower() in {"0", "false", "no", "off"}:
        return
    if start_in_thread() is not None:
        stdout.write("Background jobs run in this process (plan packs, large exports).")
