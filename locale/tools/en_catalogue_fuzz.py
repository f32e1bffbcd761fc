# ruff: noqa: E501  (a table keyed by whole Chinese sentences reads best one entry a line)
"""English translations for bad input: uploads judged by content, request limits, their pages."""

# fmt: off
CATALOGUE_PART = {
    # minsheng/core/uploads.py: kinds of file
    "PDF": "PDF",
    "JPEG图片": "JPEG image",
    "PNG图片": "PNG image",
    "Word文档（.docx）": "Word document (.docx)",
    "Excel工作簿（.xlsx）": "Excel workbook (.xlsx)",
    "纯文本": "plain text",
    "CSV文本": "CSV text",
    # minsheng/core/uploads.py: refusals
    "文件“%(name)s”的内容不是%(kind)s，可能是改了扩展名的其他文件，已拒绝。": "The file “%(name)s” is not a %(kind)s file; it may be another kind of file renamed. It was refused.",
    "文件“%(name)s”已损坏或不是有效的压缩格式文档。": "The file “%(name)s” is damaged or not a valid compressed document.",
    "文件“%(name)s”解压后过大（%(mb)sMB，压缩率异常），疑似“压缩炸弹”，已拒绝。": "The file “%(name)s” would unpack to far too much (%(mb)s MB, an abnormal compression ratio); it looks like a “zip bomb” and was refused.",
    "文件“%(name)s”不是有效的Office文档。": "The file “%(name)s” is not a valid Office document.",
    # minsheng/core/sheets.py, calendar_store.py
    "CSV文件格式不正确或单元格过长。": "The CSV file is malformed or has a cell that is too long.",
    # minsheng/core/request_limits.py
    "提交的内容过大（超过%(mb)sMB），请减少或压缩附件后重试。": "What you sent is too large (over %(mb)s MB). Please send fewer or smaller attachments and try again.",
    "请求参数含有不允许的字符。": "The request parameters contain characters that are not allowed.",
    # templates/413.html, templates/400.html
    "提交的内容过大": "What you sent is too large",
    "没有保存任何内容。请返回上一页重新填写。": "Nothing was saved. Please go back and fill in the form again.",
    "请求无效": "Bad request",
    "提交的内容无法识别：格式不正确、字段或文件过多，或含有不允许的字符。没有保存任何内容。": "What you sent could not be read: it is malformed, has too many fields or files, or contains characters that are not allowed. Nothing was saved.",
    "请返回上一页，检查后重新提交。": "Please go back, check and submit again.",
}
# fmt: on
