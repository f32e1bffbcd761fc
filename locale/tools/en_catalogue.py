# ruff: noqa: E501  (a table keyed by whole Chinese sentences reads best one entry a line)
"""English translations of the Chinese msgids, grouped by where they appear.

A value is the msgstr; a tuple ``(singular, plural)`` is the msgstr[0]/msgstr[1] of a plural entry.
Terms follow one glossary: 信访 petition, 信访人 petitioner, 转送 forward, 交办 assign, 受理 accept,
复查 review, 复核 re-review, 督办 supervision, 检举控告 report/accusation, 条例 the Regulations.
"""

import runpy
from pathlib import Path

# fmt: off
SETTINGS_ACCOUNTS = {
    # A language's own name stays visible so a Chinese reader can always find the way back.
    "简体中文": "简体中文 (Simplified Chinese)",
    "English": "English",
    "任职": "Memberships",
    "在各单位的角色": "Roles in units",
    "个人信息": "Personal information",
    "权限": "Permissions",
    "重要日期": "Important dates",
    "接口令牌已生成，请立即复制保存，它只显示这一次：%(key)s":
        "API token created. Copy and store it now; it is shown only once: %(key)s",
    "吊销所选令牌": "Revoke selected tokens",
    "已吊销%(n)s个令牌。": "%(n)s token(s) revoked.",
    "用户": "User",
    "显示名": "Display name",
    "群众账号": "Citizen account",
    "用途": "Purpose",
    "创建时间": "Created at",
    "已吊销": "Revoked",
    "接口令牌": "API token",
    "登记员": "Clerk",
    "承办人": "Case handler",
    "单位负责人": "Unit head",
    "领导": "Leader",
    "管理员": "Administrator",
}

API = {
    "CSRF校验失败，请刷新页面后重试。": "CSRF verification failed. Please refresh the page and try again.",
    "起算日应在1900年至2199年之间。": "The start date must be between 1900 and 2199.",
    "缺少必填项。": "This field is required.",
    "不能超过%(max_length)s个字符。": "Must not exceed %(max_length)s characters.",
    "至少需要%(min_length)s个字符。": "Must be at least %(min_length)s characters.",
    "最多%(max_length)s项。": "At most %(max_length)s items.",
    "取值无效，可选：%(expected)s。": "Invalid value; allowed: %(expected)s.",
    "应为整数。": "Must be an integer.",
    "应为 true 或 false。": "Must be true or false.",
    "应为文本。": "Must be text.",
    "不能小于%(ge)s。": "Must not be less than %(ge)s.",
    "不能大于%(le)s。": "Must not be greater than %(le)s.",
    "应大于%(gt)s。": "Must be greater than %(gt)s.",
    "应小于%(lt)s。": "Must be less than %(lt)s.",
    "日期格式应为YYYY-MM-DD。": "Dates must be in YYYY-MM-DD format.",
    "应为JSON对象。": "Must be a JSON object.",
    "应为列表。": "Must be a list.",
    "格式不正确。": "Invalid format.",
    "请先登录，或在 Authorization 头中提供有效的接口令牌（Bearer）。":
        "Please log in, or provide a valid API token in the Authorization header (Bearer).",
    "请求过于频繁，请稍后再试。": "Too many requests. Please try again later.",
    "请求体不是有效的JSON，或含有不允许的字符。":
        "The request body is not valid JSON or contains characters that are not allowed.",
    "未找到。": "Not found.",
    "%(field)s：%(message)s": "%(field)s: %(message)s",
    "您没有权限执行此操作。": "You do not have permission to perform this action.",
    "请求体过大。": "The request body is too large.",
    "请求无效。": "Invalid request.",
    "服务器内部错误，请稍后再试。": "Internal server error. Please try again later.",
    "查询参数含有不允许的字符。": "The query parameters contain characters that are not allowed.",
}

AUDIT_CORE = {
    "审计日志": "Audit log",
    "时间": "Time",
    "操作人": "Actor",
    "操作人标识": "Actor label",
    "动作": "Action",
    "对象类型": "Target type",
    "对象编号": "Target ID",
    "内容": "Data",
    "审计事件": "Audit event",
    "周一": "Mon",
    "周二": "Tue",
    "周三": "Wed",
    "周四": "Thu",
    "周五": "Fri",
    "周六": "Sat",
    "周日": "Sun",
    "节假日天数": "Holidays",
    "调休上班天数": "Make-up working days",
    "预览数据已损坏，请重新上传文件。": "The preview data is corrupted. Please upload the file again.",
    "导入节假日通知：%(n)s天": "Imported holiday notice: %(n)s day(s)",
    "%(year)s年官方日历已更新：共%(n)s天（来源：%(source)s）。":
        "Official calendar for %(year)s updated: %(n)s day(s) (source: %(source)s).",
    "导入国务院节假日通知": "Import State Council holiday notice",
    "文件过大：节假日通知表不应超过1 MB。": "File too large: a holiday notice table must not exceed 1 MB.",
    "年份": "Year",
    "来源": "Source",
    "留空则为“国务院办公厅关于××××年部分节假日安排的通知”。":
        "Leave blank for “Notice of the General Office of the State Council on the Arrangement of "
        "Certain Holidays in ××××”.",
    "文件": "File",
    "CSV（UTF-8或GBK）或Excel（.xlsx），三列：日期, 类型, 名称；类型为 休/班 或 holiday/workday。"
    "只需列出放假日和调休上班日，普通周末不必列出。":
        "CSV (UTF-8 or GBK) or Excel (.xlsx) with three columns: date, type, name; the type is "
        "休/班 or holiday/workday. List only the days off and the make-up working days; ordinary "
        "weekends need not be listed.",
    "国务院办公厅关于%(year)s年部分节假日安排的通知":
        "Notice of the General Office of the State Council on the Arrangement of Certain Holidays in %(year)s",
    "星期": "Weekday",
    "%(years)s年尚未登记为官方日历年度：期限计算仍会提示缺少该年度安排，请同时添加该年度。":
        "%(years)s is not yet registered as an official calendar year: deadline calculations will "
        "still report the missing arrangement. Please add that year as well.",
    "基础设置": "Basic settings",
    "第%(n)s行：日期%(d)s与第%(m)s行重复。": "Row %(n)s: date %(d)s duplicates row %(m)s.",
    "文件中没有任何日期。": "The file contains no dates.",
    "第%(n)s行：需要“日期, 类型[, 名称]”三列。": "Row %(n)s: expected the columns “date, type[, name]”.",
    "第%(n)s行：日期“%(v)s”不是YYYY-MM-DD格式。": "Row %(n)s: date “%(v)s” is not in YYYY-MM-DD format.",
    "第%(n)s行：日期%(d)s不属于%(y)s年。": "Row %(n)s: date %(d)s is not in %(y)s.",
    "第%(n)s行：类型“%(v)s”应为 holiday/休 或 workday/班。":
        "Row %(n)s: type “%(v)s” must be holiday/休 or workday/班.",
    "第%(n)s行：名称不能超过%(max)s个字。": "Row %(n)s: the name must not exceed %(max)s characters.",
    "请上传 .csv 或 .xlsx 文件。": "Please upload a .csv or .xlsx file.",
    "CSV文件须为UTF-8或GBK编码。": "CSV files must be encoded in UTF-8 or GBK.",
    "无法读取该Excel文件。": "This Excel file cannot be read.",
    "日期%(d)s不属于%(y)s年。": "Date %(d)s is not in %(y)s.",
    "请填写来源（不超过%(max)s字）。": "Please enter the source (at most %(max)s characters).",
    "更新时间": "Updated at",
    "如：国务院办公厅关于2027年部分节假日安排的通知":
        "E.g. Notice of the General Office of the State Council on the Arrangement of Certain Holidays in 2027",
    "载入时间": "Loaded at",
    "官方日历年度": "Official calendar year",
    "法定节假日（休息）": "Public holiday (day off)",
    "调休上班日": "Make-up working day",
    "日期": "Date",
    "类型": "Type",
    "名称": "Name",
    "节假日/调休日": "Holiday / make-up working day",
    "期限进入尚未载入官方节假日安排的年份（%(years)s）：本结果仅按周末推算，请管理员录入国务院节假日通知后重新计算。":
        "The deadline falls in a year with no official holiday arrangement loaded (%(years)s): this "
        "result counts weekends only. An administrator should enter the State Council holiday notice "
        "and recalculate.",
    "%(n)s日": "%(n)s day(s)",
    "%(n)s个工作日": "%(n)s working day(s)",
    "%(n)s小时": "%(n)s hour(s)",
}

