"""The default list of skills and qualifications (loaded by migration 0003; staff add more in admin)."""

SKILLS = (
    ("first-aid", "急救证", "qualification"),
    ("driving", "驾驶证", "qualification"),
    ("teacher", "教师资格", "qualification"),
    ("social-worker", "社会工作者职业资格", "qualification"),
    ("nurse", "护士执业资格", "qualification"),
    ("rescue", "应急救援培训合格", "qualification"),
    ("nursing", "医疗护理", "skill"),
    ("counselling", "心理疏导", "skill"),
    ("tutoring", "课业辅导", "skill"),
    ("elderly-care", "助老陪护", "skill"),
    ("sign-language", "手语", "skill"),
    ("foreign-language", "外语翻译", "skill"),
    ("law", "法律咨询", "skill"),
    ("repair", "家电维修", "skill"),
    ("photography", "摄影摄像", "skill"),
    ("computer", "电脑与网络", "skill"),
    ("arts", "文艺表演", "skill"),
    ("sports", "体育指导", "skill"),
    ("environment", "垃圾分类指导", "skill"),
    ("organizing", "活动组织", "skill"),
)
