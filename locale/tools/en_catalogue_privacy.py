# ruff: noqa: E501  (a table keyed by whole Chinese sentences reads best one entry a line)
"""English translations of personal-data retention, purge and subject access (minsheng/people)."""

# fmt: off
CATALOGUE_PART = {
    # Retention table (retention_conf.py)
    "信访件（含代表、附件）": "Petitions (with representatives and attachments)",
    "办结之日（终结、不予受理、导入法定途径也算办结）": "Day of closing (final, not accepted or redirected to a legal channel count as closing)",
    "信访档案按机关档案保管期限表保管，一般信访事项定期10年；期满后个人信息清除，统计项保留": "Petition files are kept under the organ's archive retention schedule, 10 years for ordinary matters; afterwards personal data is erased and the statistical fields are kept",
    "领导接访预约": "Bookings for leaders' reception days",
    "接访日；已登记为信访件的随信访件保管": "The reception day; a booking registered as a petition is kept with the petition",
    "预约只为安排接待；登记为信访件后按信访档案保管": "A booking only arranges the meeting; once registered as a petition it is kept as a petition file",
    "接诉即办工单": "Hotline work orders",
    "办结之日": "Day of closing",
    "工单档案一般保管5年，满足回访、考核和复核需要": "Work-order files are usually kept 5 years, for return visits, assessment and review",
    "答复或作出决定之日": "Day of the reply or decision",
    "建议办理材料保管5年；已采纳建议的内容已公开，只清除建议人身份和个人化答复": "Suggestion files are kept 5 years; adopted proposals are already public, so only the proposer's identity and personal replies are erased",
    "登记之日（撤回时已立即清除）": "Day of registration (a withdrawal erases at once)",
    "个人信息保护法第19条：保存期限为实现处理目的所必要的最短时间；撤回同意即时删除": "Personal Information Protection Law Art. 19: kept for the shortest time the purpose needs; withdrawing consent deletes at once",
    "志愿者（已注销）": "Volunteers (deregistered)",
    "注销之日（状态改为已注销的最后修改时间）": "Day of deregistration (the last change that set the status to deregistered)",
    "社会工作者登记在有效期内持续使用，不自动清除；由登记机关按登记管理办法注销后处理": "A social worker's registration is in use while valid and never purged automatically; the registrar deregisters it under the registration rules",
    "（个人信息已按保管期限清除）": "(personal data erased at the end of its retention period)",
    # Models
    "个人信息清除时间": "Personal data erased at",
    "记录类型": "Record type",
    "记录编号": "Record ID",
    "清除时间": "Erased at",
    "个人信息清除记录": "Personal data erasure",
    # Subject export (subject_export.py, views.py, template)
    "接访预约 %(id)s": "Reception booking %(id)s",
    "社会工作者登记": "Social worker registration",
    "志愿者注册": "Volunteer registration",
    "已撤回": "Withdrawn",
    "审计记录": "Audit events",
    "手机号": "Mobile phone",
    "在页面查看": "Show on the page",
    "查找依据": "Find by",
    "号码": "Number",
    "依据（申请编号或法律文书）": "Basis (application number or legal document)",
    "导出格式": "Export format",
    "个人信息查阅与导出": "Subject access and export",
    "依法查阅、复制个人信息请求：按身份证号或手机号查找本平台保存的全部相关记录。每次查阅和导出都记入审计日志。": "Lawful requests to access or copy personal data: find every record this platform holds by ID number or mobile phone. Every view and export is recorded in the audit log.",
    "查找并导出": "Find and export",
    "没有找到与此身份证号或手机号对应的记录。": "No records found for this ID number or mobile phone.",
    "没有与此人关联的业务记录。": "No records are linked to this person.",
    "无": "None",
    "群众记录": "Citizen record",
    "对象": "Target",
    "信访人提交的材料由信访部门保管，不向被投诉单位提供。": "The materials the petitioner sent are kept by the petition bureau and not given to the unit complained about.",
    "志愿服务记录应长期妥善保存，在册志愿者随时可申请服务证明，故不清除；注销满期后清除身份信息，服务时长作为匿名记录保留，已出具的证明仍可查验": "Volunteer service records must be kept for the long term and a registered volunteer may ask for a certificate at any time, so they are not purged; once the period after deregistration has run, the identity is erased, the service hours stay as anonymous records and certificates already issued can still be verified",
}
# fmt: on
