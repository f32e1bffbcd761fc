from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("orgs", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="region",
            name="population",
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name="常住人口"),
        ),
        migrations.AlterField(
            model_name="membership",
            name="role",
            field=models.CharField(
                choices=[
                    ("clerk", "登记员"),
                    ("handler", "承办人"),
                    ("head", "单位负责人"),
                    ("leader", "领导"),
                    ("admin", "管理员"),
                    ("registrar", "登记管理员"),
                ],
                max_length=20,
                verbose_name="角色",
            ),
        ),
        migrations.AlterField(
            model_name="unit",
            name="kind",
            field=models.CharField(
                choices=[
                    ("bureau", "信访部门"),
                    ("department", "职能部门"),
                    ("street", "街道办事处/乡镇政府"),
                    ("government", "人民政府"),
                    ("politics_law", "政法部门"),
                    ("discipline", "纪检监察机关"),
                    ("social_work", "社会工作部门"),
                ],
                max_length=20,
                verbose_name="类型",
            ),
        ),
    ]
