"""Comments on any part of a dossier: threads, replies, edits, resolve and reopen."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from netwerken import bounds
from netwerken.fields import too_long_message
from netwerken.keep import form_data, login_required_keeping_post
from netwerken.permissions import COMMENT, INTERNAL

from . import anchors
from .access import dossier_for
from .forms_comments import CommentVisibilityForm
from .models import Comment, Section
from .services import Refused, comment_post
from .views import dossier_context


def _threads(nota, access, **filters):
    replies = Comment.objects.visible_to(access).select_related("author")
    return (
        Comment.objects.filter(nota=nota, **filters)
        .visible_to(access)
        .threads()
        .select_related("author", "resolved_by")
        .prefetch_related(Prefetch("replies", queryset=replies))
    )


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def comments(request, pk):
    """The threads on one part (?section=&anchor=), or all open threads of the dossier."""
    nota, access = dossier_for(request.user, pk)
    section = request.GET.get("section") or request.POST.get("section")
    anchor = request.GET.get("anchor") or request.POST.get("anchor") or "section"
    data = form_data(request)
    error = None
    if section:
        section, label = anchors.resolve(nota, section, anchor)
        if request.method == "POST":
            if not access.can(COMMENT):
                raise PermissionDenied
            visibility_form = CommentVisibilityForm(request.POST)
            if not visibility_form.is_valid():
                error = visibility_form.errors["visibility"][0]
            else:
                visibility = visibility_form.cleaned_data["visibility"]
                if visibility == Comment.Visibility.INTERNAL and not access.can(INTERNAL):
                    raise PermissionDenied
                try:
                    comment_post(
                        nota=nota, user=request.user, body=request.POST.get("body", ""),
                        section=section, anchor=anchor, anchor_label=label, visibility=visibility,
                    )
                except Refused as refused:
                    error = str(refused)
                else:
                    messages.success(request, _("Your comment has been placed."))
                    return redirect(anchors.comments_url(nota, section, anchor))
        threads = _threads(nota, access, section=section, anchor=anchor)
    else:
        if request.method == "POST":
            raise PermissionDenied
        label = None
        show = request.GET.get("toon", "open")
        threads = _threads(nota, access)
        if show == "open":
            threads = threads.filter(resolved_at__isnull=True)
    context = dossier_context(
        nota,
        access,
        comment_section=section,
        anchor=anchor,
        anchor_label=label,
        threads=threads,
        body=(data or {}).get("body", ""),
        error=error,
        section_labels=dict(Section.choices),
        show=request.GET.get("toon", "open"),
    )
    return render(request, "dossiers/comments.html", context, status=400 if error else 200)


def _comment(nota, access, comment_pk):
    return get_object_or_404(Comment.objects.filter(nota=nota).visible_to(access), pk=comment_pk)


@login_required_keeping_post
@require_POST
def comment_reply(request, pk, comment_pk):
    nota, access = dossier_for(request.user, pk, COMMENT)
    parent = _comment(nota, access, comment_pk)
    if parent.parent_id:
        parent = parent.parent
    try:
        comment_post(
            nota=nota, user=request.user, body=request.POST.get("body", ""), parent=parent,
            section="", anchor="", anchor_label="", visibility="",
        )
    except Refused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, _("Your reply has been placed."))
    return redirect(anchors.comments_url(nota, parent.section, parent.anchor) + f"#c{parent.pk}")


@login_required_keeping_post
@require_http_methods(["GET", "POST"])
def comment_edit(request, pk, comment_pk):
    nota, access = dossier_for(request.user, pk)
    comment = _comment(nota, access, comment_pk)
    if comment.author_id != request.user.pk:
        raise PermissionDenied
    error = None
    data = form_data(request)
    if request.method == "POST":
        body = request.POST.get("body", "").strip()
        if len(body) > bounds.TEXT:
            error = too_long_message(bounds.TEXT, len(body))
        elif body:
            comment.edit(body)
            messages.success(request, _("Your comment has been changed."))
            thread = comment.parent or comment
            return redirect(anchors.comments_url(nota, thread.section, thread.anchor) + f"#c{thread.pk}")
        else:
            error = _("The comment is empty.")
    context = dossier_context(
        nota, access, comment=comment, body=(data or {}).get("body", comment.body), error=error
    )
    return render(request, "dossiers/comment_edit.html", context, status=400 if error else 200)


@login_required
@require_POST
def comment_resolve(request, pk, comment_pk):
    nota, access = dossier_for(request.user, pk, COMMENT)
    thread = _comment(nota, access, comment_pk)
    if thread.parent_id:
        raise PermissionDenied
    may = access.can_edit or access.can_review or thread.author_id == request.user.pk
    if not may:
        raise PermissionDenied
    if request.POST.get("reopen"):
        thread.reopen()
        messages.success(request, _("The thread is open again."))
    else:
        thread.resolve(request.user)
        messages.success(request, _("The thread is marked as resolved."))
    return redirect(anchors.comments_url(nota, thread.section, thread.anchor) + f"#c{thread.pk}")