DEMO = {
    "区信访局登记员": "District Petition Bureau clerk",
    "区信访局领导": "District Petition Bureau leader",
    "区住建局承办人": "District Housing and Construction Bureau case handler",
    "区住建局负责人": "District Housing and Construction Bureau head",
    "市信访局（复查机关）": "City Petition Bureau (review body)",
    "省信访局（复核机关）": "Provincial Petition Bureau (re-review body)",
    "超级管理员": "Superuser",
    "群众（门户账号）": "Citizen (portal account)",
    "区人社局承办人/负责人": "District Human Resources and Social Security Bureau case handler / head",
    "生态环境分局承办人/负责人": "Ecology and Environment Sub-bureau case handler / head",
    "区市场监管局承办人/负责人": "District Market Regulation Bureau case handler / head",
    "区教育局承办人/负责人": "District Education Bureau case handler / head",
    "区卫健局承办人/负责人": "District Health Commission case handler / head",
    "区交通局承办人/负责人": "District Transport Bureau case handler / head",
    "区城管局承办人/负责人": "District Urban Management Bureau case handler / head",
    "区委政法委承办人/负责人": "District Political and Legal Affairs Commission case handler / head",
    "区纪委监委承办人/负责人": "District Commission for Discipline Inspection and Supervision case handler / head",
    "区政府承办人/负责人": "District Government case handler / head",
    "青川区各街道（镇）承办人/负责人": "Qingchuan District sub-district (township) case handlers / heads",
    "白石区信访局登记员": "Baishi District Petition Bureau clerk",
    "白石区住建局、人社局、街道承办人/负责人":
        "Baishi District housing, human resources and sub-district case handlers / heads",
    "演示数据已存在，未作改动。": "Demo data already exists; nothing was changed.",
    "未找到演示密码文件，已为演示账号生成新密码。":
        "No demo password file was found; a new password was generated for the demo accounts.",
    "已生成%(n)s件信访件（用时%(s).1f秒）；期限扫描：督办%(sup)s件，期满办结%(closed)s件。":
        "Generated %(n)s petitions (in %(s).1f s); deadline scan: %(sup)s supervised, "
        "%(closed)s closed on expiry.",
    "账号 %(u)s 在载入前已存在，其密码未更改。":
        "Account %(u)s already existed before loading; its password was not changed.",
    "民声演示环境：%(url)s/": "Minsheng demo: %(url)s/",
    "  工作人员登录：%(url)s/accounts/login/": "  Staff login:    %(url)s/accounts/login/",
    "  群众门户：    %(url)s/portal/": "  Public portal:  %(url)s/portal/",
    "  管理后台：    %(url)s/admin/": "  Admin site:     %(url)s/admin/",
    "  接口文档：    %(url)s/api/v1/docs": "  API docs:       %(url)s/api/v1/docs",
    "演示账号（密码相同）：": "Demo accounts (same password):",
    "密码：%(pw)s（保存在 %(path)s）": "Password: %(pw)s (stored in %(path)s)",
    "登记员 clerk 的接口令牌（只显示这一次）：%(key)s": "API token of the clerk “clerk” (shown only once): %(key)s",
    "接口令牌只在首次载入时显示；如需新令牌，请在管理后台签发。":
        "API tokens are shown only on the first load; to get a new token, issue one in the admin site.",
    "门户查询示例：%(url)s/portal/track/  信访件编号 %(number)s  查询码 %(code)s":
        "Portal tracking example: %(url)s/portal/track/  petition No. %(number)s  query code %(code)s",
}

ORGS_PEOPLE = {
    "本单位人员": "Staff of this unit",
    "区域与单位": "Regions and units",
    "省": "Province",
    "市": "City",
    "县/区": "County / district",
    "街道/乡镇": "Sub-district / township",
    "社区/村": "Community / village",
    "区划代码": "Division code",
    "层级": "Level",
    "上级": "Parent",
    "行政区域": "Administrative region",
    "信访部门": "Petition office",
    "职能部门": "Functional department",
    "街道办事处/乡镇政府": "Sub-district office / township government",
    "人民政府": "People's government",
    "政法部门": "Political and legal authority",
    "纪检监察机关": "Discipline inspection and supervision authority",
    "简称": "Short name",
    "所在区域": "Region",
    "启用": "Active",
    "单位": "Unit",
    "角色": "Role",
    "身份证号": "ID card number",
    "地址": "Address",
    "群众信息": "Citizen records",
    "姓名": "Name",
    "电话": "Phone",
    "单位/组织": "Organization",
    "群众": "Citizen",
    "身份证号码应为18位（最后一位可为X）。": "An ID card number has 18 characters (the last may be X).",
    "身份证号码校验位不正确，请核对。": "The ID card number's check digit is wrong. Please check it.",
    "电话号码格式不正确（手机11位，或带区号的固定电话）。":
        "Invalid phone number (11-digit mobile number, or a landline with area code).",
}

