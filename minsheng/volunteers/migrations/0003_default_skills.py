from django.db import migrations


def load(apps, schema_editor):
    from minsheng.volunteers.skills import SKILLS

    Skill = apps.get_model("volunteers", "Skill")
    for code, name, kind in SKILLS:
        Skill.objects.get_or_create(code=code, defaults={"name": name, "kind": kind})


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0002_volunteer_name_index")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
