"""Reminders to users: one place that stores them, de-duplicates them and sends the e-mail."""

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.utils import timezone

from minsheng.notices.models import Notice


def notify(*, user, key: str, subject: str, body: str = "", url: str = "") -> Notice | None:
    """Remind ``user`` of ``key`` once; a second call with the same key does nothing and returns None.

    Safe to call from periodic scans and inside a caller's transaction: the insert runs in a savepoint,
    so a duplicate does not spoil the caller's work. The e-mail (if the user has an address) leaves
    after the commit, so a rolled-back write sends nothing.
    """
    if user is None or not getattr(user, "is_active", False):
        return None
    if Notice.objects.filter(user=user, key=key).exists():
        return None
    try:
        with transaction.atomic():
            notice = Notice.objects.create(user=user, key=key, subject=subject[:200], body=body, url=url)
    except IntegrityError:  # a concurrent scan reminded first
        return None
    if user.email:
        transaction.on_commit(lambda: _mail(notice))
    return notice


def _mail(notice: Notice) -> None:
    text = notice.body + (f"\n\n{settings.MINSHENG_BASE_URL}{notice.url}" if notice.url else "")
    send_mail(notice.subject, text, None, [notice.user.email], fail_silently=True)


def notices_mark_read(*, user, ids: list[int] | None = None) -> int:
    """Mark the user's notices read (all unread ones when ``ids`` is None)."""
    unread = Notice.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return Notice.objects.filter(user=user, read_at__isnull=True).count()
