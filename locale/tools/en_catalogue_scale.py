# ruff: noqa: E501  (a table keyed by whole Chinese sentences reads best one entry a line)
"""English translations of the scale work: historical case import, list exports, full-text search."""

# fmt: off
CATALOGUE_PART = {
    # long work lists: bounded counts, the overdue summary
    "超过 %(n)s 件": "More than %(n)s cases",
    "以上为期限最近的 %(n)s 件，查看全部": "These are the %(n)s with the nearest deadlines: see them all",
    # import_cases: row errors
    "编号在文件中重复。": "The number appears twice in the file.",
    "收到日期不能晚于今天。": "The date received cannot be later than today.",
    "已办结的信访件须填写办结日期。": "A concluded case needs its closing date.",
    "办结日期不能早于收到日期。": "The closing date cannot be earlier than the date received.",
    "填写了办结日期，状态却不是办结状态。": "A closing date is given, but the status is not a concluded one.",
    "未知的区划代码。": "Unknown area code.",
    "未知的分类代码。": "Unknown category code.",
    "未知的单位。": "Unknown unit.",
    # exports: list titles and columns
    "工单编号": "Order number",
    "区域": "Area",
    "承办单位": "Handling unit",
    "人民建议": "People's suggestions",
    "建议编号": "Suggestion number",
    "建议主题": "Subject",
    "征集活动": "Topic",
    "研究单位": "Study unit",
    # exports: pages
    "导出": "Export",
    "已完成，共 %(n)s 行。": "Done: %(n)s rows.",
    "下载": "Download",
    "导出失败，请稍后重试或联系管理员。": "The export failed. Please try again later or contact the administrator.",
    "正在导出：%(done)s / %(total)s 行（%(p)s%%）": "Exporting: %(done)s / %(total)s rows (%(p)s%%)",
    "数据量较大，正在后台生成文件。可以离开本页，稍后用同一地址回来下载。": "This is a large export, so the file is being written in the background. You may leave this page and come back to the same address to download it.",
}
# fmt: on
