from django.core.management.base import BaseCommand

from minsheng.core.calendar_store import seed_from_package


class Command(BaseCommand):
    help = "Load the years of the chinese-calendar package that the database does not have yet."

    def handle(self, *args, **options):
        years = seed_from_package()
        if years:
            self.stdout.write(
                f"loaded {len(years)} year(s) from chinese-calendar: {', '.join(map(str, years))}"
            )
        else:
            self.stdout.write("nothing to load: every year of chinese-calendar is already in the database")
