"""publiq's review of submitted dossiers, and the partners' confirmation of their part."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from netwerken.permissions import CONFIRM, REVIEW, overall_access

from .access import dossier_for
from .checklist import DossierData
from .document import prepare
from .forms_review import ConfirmationForm, ReviewRemarkForm
from .models import Afsprakennota, DossierVersion, Indienronde, ReviewRemark, Section
from .review_memory import remembered_sections
from .services import Refused, partner_confirm
from .views import dossier_context
from .workflow import Status


@login_required
@require_GET
def review_list(request):
    """Every network's dossier with its state and deadline, for publiq staff."""
    if not overall_access(request.user).can(REVIEW):
        raise PermissionDenied
    dossiers = Afsprakennota.objects.select_related("netwerk", "ronde").order_by(
        "ronde__deadline", "netwerk__name"
    )
    ronde = request.GET.get("ronde")
    if ronde and ronde.isdigit():
        dossiers = dossiers.filter(ronde_id=int(ronde))
    status = request.GET.get("status")
    if status in Status.values:
        dossiers = dossiers.filter(status=status)
    page = Paginator(dossiers, 50).get_page(request.GET.get("page"))
    latest = {}
    versions = DossierVersion.objects.filter(nota__in=[d.pk for d in page.object_list])
    for v in versions.defer("snapshot").order_by("nota_id", "number"):
        latest[v.nota_id] = v
    rows = [(d, latest.get(d.pk)) for d in page.object_list]
    return render(
        request,
        "dossiers/review_list.html",
        {
            "page": page,
            "rows": rows,
            "rondes": Indienronde.objects.all(),
            "statuses": Status.choices,
            "selected_ronde": ronde,
            "selected_status": status,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def review(request, pk):
    nota, access = dossier_for(request.user, pk, REVIEW)
    version = nota.versions.order_by("-number").first()
    if version is None:
        context = dossier_context(nota, access, version=None)
        return render(request, "dossiers/review.html", context)
    remarks = {r.section: r for r in version.remarks.all()}
    editable = nota.status == Status.IN_BEHANDELING
    memory = remembered_sections(version)
    forms = []
    for value, label in Section.choices:
        instance = remarks.get(value) or ReviewRemark(version=version, section=value)
        data = request.POST if request.method == "POST" and editable else None
        forms.append((value, label, ReviewRemarkForm(data, instance=instance, prefix=value), memory.get(value)))
    if request.method == "POST":
        if not editable:
            raise PermissionDenied
        if all(form.is_valid() for _v, _l, form, _m in forms):
            for _value, _label, form, _memory in forms:
                if form.has_changed() or form.instance.pk:
                    remark = form.save(commit=False)
                    remark.updated_by = request.user
                    remark.save()
            messages.success(request, _("The assessment has been saved."))
            return redirect("dossier_review", pk=nota.pk)
    context = dossier_context(
        nota, access, version=version, forms=forms, editable=editable, doc=prepare(version.snapshot),
        previous=next(iter(memory.values())).previous if memory else None,
    )
    return render(request, "dossiers/review.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def confirm(request, pk, partner_pk):
    """A partner confirms, or declines with a remark, how the dossier describes its part."""
    nota, access = dossier_for(request.user, pk, CONFIRM)
    partner = get_object_or_404(nota.netwerk.partners, pk=partner_pk)
    if access.partner != partner:
        raise PermissionDenied
    if not nota.is_editable:
        raise PermissionDenied
    data = DossierData(nota)
    form = ConfirmationForm(request.POST or None)
    if form.is_valid():
        try:
            partner_confirm(
                nota=nota, partner=partner, user=request.user,
                answer=form.cleaned_data["answer"], remark=form.cleaned_data["remark"],
            )
        except Refused as refused:
            form.add_error("remark", str(refused))
        else:
            messages.success(request, _("Thank you: your answer has been saved."))
            return redirect("dossier_partners", pk=nota.pk)
    mine = data.actions_of(partner)
    context = dossier_context(
        nota, access, data, partner=partner, form=form, leads=mine.leads, joins=mine.joins,
        state=data.confirmation_state(partner), confirmation=data.confirmations.get(partner.pk),
        section=Section.PARTNERS,
    )
    return render(request, "dossiers/confirm.html", context)
