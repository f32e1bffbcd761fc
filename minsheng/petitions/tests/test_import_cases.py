import csv
import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from minsheng.audit.models import AuditEvent
from minsheng.demo.load import existing_world
from minsheng.people import crypto
from minsheng.people.models import Person
from minsheng.petitions.models import Petition
from minsheng.petitions.services import query_code_of
from minsheng.petitions.workflow import S

pytestmark = pytest.mark.django_db

SAMPLE = Path(__file__).resolve().parents[2] / "demo" / "historical_cases.csv"


@pytest.fixture
def demo(settings, tmp_path):
    settings.DATA_DIR = tmp_path
    return existing_world()


def run(path, *args) -> tuple[str, int]:
    out = io.StringIO()
    try:
        call_command("import_cases", str(path), "--quiet-progress", *args, stdout=out)
        code = 0
    except SystemExit as e:
        code = e.code
    return out.getvalue(), code


def test_it_checks_the_sample_file_on_a_dry_run_and_writes_nothing(demo):
    text, code = run(SAMPLE)
    assert code == 0 and "读取28行，正确28行，错误0个，写入0行" in text
    assert Petition.objects.count() == 0 and Person.objects.count() == 0


def test_it_imports_the_sample_once_however_often_it_is_run(demo):
    text, _ = run(SAMPLE, "--commit")
    assert "写入28行" in text
    case = Petition.objects.get(number="LS2016-00001")
    assert (
        case.status == S.CLOSED and case.closed_at > case.received_at and case.unit.short_name == "区住建局"
    )
    assert crypto.decrypt(case.petitioner.name_enc) == "何军春" and case.petitioner.name_masked == "何*春"
    assert re.fullmatch(r"[2-9A-HJKMNP-Z]{8}", query_code_of(case))  # the petitioner can track it
    assert AuditEvent.objects.filter(action="petitions.petition.imported").count() == 1
    text, _ = run(SAMPLE, "--commit")
    assert "写入0行" in text and Petition.objects.count() == 28


def write(path, rows):
    with open(SAMPLE, encoding="utf-8-sig") as f:
        reader = csv.reader(f)
        header, first = next(reader), next(reader)
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        for i, change in enumerate(rows):
            row = dict(zip(header, first, strict=True)) | {"信访件编号": f"T-{i}"} | change
            w.writerow([row[h] for h in header])


def test_it_reports_every_bad_row_by_number_and_column_and_imports_nothing(demo, tmp_path):
    path = tmp_path / "bad.csv"
    write(path, [{}, {"标题": ""}, {"收到日期": "2019年3月"}, {"责任单位": "不存在的局"},
                 {"身份证号": "990102195606050000"}, {"状态": "已办结", "办结日期": ""}, {}])  # fmt: skip
    errors = tmp_path / "errors.csv"
    text, code = run(path, "--commit", "--errors", str(errors))
    assert code == 1
    assert "第3行 标题：必填。" in text
    assert "第4行 收到日期：日期格式应为 YYYY-MM-DD。" in text
    assert "第5行 责任单位：未知的单位。" in text
    assert "第6行 身份证号" in text
    assert "第7行 办结日期" in text
    assert "因有错误未写入任何数据" in text and Petition.objects.count() == 0
    assert errors.read_text(encoding="utf-8-sig").count("\n") == 6  # header + 5 errors
    text, code = run(path, "--commit", "--partial")
    assert Petition.objects.count() == 2 and set(Petition.objects.values_list("number", flat=True)) == {
        "T-0",
        "T-6",
    }


def test_it_reads_excel_files_too(demo, tmp_path):
    from openpyxl import Workbook

    with open(SAMPLE, encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))[:4]
    book = Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / "cases.xlsx"
    book.save(path)
    text, _ = run(path, "--commit")
    assert "写入3行" in text and Petition.objects.count() == 3


def test_it_links_the_same_person_across_rows_by_id_number(demo, tmp_path):
    path = tmp_path / "same.csv"
    write(path, [{}, {}, {"身份证号": "", "电话": ""}])
    run(path, "--commit")
    first, second, third = (Petition.objects.get(number=f"T-{i}") for i in range(3))
    assert first.petitioner_id == second.petitioner_id  # the same ID number: one person
    assert third.petitioner_id not in (None, first.petitioner_id)  # a name alone links nobody
    assert Person.objects.count() == 2


def test_it_imports_with_indexes_rebuilt_and_leaves_every_index_and_key_in_place(demo):
    from django.db import connection

    def schema():
        if connection.vendor != "postgresql":
            return None
        with connection.cursor() as c:
            c.execute("SELECT count(*) FROM pg_indexes WHERE tablename = 'petitions_petition'")
            indexes = c.fetchone()[0]
            c.execute("SELECT count(*) FROM pg_constraint WHERE conrelid = 'petitions_petition'::regclass")
            return indexes, c.fetchone()[0]

    before = schema()
    text, _ = run(SAMPLE, "--commit", "--rebuild-indexes")
    assert "写入28行" in text and Petition.objects.count() == 28
    assert schema() == before


def test_it_reads_utf8_whatever_byte_its_first_64_kb_end_on(demo, tmp_path):
    # The encoding is guessed from the first 64 KB, which may end inside a three-byte character.
    path = tmp_path / "long.csv"
    write(path, [{"事实": "甲" * (20_000 + shift)} for shift in range(4)])
    assert len(path.read_bytes()) > 65_536
    text, code = run(path, "--commit")
    assert code == 0 and "写入4行" in text
    assert Petition.objects.get(number="T-3").facts == "甲" * 20_003
