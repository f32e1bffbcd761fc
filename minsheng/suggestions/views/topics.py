"""The office's topics: create, edit, publish, moderate comments, and the per-topic report."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from minsheng.accounts.roles import Role
from minsheng.core.errors import DomainError, InvalidInput
from minsheng.core.form_fields import apply_errors
from minsheng.core.periods import CHINA
from minsheng.core.sheets import xlsx_response
from minsheng.orgs.models import Unit
from minsheng.suggestions import report, selectors, services
from minsheng.suggestions.forms import ModerateForm, TopicForm
from minsheng.suggestions.models import Comment, TopicAttachment
from minsheng.suggestions.permissions import office_unit_ids
from minsheng.suggestions.views.access import office_page
from minsheng.suggestions.workflow import CommentStatus, S


@office_page
@never_cache
def topic_list(request):
    topics = selectors.topics_of_office(request.user).order_by("-starts_on", "-id")
    return render(request, "suggestions/topics.html", {"topics": topics, "nav": "topics"})


def _form_page(request, form, *, topic=None, status=200):
    return render(
        request, "suggestions/topic_form.html", {"form": form, "topic": topic, "nav": "topics"}, status=status
    )


@office_page
def topic_new(request):
    office = (
        Unit.objects.filter(pk__in=office_unit_ids(request.user, roles=(Role.CLERK,))).order_by("pk").first()
    )
    if office is None:
        raise PermissionDenied(_("只有征集办公室的登记员可以发起征集活动。"))
    if request.method != "POST":
        return _form_page(request, TopicForm())
    form = TopicForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            topic = services.topic_create(
                office=office,
                data=form.topic_input(),
                actor=request.user,
                attachments=tuple(form.cleaned_data["attachments"]),
            )
        except InvalidInput as e:
            apply_errors(form, e)
        except DomainError as e:
            form.add_error(None, str(e.message))
            return _form_page(request, form, status=e.status_code)
        else:
            messages.success(request, _("征集活动已保存，发布后在门户网站显示。"))
            return redirect("suggestions:topic", pk=topic.pk)
    return _form_page(request, form, status=400)


@office_page
@never_cache
def topic(request, pk: int):
    found = selectors.topic_for_office(request.user, pk=pk)
    if request.method == "POST":
        form = TopicForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                services.topic_update(
                    topic=found,
                    data=form.topic_input(),
                    actor=request.user,
                    attachments=tuple(form.cleaned_data["attachments"]),
                )
            except InvalidInput as e:
                apply_errors(form, e)
            except DomainError as e:
                form.add_error(None, str(e.message))
            else:
                messages.success(request, _("已保存。"))
                return redirect("suggestions:topic", pk=pk)
        return _topic_page(request, found, form, status=400)
    initial = {k: getattr(found, k) for k in ("title", "description", "starts_on", "ends_on")}
    return _topic_page(request, found, TopicForm(initial=initial))


def _topic_page(request, found, form, *, status=200):
    return render(
        request,
        "suggestions/topic.html",
        {
            "topic": found,
            "form": form,
            "nav": "topics",
            "attachments": list(found.attachments.order_by("pk")),
            "comments": list(found.comments.order_by("-created_at", "-id")[:200]),
            "moderate_form": ModerateForm(),
            "counts": [(S(k).label, n) for k, n in selectors.counts_by_state(found).items() if n],
        },
        status=status,
    )


@office_page
@require_POST
def topic_publish(request, pk: int):
    found = selectors.topic_for_office(request.user, pk=pk)
    try:
        services.topic_publish(topic=found, actor=request.user, now=timezone.now())
    except DomainError as e:
        messages.error(request, e.message)
        return redirect("suggestions:topic", pk=pk)
    messages.success(request, _("征集活动已发布。"))
    return redirect("suggestions:topic", pk=pk)


@office_page
def topic_attachment(request, pk: int, token: str):
    found = selectors.topic_for_office(request.user, pk=pk)
    return serve_attachment(get_object_or_404(TopicAttachment, topic=found, token=token))


def serve_attachment(item: TopicAttachment):
    try:
        handle = item.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    return FileResponse(
        handle, as_attachment=True, filename=item.original_name, content_type=item.content_type
    )


@office_page
@never_cache
def comments(request):
    pending = selectors.pending_comments(request.user)[:200]
    return render(
        request,
        "suggestions/comments.html",
        {"comments": pending, "moderate_form": ModerateForm(), "nav": "comments"},
    )


@office_page
@require_POST
def moderate(request, pk: int, verdict: str):
    comment = get_object_or_404(
        Comment.objects.select_related("topic"), pk=pk, topic__office_id__in=office_unit_ids(request.user)
    )
    if verdict not in ("approve", "reject"):
        raise Http404
    form = ModerateForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    try:
        services.comment_moderate(
            comment=comment,
            actor=request.user,
            now=timezone.now(),
            approve=verdict == "approve",
            reason=reason,
        )
    except DomainError as e:
        messages.error(request, e.message)
        return render(
            request,
            "suggestions/comments.html",
            {
                "comments": selectors.pending_comments(request.user)[:200],
                "moderate_form": form,
                "nav": "comments",
            },
            status=e.status_code,
        )
    done = CommentStatus.PUBLISHED.label if verdict == "approve" else CommentStatus.REJECTED.label
    messages.success(request, _("评论已处理：%(result)s。") % {"result": done})
    if request.POST.get("next") == "topic":
        return redirect("suggestions:topic", pk=comment.topic_id)
    return redirect("suggestions:comments")


@office_page
@never_cache
def topic_report(request, pk: int):
    found = selectors.topic_for_office(request.user, pk=pk)
    data = report.topic_report(found)
    return render(
        request,
        "suggestions/report.html",
        {"r": data, "topic": found, "nav": "topics", "rows": report.report_rows(data)},
    )


@office_page
def topic_report_xlsx(request, pk: int):
    found = selectors.topic_for_office(request.user, pk=pk)
    content = report.report_xlsx(report.topic_report(found))
    return xlsx_response(content, _("征集报告-%(title)s.xlsx") % {"title": found.title[:40]})


@office_page
def topic_report_pdf(request, pk: int):
    found = selectors.topic_for_office(request.user, pk=pk)
    pdf = report.report_pdf(report.topic_report(found), today=timezone.now().astimezone(CHINA).date())
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="topic-{found.pk}-report.pdf"'
    return response
