# ruff: noqa: E501  (a table keyed by whole Chinese sentences reads best one entry a line)
"""English translations of the reply-quality msgids (minsheng/textmine/replies.py, its command, the
petitions workbench check). Glossary as in en_catalogue.py: 信访人 petitioner, 条例 the Regulations."""

# fmt: off
CATALOGUE_PART = {
    # minsheng/textmine/replies.py
    "请填写查明的事实、处理意见和依据。": "Fill in the facts found, the decision and its basis.",
    "答复只有称呼、“已收悉”等套话，没有实质内容。": "The answer is only a greeting or a formula such as “received”, with no substance.",
    "答复切题": "On topic",
    "答复与来信反映的内容关联不明显，请针对所反映的问题作答。": "The answer has little to do with what the petition raises; answer the matters raised.",
    "诉求%(n)s：%(text)s": "Request %(n)s: %(text)s",
    "答复没有回应这一诉求（未提及：%(words)s）。": "The answer does not address this request (not mentioned: %(words)s).",
    "政策法规依据": "Legal or policy basis",
    "请写明所依据的法律、法规、政策或文件，例如《信访工作条例》第三十二条。": "State the law, regulation, policy or document relied on, e.g. Article 32 of the Regulations on Petition Work.",
    "处理措施": "Action taken",
    "请写明已经或将要采取的具体措施（谁、做什么、何时完成）。": "State the concrete action taken or to be taken (who does what, by when).",
    "联系方式": "Contact",
    "请留下联系电话、办理窗口或咨询渠道，方便信访人进一步了解。": "Give a phone number, service window or enquiry channel so the petitioner can follow up.",
    "答复时限": "Timeliness",
    "已超过办理期限 %(n)s 日。": "%(n)s days past the handling deadline.",
    "距来信已 %(n)s 日（法定办理期限60日，15日内答复为佳）。": "%(n)s days since the petition (statutory handling period 60 days; within 15 days is best).",
    # manage.py replies
    "答复质量：在真实答复文件上校准（calibrate），或为一条答复评分（score）": "Reply quality: calibrate on a file of real replies, or score one reply",
    "在 CSV 文件上统计评分分布，输出一行 JSON": "Score distribution over a CSV file, printed as one JSON line",
    "含 留言主题、留言详情、答复意见、留言时间、答复时间 列": "with the columns 留言主题, 留言详情, 答复意见, 留言时间, 答复时间",
    "打乱配对的随机种子": "Random seed for the shuffled pairs",
    "为一条答复评分，或为 CSV 文件的前 N 行逐行评分": "Score one reply, or each of the first N rows of a CSV file",
    "来信时间，如 2026-03-01 09:00": "When the petition was made, e.g. 2026-03-01 09:00",
    "答复时间": "Answered at",
    "办理期限": "Handling deadline",
    "改为对 CSV 文件逐行评分": "Score the rows of a CSV file instead",
    "请给出 --message 和 --reply，或 --csv": "Give --message and --reply, or --csv",
    "无法识别的日期：%(value)s": "Unrecognised date: %(value)s",
    "找不到文件：%(path)s": "File not found: %(path)s",
    "文件 %(path)s 没有数据行": "File %(path)s has no data rows",
    # templates/petitions/case.html, _reply_quality.html
    "检查答复质量": "Check the answer's quality",
    "答复质量": "Answer quality",
    "切题": "Relevance",
    "完整": "Completeness",
    "可解释": "Interpretability",
    "及时": "Timeliness",
    "尚缺：": "Missing:",
    "各要素齐全。": "All elements are present.",
    "评分仅供参考，不会保存。": "The score is a guide only and is not saved.",
}
# fmt: on
