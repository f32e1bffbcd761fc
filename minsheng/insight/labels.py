"""Names of the codes stored in rollups (channels, states, kinds, categories), per source."""

from django.utils.translation import gettext_lazy as _

from minsheng.insight.models import Source


def channels(source: str) -> dict[str, str]:
    if source == Source.HOTLINE:
        from minsheng.hotline.workflow import Channel
    elif source == Source.VOLUNTEER:
        from minsheng.volunteers.service.models import Source as Channel
    else:  # petitions and suggestions share the channels of Art. 17
        from minsheng.petitions.workflow import Channel
    return {value: str(label) for value, label in Channel.choices}


def states(source: str) -> dict[str, str]:
    if source == Source.HOTLINE:
        from minsheng.hotline.workflow import S
    elif source == Source.SUGGESTION:
        from minsheng.suggestions.workflow import S
    elif source == Source.VOLUNTEER:
        from minsheng.volunteers.service.models import Status as S
    else:
        from minsheng.petitions.workflow import S
    return {value: str(label) for value, label in S.choices}


def kinds(source: str) -> dict[str, str]:
    if source == Source.HOTLINE:
        from minsheng.hotline.workflow import Kind
    elif source == Source.PETITION:
        from minsheng.petitions.workflow import Kind
    else:
        return {}
    return {value: str(label) for value, label in Kind.choices}


def categories(source: str, keys) -> dict[str, str]:
    """{stored category key: name} for ``keys`` (one query, none for volunteer service areas)."""
    keys = [k for k in keys if k]
    if source == Source.VOLUNTEER:
        from minsheng.volunteers.models import ServiceArea

        return {value: str(label) for value, label in ServiceArea.choices}
    if not keys:
        return {}
    ids = [int(k) for k in keys if k.isdigit()]
    if source == Source.HOTLINE:
        from minsheng.hotline.models import Category

        pairs = Category.objects.filter(pk__in=ids).values_list("pk", "name")
    elif source == Source.SUGGESTION:
        from minsheng.suggestions.models import Topic

        pairs = Topic.objects.filter(pk__in=ids).values_list("pk", "title")
    else:
        from minsheng.petitions.models import Category

        pairs = Category.objects.filter(pk__in=ids).values_list("pk", "name")
    return {str(pk): name for pk, name in pairs}


def category_choices(source: str) -> list[tuple[str, str]]:
    """Every category of ``source`` for the filter form (reference tables, small)."""
    if source == Source.VOLUNTEER:
        from minsheng.volunteers.models import ServiceArea

        return [(v, str(label)) for v, label in ServiceArea.choices]
    if source == Source.HOTLINE:
        from minsheng.hotline.models import Category

        return [(str(pk), name) for pk, name in Category.objects.values_list("pk", "name")]
    if source == Source.SUGGESTION:
        from minsheng.suggestions.models import Topic

        return [
            (str(pk), t) for pk, t in Topic.objects.order_by("-starts_on").values_list("pk", "title")[:200]
        ]
    from minsheng.petitions.models import Category

    return [(str(pk), name) for pk, name in Category.objects.values_list("pk", "name")]


NO_CATEGORY = _("未分类")
