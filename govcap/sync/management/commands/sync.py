"""`govcap sync push --to URL`, `govcap sync pull [--from URL]`, `govcap sync conflicts`,
`govcap sync status`: field work offline, then exchange only what changed."""

from __future__ import annotations

import json
import os
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from govcap.sync import client
from govcap.sync.apply import resolve
from govcap.sync.models import SyncConflict, SyncPeer


class Command(BaseCommand):
    help = "Push local changes to a central govcap, pull its changes, list conflicts."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True,
                                    metavar="{push,pull,conflicts,status}")
        for name, flag in (("push", "--to"), ("pull", "--from")):
            p = sub.add_parser(name, help=f"{name} changes since the last sync")
            p.add_argument(flag, dest="url", help="the peer, e.g. https://central.example.org "
                           "(default: the only peer already used)")
            p.add_argument("--token", help="API token on the peer (default: GOVCAP_SYNC_TOKEN)")
            p.add_argument("--timeout", type=float, default=client.TIMEOUT)
            if name == "push":
                p.add_argument("--full", action="store_true",
                               help="send every session whole, from the start")
        c = sub.add_parser("conflicts", help="records changed on both sides")
        c.add_argument("--all", action="store_true", help="include resolved ones")
        c.add_argument("--json", action="store_true")
        c.add_argument("--resolve", type=int, metavar="ID", help="settle a conflict")
        c.add_argument("--take", choices=("here", "there"), default="here",
                       help="(with --resolve) the version that wins: this side's (default) "
                       "or the other side's")
        sub.add_parser("status", help="peers and cursors")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action in ("push", "pull"):
            self._sync(action, options)
        elif action == "conflicts":
            self._conflicts(options)
        else:
            for peer in SyncPeer.objects.order_by("url"):
                self.stdout.write(f"{peer.url}  pushed up to {peer.pushed_cursor} "
                                  f"({peer.last_push_at or 'never'}), pulled up to "
                                  f"{peer.pulled_cursor} ({peer.last_pull_at or 'never'})")

    def _sync(self, action: str, options: dict[str, Any]) -> None:
        url = options["url"]
        if not url:
            peers = list(SyncPeer.objects.values_list("url", flat=True))
            if len(peers) != 1:
                raise CommandError(f"Name the peer with {'--to' if action == 'push' else '--from'}"
                                   " URL.")
            url = peers[0]
        token = options["token"] or os.environ.get("GOVCAP_SYNC_TOKEN", "")
        if not token:
            raise CommandError("An API token of the peer is needed: --token or "
                               "GOVCAP_SYNC_TOKEN.")
        try:
            if action == "push":
                answer = client.push(url, token, timeout=options["timeout"],
                                     full=options["full"])
            else:
                answer = client.pull(url, token, timeout=options["timeout"])
        except client.SyncClientError as exc:
            raise CommandError(str(exc)) from None
        counts = ", ".join(f"{k} {v}" for k, v in sorted(answer.get("counts", {}).items()))
        moved = answer.get("sent", answer.get("received", 0))
        sent = f" ({answer['records']} records sent)" if "records" in answer else ""
        self.stdout.write(f"{action}: {moved} session(s){sent}; records: {counts or 'none'}")
        for line in answer.get("refused", []):
            self.stdout.write(f"  refused: {line}")
        if answer.get("counts", {}).get("conflict"):
            side = "the peer" if action == "push" else "here"
            self.stdout.write(f"  conflicts kept on {side}: `govcap sync conflicts` lists them")

    def _conflicts(self, options: dict[str, Any]) -> None:
        if options["resolve"]:
            conflict = SyncConflict.objects.filter(pk=options["resolve"], resolved=False).first()
            if conflict is None:
                raise CommandError(f"No open conflict {options['resolve']}.")
            resolve(conflict, options["take"])
            self.stdout.write(f"Conflict {conflict.pk} resolved: the version {options['take']} "
                              "stands.")
            return
        qs = SyncConflict.objects.all() if options["all"] else SyncConflict.objects.filter(
            resolved=False)
        rows: list[dict[str, Any]] = [{"id": c.pk, "object_type": c.object_type, "object_uuid": str(c.object_uuid),
                 "session": str(c.session_uuid) if c.session_uuid else None, "peer": c.peer,
                 "at": c.created_at.isoformat(), "resolved": c.resolved,
                 "local": c.local, "remote": c.remote} for c in qs]
        if options["json"]:
            self.stdout.write(json.dumps(rows, indent=1, ensure_ascii=False, default=str))
            return
        if not rows:
            self.stdout.write("No conflicts.")
        for r in rows:
            self.stdout.write(f"#{r['id']} {r['object_type']} {r['object_uuid']} "
                              f"(session {r['session']}, from {r['peer']}, {r['at']})")
            self.stdout.write(f"  here:  {_short(r['local'])}")
            self.stdout.write(f"  there: {_short(r['remote'])}")


def _short(payload: dict[str, Any] | None) -> str:
    if payload is None:
        return "(deleted)"
    keep = ("level", "notes", "text", "code", "place", "status")
    return json.dumps({k: payload[k] for k in keep if payload.get(k) not in (None, "")},
                      ensure_ascii=False)[:300]
