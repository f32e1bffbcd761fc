# ruff: noqa: E501  (a table keyed by whole Chinese sentences reads best one entry a line)
"""English translations of the hot-issue page, its Excel digest and ``manage.py hotspots``."""

# fmt: off
CATALOGUE_PART = {
    # The page and the navigation
    "热点问题": "Hot issues",
    "起始日期": "From",
    "截止日期": "To",
    "全部区域": "All areas",
    "显示前 N 个": "Show top N",
    "导出周报（Excel）": "Export weekly digest (Excel)",
    "未指定期间时，周报统计最近 7 天。": "Without a period, the digest covers the last 7 days.",
    "按内容、地点和时间归并 %(since)s 至 %(until)s 收到的、您有权查看的信访件，按热度排序。": "Petitions you may see, received from %(since)s to %(until)s, grouped by content, place and time and ranked by heat.",
    "期间内信访件过多，仅归并最近的 %(limit)s 件。": "Too many petitions in the period: only the most recent %(limit)s were grouped.",
    "期间内共 %(read)s 件信访件，未发现由两件以上信访件反映的共同问题。": "%(read)s petitions in the period; no matter was raised by two or more of them.",
    "%(n)s 件 · %(people)s 人 · 热度 %(heat)s": "%(n)s petitions · %(people)s people · heat %(heat)s",
    "（无关键词）": "(no key words)",
    "相关信访件": "Petitions",
    "每日/每周件数走势": "Petitions per day/week",
    "热度如何计算": "How heat is computed",
    "热度 = %(volume)s×ln(1+件数) + %(people)s×ln(1+人数) + %(likes)s×ln(1+点赞数) + %(growth)s×增长；增长 = ln((最近 %(days)s 天件数+1)/(此前 %(days)s 天件数+1))，只计正值。同一人多次反映只算一人；地点取多数信访件共同的属地和地名。": "heat = %(volume)s×ln(1+petitions) + %(people)s×ln(1+people) + %(likes)s×ln(1+likes) + %(growth)s×growth; growth = ln((petitions in the last %(days)s days+1)/(petitions in the %(days)s days before+1)), counted only when positive. One person writing several times counts once; the place is the area and place name most of the petitions share.",
    "只有在单位任职的工作人员可以查看热点问题。": "Only staff holding a role in a unit may view hot issues.",
    # The Excel digest
    "统计期间": "Period",
    "仅统计期间内最近的 %(n)d 件": "Only the most recent %(n)d petitions of the period were counted",
    "排名": "Rank",
    "关键词": "Key words",
    "地点": "Place",
    "起止时间": "Span",
    "信访件数": "Petitions",
    "热度": "Heat",
    "增长": "Growth",
    "问题信访件": "Petitions by issue",
    # manage.py hotspots
    "热点问题：在留言 CSV 上找出并排序热点问题（evaluate）": "Hot issues: find and rank the hot issues of a message CSV (evaluate)",
    "读取留言 CSV，每个热点问题输出一行 JSON": "Read a message CSV and print one JSON line per hot issue",
    "留言 CSV（留言编号,留言用户,留言主题,留言时间,留言详情,反对数,点赞数）": "Message CSV (留言编号,留言用户,留言主题,留言时间,留言详情,反对数,点赞数)",
    "起始日期 YYYY-MM-DD": "First day, YYYY-MM-DD",
    "截止日期 YYYY-MM-DD": "Last day, YYYY-MM-DD",
    "日期应为 YYYY-MM-DD：%(value)s": "A date must be YYYY-MM-DD: %(value)s",
    "跳过 %(n)d 行：留言时间无法识别": "Skipped %(n)d rows: unreadable 留言时间",
    "%(n)d 条留言，%(s).1f 秒": "%(n)d messages, %(s).1f s",
}
# fmt: on