PETITIONS_CORE = {
    "信访人": "Petitioner",
    "匿名": "Anonymous",
    "区划代码“%(code)s”不存在。": "Division code “%(code)s” does not exist.",
    "信访事项分类代码不存在。": "The petition category code does not exist.",
    "被反映单位不存在。": "The unit complained about does not exist.",
    "只有信访部门的登记员可以登记信访件。": "Only clerks of a petition office may register petitions.",
    "该 Idempotency-Key 已被其他单位使用。": "This Idempotency-Key has already been used by another unit.",
    "状态取值无效。": "Invalid status.",
    "due 应为 overdue 或 soon。": "due must be overdue or soon.",
    "请选择责任单位。": "Please choose the responsible unit.",
    "责任单位不存在。": "The responsible unit does not exist.",
    "找不到原信访件“%(n)s”。": "Original petition “%(n)s” not found.",
    "请填写延期天数。": "Please enter the number of extension days.",
    "信访件编号或查询码不正确。": "Incorrect petition number or query code.",
    "信访": "Petitions",
    "该信访件目前没有这种文书。": "This petition has no document of this kind yet.",
    "代码": "Code",
    "信访事项分类": "Petition category",
    "集体访": "Collective visit",
    "登记单位": "Registering unit",
    "复查/复核机关": "Review / re-review body",
    "转送/交办时间": "Forwarded / assigned at",
    "转送或交办": "Forwarded or assigned",
    "受理时间": "Accepted at",
    "答复时间": "Answered at",
    "办结时间": "Closed at",
    "期限类型": "Deadline type",
    "期限按周末推算": "Deadline counted on weekends only",
    "超期时间": "Overdue since",
    "听证开始": "Hearing started",
    "处理说明": "Handling note",
    "延期理由": "Reason for extension",
    "复查意见": "Review opinion",
    "复核意见": "Re-review opinion",
    "重复于": "Repeat of",
    "督办次数": "Supervisions",
    "信访件": "Petition",
    "代表": "Representatives",
    "文件名": "File name",
    "督办": "Supervision",
}

DOCUMENTS = {
    "你": "you",
    "%(name)s等%(n)s人": "%(name)s and others (%(n)s persons)",
    "你们": "you",
    "你单位": "your organization",
    "上一级机关": "the authority at the next level up",
    "支持": "Supported",
    "解释说明": "Explained",
    "不予支持": "Not supported",
    "%(you)s于%(day)s通过%(channel)s提出的“%(title)s”信访事项（信访件编号%(number)s），":
        "Regarding the petition matter “%(title)s” (petition No. %(number)s) submitted by %(you)s "
        "on %(day)s (channel: %(channel)s), ",
    "本机关（%(unit)s）已于%(day)s依法受理。": "this authority (%(unit)s) accepted it according to law on %(day)s.",
    "根据《信访工作条例》第三十四条，本机关将自受理之日起60日内办结，即于%(due)s前出具处理意见；"
    "情况复杂的，经本机关负责人批准，可以适当延长办理期限，但延长期限不超过30日，并将延期理由告知你。":
        "Under Article 34 of the Regulations on Petition Work, this authority will conclude the matter "
        "within 60 days of acceptance, issuing its handling opinion by %(due)s. Where the matter is "
        "complex, the deadline may be extended with the approval of the head of this authority, by no "
        "more than 30 days, and you will be told the reason for the extension.",
    "%(you)s可以凭信访件编号和查询码在网上查询办理进度。特此告知。":
        "With the petition number and query code, %(you)s can track the progress online. "
        "This notice is hereby given.",
    "经审查，该事项属于应当通过%(channel)s等法定途径解决的事项。根据《信访工作条例》第三十一条（诉访分离），"
    "本机关不作为信访事项受理。请%(you)s依照有关法律、法规的规定，向有权处理的机关提出。":
        "upon examination, the matter should be resolved through legal channels such as %(channel)s. "
        "Under Article 31 of the Regulations on Petition Work (separating litigation from petitions), "
        "this authority does not accept it as a petition matter. It is recommended that %(you)s raise it "
        "with the competent authority in accordance with the relevant laws and regulations.",
    "说明：": "Explanation: ",
    "经审查，本机关决定不予受理。": "upon examination, this authority has decided not to accept it.",
    "理由：": "Reasons: ",
    "特此告知。": "This notice is hereby given.",
    "现将%(number)s号信访事项交办你单位。请依照《信访工作条例》第二十二条、第二十三条的规定办理，"
    "于%(due)s前书面告知信访人是否受理，并将办理结果报送%(intake)s。":
        "Petition matter No. %(number)s is hereby assigned to your unit. Please handle it in accordance "
        "with Articles 22 and 23 of the Regulations on Petition Work, notify the petitioner in writing "
        "by %(due)s whether it is accepted, and report the result of handling to %(intake)s.",
    "现将%(number)s号信访事项转送你单位。请依照《信访工作条例》第二十二条、第二十三条的规定办理，"
    "于%(due)s前书面告知信访人是否受理。":
        "Petition matter No. %(number)s is hereby forwarded to your unit. Please handle it in accordance "
        "with Articles 22 and 23 of the Regulations on Petition Work and notify the petitioner in writing "
        "by %(due)s whether it is accepted.",
    "如该事项不属于你单位职权范围，请自收到之日起5个工作日内提出异议并说明理由。":
        "If the matter is outside your unit's authority, please raise an objection with reasons within "
        "5 working days of receipt.",
    "信访件编号": "Petition number",
    "收到时间": "Received at",
    "信访渠道": "Channel",
    "信访类别": "Type of petition",
    "问题属地": "Location of the matter",
    "分类": "Category",
    "被反映单位/人": "Unit / person complained about",
    "标题": "Title",
    "诉求": "Request",
    "事实": "Facts",
    "理由": "Reasons",
    "本机关于%(day)s受理。经调查核实，现出具处理意见如下：":
        "this authority accepted it on %(day)s. Having investigated and verified the matter, it hereby "
        "issues the following handling opinion:",
    "一、信访请求": "1. Request of the petitioner",
    "信访人陈述的事实：": "Facts stated by the petitioner: ",
    "信访人陈述的理由：": "Reasons stated by the petitioner: ",
    "二、查明的事实": "2. Facts established",
    "三、理由": "3. Reasons",
    "四、处理意见": "4. Handling opinion",
    "处理结果：": "Outcome: ",
    "五、法律依据": "5. Legal basis",
    "六、复查权利告知": "6. Right to request a review",
    "如对本处理意见不服，可以自收到本意见书之日起30日内（即%(due)s前）请求%(above)s复查（《信访工作条例》第三十五条）。":
        "If you disagree with this handling opinion, you may request a review by %(above)s within 30 days "
        "of receiving it (i.e. by %(due)s) (Article 35 of the Regulations on Petition Work).",
    "本机关于%(day)s受理。": "this authority accepted it on %(day)s.",
    "经本机关主持调解，双方自愿达成如下协议：":
        "Through mediation presided over by this authority, the parties have voluntarily reached the "
        "following agreement:",
    "经双方协商，自愿达成如下和解协议：":
        "Through negotiation, the parties have voluntarily reached the following settlement agreement:",
    "主持调解机关：%(unit)s": "Mediating authority: %(unit)s",
    "办理机关：%(unit)s": "Handling authority: %(unit)s",
    "信访人：%(name)s": "Petitioner: %(name)s",
    "对方当事人：%(other)s": "Other party: %(other)s",
    "本协议依据《信访工作条例》第三十三条达成，经各方签字（盖章）后生效，各方应当自觉履行。":
        "This agreement is made under Article 33 of the Regulations on Petition Work. It takes effect "
        "once signed (or sealed) by all parties, who shall perform it voluntarily.",
    "本机关已于%(accepted)s受理，原定于%(original)s前办结。":
        "this authority accepted it on %(accepted)s, with handling originally due by %(original)s.",
    "延期理由：": "Reason for extension: ",
    "经本机关负责人批准，根据《信访工作条例》第三十四条，办理期限延长%(n)s日，延长后的办理期限至%(new)s。特此告知。":
        "With the approval of the head of this authority and under Article 34 of the Regulations on "
        "Petition Work, the handling deadline is extended by %(n)s day(s), to %(new)s. "
        "This notice is hereby given.",
    "%(you)s不服%(unit)s作出的%(doc)s（编号%(number)s），":
        "Disagreeing with the %(doc)s (No. %(number)s) issued by %(unit)s, %(you)s",
    "于%(day)s": " on %(day)s",
    "向本机关申请复查。本机关依照《信访工作条例》第三十五条进行了复查，现出具复查意见如下：":
        " requested a review by this authority. This authority has reviewed the matter under Article 35 "
        "of the Regulations on Petition Work and hereby issues the following review opinion:",
    "复查请求及理由：": "Review request and reasons: ",
    "复查意见：": "Review opinion: ",
    "如对本复查意见不服，可以自收到本意见书之日起30日内（即%(due)s前）向%(above)s请求复核（《信访工作条例》第三十六条）。":
        "If you disagree with this review opinion, you may request a re-review by %(above)s within "
        "30 days of receiving it (i.e. by %(due)s) (Article 36 of the Regulations on Petition Work).",
    "%(you)s不服%(unit)s作出的复查意见（编号%(number)s），":
        "Disagreeing with the review opinion (No. %(number)s) issued by %(unit)s, %(you)s",
    "向本机关申请复核。本机关依照《信访工作条例》第三十六条进行了复核，现出具复核意见如下：":
        " requested a re-review by this authority. This authority has re-reviewed the matter under "
        "Article 36 of the Regulations on Petition Work and hereby issues the following re-review opinion:",
    "复核请求及理由：": "Re-review request and reasons: ",
    "复核意见：": "Re-review opinion: ",
    "本复核意见为终结意见。根据《信访工作条例》第三十六条，信访人对复核意见不服，"
    "仍然以同一事实和理由提出投诉请求的，各级机关不再受理。":
        "This re-review opinion is final. Under Article 36 of the Regulations on Petition Work, if the "
        "petitioner disagrees with it and again raises a complaint on the same facts and reasons, it will "
        "not be accepted by authorities at any level.",
    "信访事项交办单": "Petition Assignment Form",
    "信访事项转送单": "Petition Forwarding Form",
    "受理告知书": "Notice of Acceptance",
    "不予受理告知书": "Notice of Non-acceptance",
    "延期告知书": "Notice of Extension",
    "信访处理意见书": "Written Handling Opinion",
    "调解协议书": "Mediation Agreement",
    "和解协议书": "Settlement Agreement",
    "复查意见书": "Written Review Opinion",
    "复核意见书": "Written Re-review Opinion",
    "%(y)s年%(m)s月%(d)s日": "%(y)s-%(m)s-%(d)s",
    "（签字/盖章）": "(signature / seal)",
    "%(number)s\u3000第%(page)s页": "%(number)s · page %(page)s",
    "编号：%(number)s": "No. %(number)s",
    "（印章）": "(seal)",
    "送达地址：%(a)s": "Delivery address: %(a)s",
}

