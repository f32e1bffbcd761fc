from django.db import migrations


def seed(apps, schema_editor):
    """Load the holidays and make-up working days the chinese-calendar package ships (2004–2026 today)."""
    from minsheng.core.calendar import from_chinese_calendar_package

    CalendarDay = apps.get_model("core", "CalendarDay")
    CalendarYear = apps.get_model("core", "CalendarYear")
    package = from_chinese_calendar_package()
    CalendarDay.objects.bulk_create(
        [CalendarDay(day=d, kind="holiday") for d in sorted(package.holidays)]
        + [CalendarDay(day=d, kind="workday") for d in sorted(package.makeup_workdays)],
        ignore_conflicts=True,
    )
    CalendarYear.objects.bulk_create(
        [CalendarYear(year=y, source="chinese-calendar") for y in sorted(package.years)], ignore_conflicts=True
    )


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
