from django.core.management.base import BaseCommand, CommandError

from minsheng.audit.chain import verify


class Command(BaseCommand):
    help = "Recompute the audit hash chain and report the first tampered event."

    def handle(self, *args, **options):
        verdict = verify()
        if not verdict.ok:
            raise CommandError(
                f"audit chain broken at event #{verdict.first_bad_id} ({verdict.reason}); "
                f"{verdict.checked} events before it are intact"
            )
        self.stdout.write(f"audit chain intact: {verdict.checked} events verified")