PETITION_FORMS = {
    "状态": "Status",
    "全部状态": "All statuses",
    "期限": "Deadline",
    "全部期限": "All deadlines",
    "已超期": "Overdue",
    "即将到期": "Due soon",
    "搜索": "Search",
    "编号、身份证号、电话、姓名或标题关键词": "Number, ID card number, phone, full name or title keywords",
    "（未分类）": "(uncategorized)",
    "信访人姓名（或单位名称）": "Petitioner's name (or organization name)",
    "身份证号码": "ID card number",
    "联系电话": "Contact phone",
    "住址（或单位地址）": "Address (or organization address)",
    "以单位/组织名义": "On behalf of an organization",
    "仅检举控告可以匿名提出；匿名件无法告知处理结果。":
        "Only reports/accusations may be anonymous; the outcome of an anonymous case cannot be notified.",
    "人数": "Number of people",
    "被反映单位": "Unit complained about",
    "被反映人": "Person complained about",
    "附件": "Attachments",
    "代表%(i)s 姓名": "Representative %(i)s name",
    "身份证号码（可不填）": "ID card number (optional)",
    "请填写代表姓名。": "Please enter the representative's name.",
    "责任单位": "Responsible unit",
    "说明": "Note",
    "法定途径": "Legal channel",
    "应通过的法定途径及理由": "The legal channel to be used, and why",
    "意见": "Opinion",
    "原信访件编号": "Original petition number",
    "找不到编号为%(number)s的信访件。": "No petition with number %(number)s was found.",
    "延期天数": "Extension (days)",
    "延期理由（将告知信访人）": "Reason for extension (will be told to the petitioner)",
    "处理结果": "Outcome",
    "查明事实": "Facts established",
    "处理意见": "Handling opinion",
    "法律依据": "Legal basis",
    "方式": "Method",
    "协议内容": "Terms of the agreement",
    "评价": "Rating",
    "评价意见": "Rating comment",
    "查看理由": "Reason for viewing",
    "办理信访事项需要": "Needed to handle the petition",
}

