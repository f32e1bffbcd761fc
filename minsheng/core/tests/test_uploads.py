"""Uploads are judged by their content: renamed executables and pages, zip bombs and junk are refused."""

import io

import pytest

from minsheng.core import sheets, uploads
from minsheng.core.calendar_store import read_notice_file
from minsheng.core.errors import InvalidInput
from tests.hostile.files import EXE, HTML, PDF, docx, image, zip_bomb


def check(content: bytes, name: str) -> None:
    ext = "." + name.rsplit(".", 1)[1]
    uploads.check_content(io.BytesIO(content), ext=ext, name=name)


def refusal(content: bytes, name: str) -> str:
    with pytest.raises(InvalidInput) as refused:
        check(content, name)
    assert refused.value.errors["attachments"] == str(refused.value.message)
    return str(refused.value.message)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("扫描件.pdf", PDF),
        ("现场.png", image("PNG")),
        ("现场.jpg", image("JPEG")),
        ("现场.JPEG", image("JPEG")),
        ("说明.docx", docx()),
        ("说明.txt", "楼道无灯，已三个月。".encode()),
        ("说明（GBK）.txt", "楼道无灯，已三个月。".encode("gbk")),
        ("说明（带BOM）.txt", "\ufeff楼道无灯".encode()),
    ],
)
def test_it_accepts_real_files_of_each_type(name, content):
    check(content, name)  # no refusal


def test_it_refuses_a_web_page_renamed_pdf_in_chinese():
    message = refusal(HTML, "处理意见.pdf")
    assert "处理意见.pdf" in message and "不是PDF" in message and "改了扩展名" in message


@pytest.mark.parametrize("name", ["照片.jpg", "照片.png", "扫描件.pdf", "说明.docx", "说明.txt"])
def test_it_refuses_an_executable_whatever_its_name(name):
    assert "改了扩展名" in refusal(EXE, name)


def test_it_refuses_a_web_page_as_text_or_picture():
    refusal(HTML, "说明.txt")
    refusal(b"  <svg onload=alert(1)>", "说明.txt")
    refusal(HTML, "照片.jpg")


def test_it_refuses_text_with_nul_bytes_or_in_no_known_encoding():
    refusal(b"abc\x00def", "说明.txt")
    refusal(b"\xff\xfe\xfa\xfb" * 10, "说明.txt")


def test_it_refuses_a_zip_bomb_before_unpacking_it():
    with pytest.raises(InvalidInput) as refused:
        check(zip_bomb(megabytes=20), "说明.docx")
    assert refused.value.code == "zip_bomb"
    assert "压缩炸弹" in str(refused.value.message)


def test_it_refuses_a_zip_that_is_not_a_word_document():
    assert "不是有效的Office文档" in refusal(docx(word=False), "说明.docx")


def test_it_refuses_a_damaged_zip():
    assert "已损坏" in refusal(b"PK\x03\x04" + b"\x00" * 200, "说明.docx")


def test_it_leaves_the_upload_at_its_start():
    stream = io.BytesIO(docx())
    stream.seek(5)
    uploads.check_content(stream, ext=".docx", name="说明.docx")
    assert stream.tell() == 0


# -- spreadsheet imports (every registry's import reads through sheets.read_table)


def test_it_refuses_an_xlsx_zip_bomb_before_openpyxl_opens_it():
    with pytest.raises(InvalidInput) as refused:
        sheets.read_table(zip_bomb(body="xl/", megabytes=20), "名册.xlsx")
    assert refused.value.errors == {"file": str(refused.value.message)}
    assert "压缩炸弹" in str(refused.value.message)


@pytest.mark.parametrize("content", [b"", b"not a workbook", HTML, docx(), b"PK\x03\x04junk"])
def test_it_refuses_a_malformed_xlsx_with_a_message(content):
    with pytest.raises(InvalidInput) as refused:
        sheets.read_table(content, "名册.xlsx")
    assert "file" in refused.value.errors


def test_it_reads_a_real_xlsx():
    content = sheets.workbook_bytes(["姓名", "电话"], [["张三", "13800001111"]])
    assert sheets.read_table(content, "名册.xlsx") == [("姓名", "电话"), ("张三", "13800001111")]


def test_it_reads_a_csv_saved_by_chinese_excel_in_gbk():
    content = "姓名,电话\n张三,13800001111\n".encode("gbk")
    assert sheets.read_table(content, "名册.csv") == [("姓名", "电话"), ("张三", "13800001111")]


@pytest.mark.parametrize("content", [b"\xff\xfe\x00\x00\xfa" * 20, "姓名\n张\x00三\n".encode()])
def test_it_refuses_a_csv_that_is_not_readable_text(content):
    with pytest.raises(InvalidInput) as refused:
        sheets.read_table(content, "名册.csv")
    assert "file" in refused.value.errors


def test_it_reads_or_refuses_a_csv_cell_beyond_the_csv_modules_limit():
    # 128 KB by default; a module may raise csv.field_size_limit for the whole process.
    try:
        rows = sheets.read_table(b'"' + b"x" * 200_000 + b'"\n', "名册.csv")
    except InvalidInput as refused:
        assert "单元格过长" in str(refused.message)
    else:
        assert len(rows[0][0]) == 200_000


def test_it_refuses_hostile_calendar_notices_with_a_message():
    for name, content in [
        ("通知.xlsx", zip_bomb(body="xl/")),
        ("通知.csv", b"\x00\xff\xfe"),
        ("通知.xlsx", HTML),
    ]:
        with pytest.raises(InvalidInput):
            read_notice_file(name, content)
