"""`manage.py export_person --id-number X | --phone Y [--format json|xlsx] [--output FILE]`.

Everything held about one person, for a lawful request; audited as ``people.exported``.
"""

from django.core.management.base import BaseCommand, CommandError

from minsheng.people.subject_export import as_json, as_xlsx, find_subject, subject_export


class Command(BaseCommand):
    help = "导出某人的全部个人信息及相关记录（依法查阅、复制请求）；每次导出记入审计日志。"

    def add_arguments(self, parser):
        key = parser.add_mutually_exclusive_group(required=True)
        key.add_argument("--id-number", default="", help="身份证号")
        key.add_argument("--phone", default="", help="手机号")
        parser.add_argument("--format", choices=("json", "xlsx"), default="json")
        parser.add_argument("--output", default="", help="写入文件（xlsx 必填）；默认打印到标准输出")
        parser.add_argument("--reason", default="依法查阅、复制个人信息请求", help="导出理由，记入审计日志")

    def handle(self, *args, id_number: str, phone: str, format: str, output: str, reason: str, **options):
        if format == "xlsx" and not output:
            raise CommandError("--format xlsx 需要 --output 文件名")
        subject = find_subject(id_number=id_number, phone=phone)
        if not subject.found:
            raise CommandError("没有找到与此身份证号或手机号对应的记录。")
        export = subject_export(
            subject=subject, actor=None, reason=reason, actor_label="manage.py export_person"
        )
        if format == "xlsx":
            with open(output, "wb") as f:
                f.write(as_xlsx(export))
            self.stderr.write(f"已写入 {output}")
            return
        text = as_json(export)
        if output:
            with open(output, "w", encoding="utf-8") as f:
                f.write(text)
            self.stderr.write(f"已写入 {output}")
        else:
            self.stdout.write(text)