PETITION_SERVICES = {
    "延期天数应为1至30日。": "The extension must be 1 to 30 days.",
    "请填写延期理由（将告知信访人）。": "Please give the reason for the extension (it will be told to the petitioner).",
    "请填写%(label)s。": "Please fill in “%(label)s”.",
    "处理结果应为支持、解释说明或不予支持。": "The outcome must be Supported, Explained or Not supported.",
    "请选择调解或和解。": "Please choose mediation or settlement.",
    "信访渠道无效。": "Invalid channel.",
    "信访类别无效。": "Invalid type of petition.",
    "标题不能超过120字。": "The title must not exceed 120 characters.",
    "只有检举控告可以匿名提出。": "Only reports/accusations may be submitted anonymously.",
    "请填写信访人姓名（单位请填写名称）。": "Please enter the petitioner's name (or the organization's name).",
    "请填写信访人住址（单位请填写地址）。": "Please enter the petitioner's address (or the organization's address).",
    "人数至少为1。": "The number of people must be at least 1.",
    "5人以上走访须推选代表（不超过5人）。": "A visit by more than 5 people must elect representatives (at most 5).",
    "集体访推选的代表不得超过5人。": "A collective visit may elect at most 5 representatives.",
    "请核对代表的姓名、身份证号码和电话。": "Please check the representatives' names, ID card numbers and phones.",
    "不支持的附件类型“%(ext)s”，可上传：%(types)s。":
        "Unsupported attachment type “%(ext)s”; allowed types: %(types)s.",
    "附件“%(name)s”超过%(mb)sMB。": "Attachment “%(name)s” exceeds %(mb)s MB.",
    "该区域没有信访部门，无法登记。": "This region has no petition office, so the petition cannot be registered.",
    "请选择满意、基本满意或不满意。": "Please choose Satisfied, Basically satisfied or Dissatisfied.",
    "没有上一级机关可以受理复查/复核申请。":
        "There is no authority at the next level up to accept a review / re-review request.",
    "申请期限已于%(due)s届满（条例第35、36条）。":
        "The time limit for this request expired on %(due)s (Regulations Arts. 35, 36).",
    "请说明申请复查的理由。": "Please state the reasons for requesting a review.",
    "请填写复查意见。": "Please enter the review opinion.",
    "请说明申请复核的理由。": "Please state the reasons for requesting a re-review.",
    "请填写复核意见。": "Please enter the re-review opinion.",
    "该单位已停用。": "This unit has been deactivated.",
    "请选择法定途径。": "Please choose the legal channel.",
    "请说明应通过的法定途径及理由。": "Please state the legal channel to be used and why.",
    "请填写不予受理的理由。": "Please give the reasons for not accepting.",
    "不能把信访件认定为其自身的重复件。": "A petition cannot be marked as a repeat of itself.",
    "同一信访事项（%(number)s）正在办理中，不再重复受理（条例第19条）。":
        "The same petition matter (%(number)s) is being handled and will not be accepted again "
        "(Regulations Art. 19).",
    "同一信访事项（%(number)s）已经复核终结，不再受理（条例第36条）。":
        "The same petition matter (%(number)s) has been concluded by re-review and will not be "
        "accepted again (Regulations Art. 36).",
    "原件%(number)s不在办理中也未复核终结，本件应作为新的信访事项办理。":
        "Original %(number)s is neither being handled nor concluded by re-review; this petition must "
        "be handled as a new petition matter.",
    "请说明异议理由。": "Please state the reasons for the objection.",
    "异议须在收到之日起5个工作日内提出（截止%(due)s）。":
        "An objection must be raised within 5 working days of receipt (by %(due)s).",
    "检举控告不得转交被检举控告的单位办理。":
        "A report/accusation must not be passed to the unit it accuses.",
}

PETITION_VIEWS = {
    "登记": "Register",
    "超期督办": "Overdue supervision",
    "打印文书（含身份信息）": "Document printed (with identity)",
    "渠道": "Channel",
    "类别": "Type",
    "文书": "Documents",
    "结果": "Outcome",
    "听证天数": "Hearing days",
    "原件": "Original",
    "系统": "System",
    "网上信访": "Online petition",
    "您无权查看信访人身份信息。": "You may not view the petitioner's identity.",
    "已登记，编号 %(number)s，查询码 %(code)s（请告知信访人）。":
        "Registered as No. %(number)s, query code %(code)s (please tell the petitioner).",
    "请检查填写的内容。": "Please check what you entered.",
    "已完成：%(step)s。": "Done: %(step)s.",
}

WORKFLOW = {
    "已登记": "Registered",
    "已转送/交办": "Forwarded / assigned",
    "已导入法定途径": "Redirected to legal channel",
    "不予受理": "Not accepted",
    "已受理·办理中": "Accepted, in progress",
    "延期办理中": "Extended, in progress",
    "已出具处理意见": "Handling opinion issued",
    "已评价": "Rated",
    "复查中": "Under review",
    "已复查": "Reviewed",
    "复核中": "Under re-review",
    "复核听证中": "Re-review hearing",
    "复核终结": "Re-review final",
    "已办结": "Closed",
    "转送/交办期限": "Deadline to forward / assign",
    "书面告知受理期限": "Deadline to notify acceptance in writing",
    "办理期限": "Handling deadline",
    "申请复查期限": "Time limit to request a review",
    "复查期限": "Review deadline",
    "申请复核期限": "Time limit to request a re-review",
    "复核期限": "Re-review deadline",
    "转送": "Forward",
    "交办": "Assign",
    "导入法定途径（诉访分离）": "Redirect to legal channel (litigation separated from petitions)",
    "认定重复信访": "Mark as repeat petition",
    "提出异议（非本单位职权）": "Object (outside this unit's authority)",
    "受理": "Accept",
    "延期（≤30日）": "Extend (≤30 days)",
    "出具处理意见书": "Issue written handling opinion",
    "调解/和解": "Mediation / settlement",
    "申请复查": "Request review",
    "出具复查意见书": "Issue written review opinion",
    "申请复核": "Request re-review",
    "举行听证（停止计时）": "Hold hearing (clock stopped)",
    "听证结束（恢复计时）": "End hearing (clock resumed)",
    "出具复核意见书": "Issue written re-review opinion",
    "期满办结": "Closed on expiry",
    "案件当前状态为“%(state)s”，不能执行“%(step)s”。":
        "The case is currently “%(state)s”; “%(step)s” is not possible.",
    "您没有执行“%(step)s”的权限。": "You do not have permission to “%(step)s”.",
    "来信": "Letter",
    "来电": "Phone call",
    "传真": "Fax",
    "来访": "Visit",
    "申诉求决": "Appeal or request",
    "意见建议": "Opinion or suggestion",
    "检举控告": "Report / accusation",
    "诉讼、检察、公安程序": "Litigation, procuratorate or police procedures",
    "仲裁": "Arbitration",
    "党员申诉": "Party member appeal",
    "行政复议、裁决、确认、许可、处罚等":
        "Administrative reconsideration, adjudication, confirmation, licensing, penalties, etc.",
    "调解（调解协议书）": "Mediation (mediation agreement)",
    "和解（和解协议书）": "Settlement (settlement agreement)",
    "满意": "Satisfied",
    "基本满意": "Basically satisfied",
    "不满意": "Dissatisfied",
}

PORTAL_FORMS_VIEWS = {
    "最多上传%(n)d个附件。": "You may upload at most %(n)d attachments.",
    "一句话概括您反映的事项。": "Sum up your matter in one sentence.",
    "您希望有关机关做什么。": "What you want the authorities to do.",
    "发生了什么：时间、地点、经过、涉及的单位或个人。":
        "What happened: when, where, how, and the units or persons involved.",
    "您的诉求为什么应当得到支持。": "Why your request should be supported.",
    "问题发生地": "Where it happened",
    "请选择区县或街道/乡镇": "Choose a county/district or sub-district/township",
    "事项分类（可不选）": "Category (optional)",
    "不清楚，由工作人员分类": "Not sure, let staff categorize it",
    "匿名提出（仅限检举控告）": "Submit anonymously (reports/accusations only)",
    "匿名检举控告不留姓名和联系方式，处理结果无法告知您，但可凭查询码查询。":
        "An anonymous report leaves no name or contact details, so the outcome cannot be sent to you, "
        "but you can look it up with the query code.",
    "姓名（单位请填写名称）": "Name (organization name for an organization)",
    "以单位（组织）名义提出": "Submit on behalf of an organization",
    "填写后便于识别您以前反映的事项。": "Helps us recognize matters you raised before.",
    "住址（单位请填写地址）": "Address (organization address for an organization)",
    "附件（可不传）": "Attachments (optional)",
    "我同意信访工作机构为办理本事项处理我提供的个人信息。":
        "I agree that the petition office may process the personal information I provide in order to "
        "handle this matter.",
    "个人信息加密保存，仅办理本事项的工作人员可以查看，查看会被记录。":
        "Personal information is stored encrypted; only staff handling this matter can view it, and every "
        "view is logged.",
    "可上传%(types)s格式，每个不超过10MB，最多%(n)d个。":
        "Allowed formats: %(types)s; at most 10 MB each, up to %(n)d files.",
    "请阅读并同意个人信息处理说明。": "Please read and agree to the personal information statement.",
    "例如 XF2026-000123": "E.g. XF2026-000123",
    "查询码": "Query code",
    "您对办理结果的评价": "Your rating of the outcome",
    "评价意见（可不填）": "Comment (optional)",
    "申请理由": "Reasons for the request",
    "请说明您对处理意见的哪些内容不服，以及理由。":
        "Please state which parts of the handling opinion you disagree with, and why.",
    "编号或查询码不正确。": "Incorrect number or query code.",
    "已退出查询。": "You have left the tracking page.",
    "感谢您的评价。": "Thank you for your rating.",
    "复查申请已提交，上一级机关将在30日内作出复查意见。":
        "Review request submitted. The authority at the next level up will issue a review opinion within "
        "30 days.",
    "复核申请已提交，复核机关将在30日内作出复核意见。":
        "Re-review request submitted. The re-review body will issue a re-review opinion within 30 days.",
}

