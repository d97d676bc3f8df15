import getpass
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from govcap.accounts import scoping
from govcap.assessments import privacy
from govcap.assessments.models import Session
from govcap.orgs.models import Engagement


def operator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class Command(BaseCommand):
    help = ("Participant privacy: export-identified ENGAGEMENT --out FILE.csv; "
            "erase-participant SESSION_UUID CODE; purge [--dry-run | --yes].")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        export = sub.add_parser("export-identified",
                                help="names and contacts with codes, to a CSV file (audited)")
        export.add_argument("engagement", help="the engagement's slug")
        export.add_argument("--out", required=True, type=Path)
        export.add_argument("--user", help="the administrator responsible (recorded)")
        erase = sub.add_parser("erase-participant",
                               help="remove a participant's identifying data and quotes")
        erase.add_argument("session", help="the session's UUID")
        erase.add_argument("code", help="the participant's code, e.g. P3")
        purge = sub.add_parser("purge", help="remove identified data of engagements closed "
                                             "more than GOVCAP_RETENTION_MONTHS ago")
        purge.add_argument("--dry-run", action="store_true", help="list only (the default)")
        purge.add_argument("--yes", action="store_true", help="really remove")

    def handle(self, *args, **options):
        getattr(self, options["action"].replace("-", "_"))(options)

    def export_identified(self, options):
        engagement = Engagement.objects.filter(slug=options["engagement"]).first()
        if engagement is None:
            raise CommandError(f"No engagement “{options['engagement']}” (see `govcap engagements`).")
        actor = None
        if options["user"]:
            from django.contrib.auth import get_user_model

            actor = get_user_model().objects.filter(username=options["user"]).first()
            if actor is None or not scoping.is_admin(actor):
                raise CommandError(f"“{options['user']}” is not an administrator.")
        n = privacy.export_identified(engagement, options["out"], actor=actor, operator=operator())
        self.stdout.write(f"{n} identified participant(s) written to {options['out']}. "
                          "This export is recorded in the audit trail; keep the file safe "
                          "and delete it when done.")

    def erase_participant(self, options):
        session = Session.objects.filter(uuid=_uuid(options["session"])).first()
        if session is None:
            raise CommandError(f"No session {options['session']}.")
        try:
            result = privacy.erase_participant(session, options["code"], operator=operator())
        except privacy.PrivacyError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"{result.code}: identity {'removed' if result.identity_removed else 'was empty'}, "
            f"{result.quotes_removed} quote(s) removed, {result.events_redacted} audit "
            "event(s) redacted; the session's ratings are kept.")

    def purge(self, options):
        if options["yes"] and options["dry_run"]:
            raise CommandError("Choose --dry-run or --yes, not both.")
        plan = privacy.purge_plan()
        if plan.cutoff is None:
            self.stdout.write("GOVCAP_RETENTION_MONTHS is 0: identified data are kept.")
            return
        for item in plan.items:
            self.stdout.write(f"{item.engagement.slug}: closed {item.closed_on}, "
                              f"{item.identities} identified participant(s)")
        if not options["yes"]:
            self.stdout.write(f"Dry run: {plan.identities} identified participant(s) of "
                              f"engagements closed on or before {plan.cutoff} would be removed. "
                              "Run with --yes to remove them.")
            return
        removed = privacy.purge(plan, operator=operator())
        self.stdout.write(f"{removed} identified participant(s) removed.")


def _uuid(text: str):
    import uuid

    try:
        return uuid.UUID(text)
    except ValueError:
        raise CommandError(f"“{text}” is not a session UUID.") from None
