"""The demo jurisdiction: an invented province, its units, petition domains and staff logins.

Every region code starts with "99" so the demo can never be mistaken for (or clash with) a real
administrative division. Nothing here comes from a real data set.
"""

from django.utils.translation import gettext_lazy as _

from minsheng.accounts.roles import Role
from minsheng.orgs.models import Region, Unit

# The demo is present when this region exists (a second `make demo` only prints the logins).
MARKER_REGION = "990000"

L = Region.Level
# (code, name, level, parent code)
REGIONS = (
    ("990000", "江南省", L.PROVINCE, None),
    ("990100", "云州市", L.CITY, "990000"),
    ("990102", "青川区", L.COUNTY, "990100"),
    ("990103", "白石区", L.COUNTY, "990100"),
    ("990102001", "东湖街道", L.STREET, "990102"),
    ("990102002", "西山街道", L.STREET, "990102"),
    ("990102003", "南门街道", L.STREET, "990102"),
    ("990102101", "柳溪镇", L.STREET, "990102"),
    ("990103001", "白石街道", L.STREET, "990103"),
    ("990103002", "北湾街道", L.STREET, "990103"),
    ("990102001001", "东湖社区", L.COMMUNITY, "990102001"),
    ("990102001002", "湖滨社区", L.COMMUNITY, "990102001"),
    ("990102002001", "西山社区", L.COMMUNITY, "990102002"),
    ("990102002002", "枫林社区", L.COMMUNITY, "990102002"),
    ("990102003001", "南门社区", L.COMMUNITY, "990102003"),
    ("990102101201", "柳溪村", L.COMMUNITY, "990102101"),
    ("990102101202", "桃源村", L.COMMUNITY, "990102101"),
    ("990103001001", "白石社区", L.COMMUNITY, "990103001"),
    ("990103002001", "北湾社区", L.COMMUNITY, "990103002"),
)

K = Unit.Kind
# key → (name, short name, kind, region code)
UNITS = {
    "province_bureau": ("江南省信访局", "省信访局", K.PETITION_BUREAU, "990000"),
    "city_bureau": ("云州市信访局", "市信访局", K.PETITION_BUREAU, "990100"),
    "bureau": ("青川区信访局", "区信访局", K.PETITION_BUREAU, "990102"),
    "government": ("青川区人民政府", "区政府", K.GOVERNMENT, "990102"),
    "housing": ("青川区住房和城乡建设局", "区住建局", K.DEPARTMENT, "990102"),
    "labour": ("青川区人力资源和社会保障局", "区人社局", K.DEPARTMENT, "990102"),
    "environment": ("云州市生态环境局青川分局", "生态环境分局", K.DEPARTMENT, "990102"),
    "market": ("青川区市场监督管理局", "区市场监管局", K.DEPARTMENT, "990102"),
    "education": ("青川区教育局", "区教育局", K.DEPARTMENT, "990102"),
    "health": ("青川区卫生健康局", "区卫健局", K.DEPARTMENT, "990102"),
    "transport": ("青川区交通运输局", "区交通局", K.DEPARTMENT, "990102"),
    "urban": ("青川区城市管理局", "区城管局", K.DEPARTMENT, "990102"),
    "politics_law": ("中共青川区委政法委员会", "区委政法委", K.POLITICS_LAW, "990102"),
    "discipline": ("青川区纪委监委", "区纪委监委", K.DISCIPLINE, "990102"),
    "donghu": ("东湖街道办事处", "东湖街道", K.STREET_OFFICE, "990102001"),
    "xishan": ("西山街道办事处", "西山街道", K.STREET_OFFICE, "990102002"),
    "nanmen": ("南门街道办事处", "南门街道", K.STREET_OFFICE, "990102003"),
    "liuxi": ("柳溪镇人民政府", "柳溪镇", K.STREET_OFFICE, "990102101"),
    "social_work": ("中共青川区委社会工作部", "区委社会工作部", K.SOCIAL_WORK, "990102"),
    "b_social_work": ("中共白石区委社会工作部", "白石区委社会工作部", K.SOCIAL_WORK, "990103"),
    "hotline_centre": ("青川区接诉即办中心", "区接诉即办中心", K.HOTLINE_CENTRE, "990102"),
    "b_bureau": ("白石区信访局", "白石区信访局", K.PETITION_BUREAU, "990103"),
    "b_housing": ("白石区住房和城乡建设局", "白石区住建局", K.DEPARTMENT, "990103"),
    "b_labour": ("白石区人力资源和社会保障局", "白石区人社局", K.DEPARTMENT, "990103"),
    "baishi": ("白石街道办事处", "白石街道", K.STREET_OFFICE, "990103001"),
    "beiwan": ("北湾街道办事处", "北湾街道", K.STREET_OFFICE, "990103002"),
}