TEMPLATES_ADMIN_BASE = {
    "工作人员登录": "Staff login",
    "用户名或密码不正确。": "Incorrect username or password.",
    "用户名": "Username",
    "密码": "Password",
    "登录": "Log in",
    "Django site admin": "Django site admin",
    "Home": "Home",
    "预览：%(year)s年官方节假日安排": "Preview: official holiday arrangement for %(year)s",
    "来源：%(source)s": "Source: %(source)s",
    "放假 %(h)s 天，调休上班 %(w)s 天。": "%(h)s day(s) off, %(w)s make-up working day(s).",
    "确认后将替换该年度现有的 %(n)s 条安排（来源：%(source)s）。":
        "Confirming replaces the %(n)s existing entries for this year (source: %(source)s).",
    "确认导入": "Confirm import",
    "重新上传": "Upload again",
    "上传国务院办公厅节假日安排通知的表格。导入前会先显示预览，确认后才替换该年度的安排。":
        "Upload the table of the State Council General Office's holiday notice. A preview is shown "
        "first; the year's arrangement is replaced only after you confirm.",
    "下载表格模板（CSV）": "Download the table template (CSV)",
    "预览": "Preview",
    "民声": "Minsheng",
    "民声 Minsheng": "Minsheng",
    "跳到正文": "Skip to content",
    "主导航": "Main navigation",
    "语言": "Language",
    "切换": "Switch",
    "民声 · 开源的社会工作部门工作平台": "Minsheng · the open-source work platform for social work departments",
}

TEMPLATES_STAFF = {
    "期限按周末推算，缺官方日历": "Deadline counted on weekends only: official calendar missing",
    "以下为信访人身份信息原文，本次查看已记入审计日志，请勿外传。":
        "Below is the petitioner's identity in clear. This view has been recorded in the audit log; "
        "do not disclose it.",
    "住址": "Address",
    "%(n)s人": "%(n)s people",
    "共 %(n)s 件": ("%(n)s case in total", "%(n)s cases in total"),
    "编号": "Number",
    "（待转送/交办）": "(to be forwarded / assigned)",
    "分页": "Pagination",
    "上一页": "Previous",
    "第 %(n)s / %(total)s 页": "Page %(n)s of %(total)s",
    "下一页": "Next",
    "没有符合条件的待办信访件。": "No pending petitions match.",
    "我的待办": "My queue",
    "管理后台": "Admin site",
    "退出": "Log out",
    "集体访 %(n)s人": "Collective visit, %(n)s people",
    "已督办 %(n)s 次": ("Supervised %(n)s time", "Supervised %(n)s times"),
    "当前没有计时中的期限。": "No deadline is running now.",
    "信访事项": "Petition matter",
    "被反映对象": "Complained about",
    "延期": "Extension",
    "查看身份信息": "View identity",
    "查看将记入审计日志。": "Viewing is recorded in the audit log.",
    "办理": "Handling",
    "当前没有您可以执行的办理步骤。": "There is no step you can take now.",
    "附件与文书": "Attachments and documents",
    "没有附件。": "No attachments.",
    "同一信访人的其他信访件": "Other petitions of the same petitioner",
    "无。": "None.",
    "办理记录": "History",
    "信访人身份信息": "Petitioner's identity",
    "登记信访件": "Register a petition",
    "登记单位：%(unit)s。登记后15日内应转送或交办（条例第22条）。":
        "Registering unit: %(unit)s. A registered petition must be forwarded or assigned within 15 days "
        "(Regulations Art. 22).",
    "登记未完成，请更正下列标出的内容。": "Not registered yet. Please correct the fields marked below.",
    "5人以上走访须推选代表，代表不超过5人（条例第20条）。":
        "A visit by more than 5 people must elect representatives, at most 5 (Regulations Art. 20).",
    "工作人员办理期限已过或即将到期的信访件（信访人申请复查、复核的期限不计入）。":
        "Petitions whose staff deadline has passed or is near (petitioners' time limits to request a "
        "review or re-review are not included).",
    "筛选": "Filter",
}

