"""Configurable rule numbers of service records; override in ``settings.MINSHENG["VOLUNTEER_SERVICE"]``.

Star thresholds follow the national practice (全国志愿服务信息系统 星级认定): cumulative approved hours
of 100 / 300 / 600 / 1000 / 1500 make one to five stars.
"""

from django.conf import settings

DEFAULTS = {
    # Cumulative approved hours for 1★ … 5★, ascending.
    "STAR_HOURS": (100, 300, 600, 1000, 1500),
    # A volunteer is "active" with an approved record that started within this many months.
    "ACTIVE_MONTHS": 12,
    # A check-in link (QR) stays valid this many hours after its shift ends, for a late check-out.
    "CHECKIN_GRACE_HOURS": 6,
    # …and opens this many hours before the shift starts (volunteers arrive early; minutes still
    # count only from the shift's start).
    "CHECKIN_OPENS_HOURS": 2,
    # Verification codes on certificates: length and the alphabet (no 0/O, 1/I/L, 2/Z, 5/S confusions).
    "CODE_LENGTH": 12,
    "CODE_ALPHABET": "346789ABCDEFGHJKMNPQRTUVWXY",
    # A single record longer than this is refused as a typing error (minutes).
    "MAX_RECORD_MINUTES": 24 * 60,
    # Public verification page: requests per client address per hour.
    "VERIFY_PER_HOUR": 60,
}


def get(key: str):
    return settings.MINSHENG.get("VOLUNTEER_SERVICE", {}).get(key, DEFAULTS[key])