R = Role
# username → (display name, what the person does (printed with the logins), [(unit key, roles)],
#              extra user fields)
USERS = {
    "clerk": ("周敏", _("区信访局登记员"), [("bureau", (R.CLERK,))], {}),
    "leader": ("陈立华", _("区信访局领导"), [("bureau", (R.LEADER,))], {}),
    "handler": ("李强", _("区住建局承办人"), [("housing", (R.HANDLER,))], {}),
    "head": ("王建国", _("区住建局负责人"), [("housing", (R.HEAD, R.HANDLER))], {}),
    "city": ("赵静", _("市信访局（复查机关）"), [("city_bureau", (R.CLERK, R.HEAD, R.LEADER))], {}),
    "province": ("孙海涛", _("省信访局（复核机关）"), [("province_bureau", (R.CLERK, R.HEAD, R.LEADER))], {}),
    "admin": (
        "系统管理员",
        _("超级管理员"),
        [("bureau", (R.ADMIN,))],
        {"is_staff": True, "is_superuser": True},
    ),
    "citizen": ("刘小梅", _("群众（门户账号）"), [], {"is_citizen": True}),
    "renshe": ("吴芳", _("区人社局承办人/负责人"), [("labour", (R.HANDLER, R.HEAD))], {}),
    "huanjing": ("郑毅", _("生态环境分局承办人/负责人"), [("environment", (R.HANDLER, R.HEAD))], {}),
    "shijian": ("何丽", _("区市场监管局承办人/负责人"), [("market", (R.HANDLER, R.HEAD))], {}),
    "jiaoyu": ("林涛", _("区教育局承办人/负责人"), [("education", (R.HANDLER, R.HEAD))], {}),
    "weijian": ("许晴", _("区卫健局承办人/负责人"), [("health", (R.HANDLER, R.HEAD))], {}),
    "jiaotong": ("马超", _("区交通局承办人/负责人"), [("transport", (R.HANDLER, R.HEAD))], {}),
    "chengguan": ("高峰", _("区城管局承办人/负责人"), [("urban", (R.HANDLER, R.HEAD))], {}),
    "zhengfa": ("邓磊", _("区委政法委承办人/负责人"), [("politics_law", (R.HANDLER, R.HEAD))], {}),
    "jiwei": ("梁洁", _("区纪委监委承办人/负责人"), [("discipline", (R.HANDLER, R.HEAD))], {}),
    "quzhengfu": ("曹阳", _("区政府承办人/负责人"), [("government", (R.HANDLER, R.HEAD))], {}),
    "jiedao": (
        "潘红",
        _("青川区各街道（镇）承办人/负责人"),
        [(k, (R.HANDLER, R.HEAD)) for k in ("donghu", "xishan", "nanmen", "liuxi")],
        {},
    ),
    "clerk2": ("袁波", _("白石区信访局登记员"), [("b_bureau", (R.CLERK, R.LEADER))], {}),
    "handler2": (
        "方琳",
        _("白石区住建局、人社局、街道承办人/负责人"),
        [(k, (R.HANDLER, R.HEAD)) for k in ("b_housing", "b_labour", "baishi", "beiwan")],
        {},
    ),
    "registrar": (
        "黄蕾",
        _("区委社会工作部：社会组织、两新组织、新就业群体、志愿服务与社工人才登记"),
        [("social_work", (R.REGISTRAR, R.LEADER))],
        {},
    ),
    "registrar2": ("田野", _("白石区委社会工作部登记管理员"), [("b_social_work", (R.REGISTRAR,))], {}),
    "jianyi": ("顾晓", _("区委社会工作部人民建议征集"), [("social_work", (R.CLERK,))], {}),
    "operator": ("韩冰", _("区接诉即办中心话务派单员"), [("hotline_centre", (R.OPERATOR,))], {}),
    "dispatch": (
        "秦峰",
        _("区接诉即办中心负责人（审核退单）"),
        [("hotline_centre", (R.OPERATOR, R.HEAD, R.LEADER))],
        {},
    ),
    # Manages volunteer teams (志愿服务队) made by the volunteers demo; holds no government role.
    "organizer": ("蒋文", _("志愿服务队负责人"), [], {}),
    "volunteer": ("宋雨", _("志愿者（门户账号）"), [], {"is_citizen": True}),
}

# Who acts for a unit in the demo: the bureau's clerk, or a department's handler and head.
CLERK_OF = {"bureau": "clerk", "b_bureau": "clerk2", "city_bureau": "city", "province_bureau": "province"}
HANDLER_OF = {
    "housing": "handler", "labour": "renshe", "environment": "huanjing", "market": "shijian",
    "education": "jiaoyu", "health": "weijian", "transport": "jiaotong", "urban": "chengguan",
    "politics_law": "zhengfa", "discipline": "jiwei", "government": "quzhengfu",
    "donghu": "jiedao", "xishan": "jiedao", "nanmen": "jiedao", "liuxi": "jiedao",
    "b_housing": "handler2", "b_labour": "handler2", "baishi": "handler2", "beiwan": "handler2",
}  # fmt: skip
HEAD_OF = HANDLER_OF | {"housing": "head"}

# (code, name, [(code, name)]): the domains of petitions, two levels.
CATEGORIES = (
    ("01", "城乡建设", (("0101", "住房保障与物业"), ("0102", "城市规划与建设"), ("0103", "房屋征收"),
                       ("0104", "老旧小区改造"))),
    ("02", "劳动和社会保障", (("0201", "劳动报酬"), ("0202", "社会保险"), ("0203", "就业创业"))),
    ("03", "生态环境", (("0301", "噪声污染"), ("0302", "大气污染"), ("0303", "水污染"))),
    ("04", "市场监管", (("0401", "食品安全"), ("0402", "消费维权"), ("0403", "价格监督"))),
    ("05", "教育", (("0501", "入学与学区"), ("0502", "校外培训"), ("0503", "教育收费"))),
    ("06", "卫生健康", (("0601", "医疗服务"), ("0602", "医疗保障"), ("0603", "公共卫生"))),
    ("07", "交通运输", (("0701", "公共交通"), ("0702", "道路建设与养护"), ("0703", "出租车与网约车"))),
    ("08", "政法", (("0801", "涉法涉诉"), ("0802", "治安管理"))),
    ("09", "纪检监察", (("0901", "违反中央八项规定精神"), ("0902", "滥用职权"), ("0903", "作风问题"))),
    ("10", "其他", (("1001", "城市管理"), ("1002", "农村农业"), ("1003", "其他事项"))),
)  # fmt: skip