TEMPLATES_PORTAL = {
    "操作过于频繁": "Too many attempts",
    "为保护信访人信息安全，同一网络每小时提交或查询的次数有限制。请在约%(minutes)s分钟后再试。": (
        "To protect petitioners' information, submissions and look-ups from one network are limited "
        "per hour. Please try again in about %(minutes)s minute.",
        "To protect petitioners' information, submissions and look-ups from one network are limited "
        "per hour. Please try again in about %(minutes)s minutes.",
    ),
    "如有急事，也可以通过来信、来电或来访反映。": "If it is urgent, you can also write, call or visit in person.",
    "返回首页": "Back to home",
    "提交未成功，请按提示修改：": "Not submitted. Please correct the following:",
    "首页": "Home",
    "查询办理进度": "Track progress",
    "民声 · 信访事项网上受理与查询": "Minsheng · online submission and tracking of petitions",
    "紧急情况请拨打110、119、120；涉及诉讼、仲裁等事项请通过法定途径解决。":
        "In an emergency call 110, 119 or 120. Matters of litigation, arbitration and the like must go "
        "through legal channels.",
    "有事请说，件件有回音": "Tell us: every matter gets an answer",
    "通过本平台，您可以在网上向信访工作机构反映问题、提出意见建议或检举控告，并随时查询办理进度、评价办理结果。":
        "Here you can raise a problem, make an opinion or suggestion, or file a report/accusation with the "
        "petition office online, then track the progress at any time and rate the outcome.",
    "我要反映问题": "Submit a petition",
    "依法办理，按期答复": "Handled by law, answered on time",
    "依据《信访工作条例》（2022年5月1日起施行）：":
        "Under the Regulations on Petition Work (in force since 1 May 2022):",
    "15日内书面告知": "Written notice within 15 days",
    "有权处理的机关收到您的信访事项后，应在15日内书面告知您是否受理。":
        "The competent authority must tell you in writing within 15 days of receiving your petition "
        "whether it is accepted.",
    "60日内办结": "Concluded within 60 days",
    "自受理之日起60日内办结并出具处理意见；情况复杂的，经批准可延长不超过30日，并告知您延期理由。":
        "It is concluded with a handling opinion within 60 days of acceptance; complex matters may be "
        "extended by up to 30 days with approval, and you are told why.",
    "30日内可申请复查": "Review within 30 days",
    "对处理意见不服的，可在收到之日起30日内请求上一级机关复查；对复查意见不服的，可在30日内请求复核。":
        "If you disagree with the handling opinion, you may request a review by the authority at the next "
        "level up within 30 days of receiving it; if you disagree with the review opinion, you may "
        "request a re-review within 30 days.",
    "提交前请准备": "Before you submit, prepare",
    "您的诉求、事实经过和理由；": "your request, the facts and your reasons;",
    "姓名（单位名称）、住址和联系电话；": "your name (or organization name), address and contact phone;",
    "相关材料的照片或文件（可选）。": "photos or files of relevant materials (optional).",
    "提交后": "After you submit",
    "您会得到信访件编号和查询码。凭这两项可以查询办理进度、评价办理结果、申请复查或复核。请妥善保存查询码，不要告诉他人。":
        "You receive a petition number and a query code. With them you can track the progress, rate the "
        "outcome, and request a review or re-review. Keep the query code safe and do not share it.",
    "不属于信访的事项": "Matters that are not petitions",
    "应当通过诉讼、仲裁、行政复议等法定途径解决的事项，将引导您向有关机关提出。紧急情况请直接拨打110、119、120。":
        "Matters to be resolved through legal channels such as litigation, arbitration or administrative "
        "reconsideration will be referred to the competent authorities. In an emergency call 110, 119 or "
        "120 directly.",
    "办理进度": "Progress",
    "当前办理机关": "Current handling authority",
    "（如需申请，请在此日期前提出）": "(to make a request, do so before this date)",
    "延长%(days)s日": ("Extended by %(days)s day", "Extended by %(days)s days"),
    "请通过法定途径解决": "Please use the legal channel",
    "依据": "Basis",
    "您的评价": "Your rating",
    "复查与复核": "Review and re-review",
    "复核意见为最终意见；同一事实和理由的信访事项不再受理。":
        "The re-review opinion is final; a petition on the same facts and reasons will not be accepted again.",
    "评价办理结果": "Rate the outcome",
    "提交评价": "Submit rating",
    "对处理意见不服的，可以在收到处理意见之日起30日内请求上一级机关复查，复查机关在30日内作出复查意见。":
        "If you disagree with the handling opinion, you may request a review by the authority at the next "
        "level up within 30 days of receiving it; the review body issues its review opinion within 30 days.",
    "对复查意见不服的，可以在收到复查意见之日起30日内请求复查机关的上一级机关复核，复核机关在30日内作出复核意见。":
        "If you disagree with the review opinion, you may request a re-review by the authority above the "
        "review body within 30 days of receiving it; the re-review body issues its opinion within 30 days.",
    "退出查询": "Leave tracking",
    "在公共电脑上查询后，请点击退出。": "On a public computer, please leave tracking when you are done.",
    "带 * 的为必填项。提交后将显示信访件编号和查询码。":
        "Fields marked * are required. After submitting you will see the petition number and query code.",
    "反映的事项": "Your matter",
    "如何选择类别？": "Which type should I choose?",
    "请求解决您本人或单位的具体问题。": "Ask for a specific problem of yours or your organization to be solved.",
    "对工作提出批评、意见或建议。": "Criticize the authorities' work or make opinions or suggestions.",
    "反映公职人员或单位的违法违纪行为；可以匿名，检举人信息严格保密。":
        "Report violations of law or discipline by public officials or units; you may stay anonymous, "
        "and the informant's identity is kept strictly confidential.",
    "信访人信息": "About you",
    "材料": "Materials",
    "个人信息处理": "Personal information",
    "提交": "Submit",
    "请只点击一次；网络较慢时重复提交也只会登记一件。":
        "Please click only once; even if a slow network makes you submit again, only one petition is "
        "registered.",
    "提交成功": "Submitted",
    "您的信访事项已登记。请记下以下两项，凭它们查询办理进度：":
        "Your petition has been registered. Note down these two items; you need them to track the progress:",
    "查询码只显示这一次，请立即抄写、截图或复制保存。":
        "The query code is shown only this once. Write it down, take a screenshot or copy it now.",
    "查询码遗失后无法在网上查询。请勿将查询码告诉他人。":
        "If you lose the query code you cannot track the petition online. Do not share the query code.",
    "接下来": "What happens next",
    "信访部门将在15日内将您的事项转送或交办给有权处理的机关；":
        "within 15 days the petition office forwards or assigns your matter to the competent authority;",
    "有权处理的机关在收到后15日内书面告知您是否受理；":
        "within 15 days of receiving it, that authority tells you in writing whether it is accepted;",
    "受理后60日内办结并出具处理意见。": "within 60 days of acceptance it is concluded with a handling opinion.",
    "查看办理进度": "View progress",
    "请输入提交时得到的信访件编号和查询码。": "Enter the petition number and query code you received when submitting.",
    "查询": "Look up",
}

# The legal basis of each workflow step (minsheng/petitions/workflow.py STEPS, shown on the case page).
# Translated ahead: the msgids appear in the .po once the basis strings are marked for translation.
LEGAL_BASIS = {
    "条例第19、36条": "Regulations Arts. 19, 36",
    "条例第21条": "Regulations Art. 21",
    "条例第22、23条": "Regulations Arts. 22, 23",
    "条例第23、34条": "Regulations Arts. 23, 34",
    "条例第23条": "Regulations Art. 23",
    "条例第31条": "Regulations Art. 31",
    "条例第32、35条": "Regulations Arts. 32, 35",
    "条例第33条": "Regulations Art. 33",
    "条例第34条": "Regulations Art. 34",
    "条例第35、36条": "Regulations Arts. 35, 36",
    "条例第35条": "Regulations Art. 35",
    "条例第36条": "Regulations Art. 36",
}

