from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from minsheng.notices.models import Notice
from minsheng.notices.services import notices_mark_read

PAGE = 100


@login_required
def inbox(request):
    notices = Notice.objects.filter(user=request.user)[:PAGE]
    return render(request, "notices/inbox.html", {"notices": notices, "nav": "notices"})


@login_required
@require_POST
def mark_read(request):
    notices_mark_read(user=request.user)
    return redirect("notices:inbox")
