from django import template

from minsheng.registry.newemployment.hours import describe_days

register = template.Library()


@register.filter
def weekdays(days: str) -> str:
    """ "12345" → 周一至周五."""
    return describe_days(days or "")