# Optional citizen accounts on the portal (minsheng/portal/accounts.py, templates/portal/).
CITIZEN_ACCOUNTS = {
    "用户名或手机号": "Username or mobile number",
    "可以使用字母、数字和 @ . + - _，也可以直接使用手机号。": "Letters, digits and @ . + - _ may be used; a mobile number will do.",
    "称呼（可不填）": "How to address you (optional)",
    "页面上如何称呼您；不必填写真实姓名。": "How the pages address you; it need not be your real name.",
    "再次输入密码": "Password again",
    "请再输入一次，以免输错。": "Enter it once more to avoid a typing mistake.",
    "注册成功。今后登录后提交的信访件会列在“我的信访”中。": "Your account is ready. Petitions you submit while logged in will be listed under “My petitions”.",
    "工作人员请从工作人员登录页面登录。": "Staff, please sign in on the staff login page.",
    "该用户名已被使用，请换一个。": "This username is taken; please choose another.",
    "我的信访": "My petitions",
    "注册": "Sign up",
    "还没有账号？<a href=\"%(signup_url)s\">注册</a>（提交信访件不需要账号）": "No account yet? <a href=\"%(signup_url)s\">Sign up</a> (a petition does not need one)",
    "登录后提交的信访件列在这里，查看进度无需输入查询码。": "Petitions submitted while logged in are listed here; their progress opens without the query code.",
    "您还没有通过本账号提交过信访件。": "You have not submitted a petition from this account yet.",
    "未登录时提交的信访件不会列在这里，请凭编号和查询码查询。": "Petitions submitted without logging in are not listed here; look them up with their number and query code.",
    "注册群众账号": "Sign up for a citizen account",
    "不注册也可以提交信访件并凭查询码查询。注册后，登录时提交的信访件会集中列在“我的信访”中。": "You can submit a petition and look it up with its query code without an account. With one, petitions you submit while logged in are gathered under “My petitions”.",
    "已有账号？<a href=\"%(login_url)s\">登录</a>": "Already have an account? <a href=\"%(login_url)s\">Log in</a>",
    "您已登录，本件提交后也会列在<a href=\"%(mine_url)s\">我的信访</a>中。": "You are logged in: this petition will also be listed under <a href=\"%(mine_url)s\">My petitions</a>.",
}
# fmt: on

TEXTMINE = {
    "文本智能": "Text intelligence",
    "找不到文件：%(path)s": "File not found: %(path)s",
    "文件 %(path)s 缺少列：%(missing)s（现有列：%(header)s）": "File %(path)s lacks the column(s) %(missing)s (columns found: %(header)s)",
    "文件 %(path)s 不是 UTF-8 编码：%(error)s": "File %(path)s is not UTF-8 encoded: %(error)s",
    "文件 %(path)s 不是有效的 CSV：%(error)s": "File %(path)s is not a valid CSV file: %(error)s",
    "文件 %(path)s 没有数据行": "File %(path)s has no data rows",
    "--split 必须在 0 和 1 之间": "--split must be between 0 and 1",
    "分类模型：在文件上评估（evaluate），或用已确认的分类训练并发布（train）": "Routing model: evaluate on files (evaluate), or train on confirmed categories and publish (train)",
    "在 CSV 文件上与基线对比评估，输出一行 JSON": "Evaluate against the baseline on CSV files and print one JSON line",
    "训练集 CSV": "Training CSV",
    "测试集 CSV": "Test CSV",
    "单个 CSV，按 --split 分层留出测试集": "A single CSV; a stratified test set is held out by --split",
    "--data 不能与 --train/--test 同时使用": "--data cannot be combined with --train/--test",
    "请给出 --train 和 --test，或 --data": "Give --train and --test, or --data",
    "版本": "Version",
    "训练时间": "Trained at",
    "训练样本数": "Training examples",
    "评估指标": "Scores",
    "模型文件": "Model file",
    "分类模型": "Routing model",
    "训练数据至少需要两个分类": "The training data needs at least two categories",
    "依据词语：": "Key words: ",
    "已为%(n)s件待转送/交办的信访件生成分派建议。": "Routing proposals made for %(n)s cases waiting to be forwarded or assigned.",
    "仅需人工分派": "Needing manual routing only",
    "建议分类": "Proposed category",
    "建议责任单位": "Proposed responsible unit",
    "分类置信度": "Category confidence",
    "单位置信度": "Unit confidence",
    "需人工分派": "Manual routing",
    "分类模型没有把握时标记，由登记员人工判断": "Set when the routing model is not sure; the clerk decides",
    "问题分类": "Problem category",
    "区域": "Area",
    "已更正": "Corrected",
    "用数据库中已确认的分类和分派（或 CSV）训练并发布新模型": "Train and publish a new model from the confirmed categories and routings in the database (or a CSV)",
    "预测对象：category（问题分类）、unit（责任单位）或 all": "What to predict: category, unit or all",
    "改用 CSV 文件训练（预测对象默认为 category）": "Train from a CSV file instead (predicting the category unless --target says otherwise)",
    "跳过 %(target)s：已确认的类别不足两个": "Skipped %(target)s: fewer than two confirmed labels",
    "预测对象": "Predicts",
    "建议": "Proposed",
    "置信度": "Confidence",
    "人工确定": "Chosen by a person",
    "分派反馈": "Routing feedback",
    "填写标题和诉求后，这里会显示分类建议、内容相近的信访件和该信访人以前的信访件。": "Once the title and request are filled in, the proposed category, cases with nearly the same text and the petitioner's earlier cases appear here.",
    "分类与派单建议": "Proposed category and unit",
    "建议责任单位：": "Proposed responsible unit: ",
    "已按建议预填分类，请核对。": "The category was pre-filled from the proposal; please check it.",
    "尚无可用的分类模型（manage.py router train）。": "No routing model yet (manage.py router train).",
    "该信访人以前的信访件": "The petitioner's earlier cases",
    "内容相近的信访件": "Cases with nearly the same text",
    "相似度 %(pct)s": "similarity %(pct)s",
    "可能重复": "Possible repeat",
    "由分类模型根据以往已确认的分类和分派给出；置信度达到 %(pct)s 时已预填到转送/交办表单，低于时需人工判断。": "Proposed by the routing models from earlier confirmed categories and routings; from a confidence of %(pct)s the forward/assign form is pre-filled, below it a person decides.",
    "同一事项共 %(n)s 人反映。": ("%(n)s person raised this matter.", "%(n)s people raised this matter."),
    "登记辅助": "Registration assistant",
}

CATALOGUE: dict[str, str | tuple[str, str]] = {}
for _group in (
    SETTINGS_ACCOUNTS,
    API,
    AUDIT_CORE,
    DEMO,
    ORGS_PEOPLE,
    PETITIONS_CORE,
    DOCUMENTS,
    PETITION_FORMS,
    PETITION_SERVICES,
    PETITION_VIEWS,
    WORKFLOW,
    PORTAL_FORMS_VIEWS,
    TEMPLATES_ADMIN_BASE,
    TEMPLATES_STAFF,
    TEMPLATES_PORTAL,
    LEGAL_BASIS,
    CITIZEN_ACCOUNTS,
    TEXTMINE,
):
    _clash = CATALOGUE.keys() & _group.keys()
    assert not _clash, f"msgids translated twice: {sorted(_clash)}"
    CATALOGUE.update(_group)

# Each area may keep its translations in its own en_catalogue_<area>.py (``CATALOGUE_PART``), so that
# work on different apps never edits the same table.
for _path in sorted(Path(__file__).resolve().parent.glob("en_catalogue_*.py")):
    _group = runpy.run_path(str(_path))["CATALOGUE_PART"]
    _clash = {k for k in CATALOGUE.keys() & _group.keys() if CATALOGUE[k] != _group[k]}
    assert not _clash, f"msgids translated differently ({_path.name}): {sorted(_clash)}"
    CATALOGUE.update(_group)
