"""Operations on a yearly report: its workflow steps, the partners' comments and confirmations,
and publiq's remarks per section. The same models and rules as the dossier's, on another subject.
Views call these; they never take a request."""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from netwerken import bounds
from netwerken.models import Partner
from netwerken.permissions import access_for

from .effects import coordinators
from .jaarrapport import (
    build_document,
    partner_fingerprint,
    partner_part,
    partners_with_a_part,
    ready,
)
from .models import (
    Comment,
    Jaarrapport,
    JaarrapportRemark,
    JaarrapportStep,
    NotificationKind,
    PartnerConfirmation,
    RapportSection,
)
from .notify import notify
from .services import Refused, refuse_too_long, take_step
from .workflow_jaarrapport import BY_NAME


def jaarrapport_of(werkjaar) -> Jaarrapport:
    """The working year's yearly report; it exists, as a draft, from the moment anyone looks."""
    jaarrapport, _created = Jaarrapport.objects.get_or_create(werkjaar=werkjaar)
    jaarrapport.werkjaar = werkjaar
    return jaarrapport


def _url(jaarrapport) -> str:
    return reverse("jaarrapport", args=[jaarrapport.werkjaar.nota_id, jaarrapport.werkjaar.year])


@transaction.atomic
def jaarrapport_transition(
    *, jaarrapport: Jaarrapport, name: str, user, note: str = ""
) -> JaarrapportStep:
    """Move the yearly report along its workflow, record it, and run the step's effects."""
    werkjaar = jaarrapport.werkjaar
    jaarrapport = Jaarrapport.objects.select_for_update().get(pk=jaarrapport.pk)
    jaarrapport.werkjaar = werkjaar
    return take_step(
        subject=jaarrapport, netwerk=werkjaar.nota.netwerk, transition=BY_NAME[name], user=user,
        note=note,
        is_ready=lambda: ready(build_document(jaarrapport), werkjaar.nota_id),
        record=lambda **fields: JaarrapportStep.objects.create(jaarrapport=jaarrapport, **fields),
        wrong_state=_("This step is not possible in the current state of the yearly report."),
        not_ready=_("The yearly report cannot be submitted yet: see what is missing below."),
    )


def anchors(document: dict) -> dict[str, tuple[str, str]]:
    """What a comment on the yearly report can be about: {anchor: (section, label)}."""
    found = {"section": ("", "")}
    for actie in document["acties"]:
        found[f"actie:{actie['actie_id']}"] = (
            RapportSection.ACTIES,
            f"{actie['code']} {actie['title']}",
        )
    return found


@transaction.atomic
def jaarrapport_comment(
    *,
    jaarrapport: Jaarrapport,
    user,
    body: str,
    section: str,
    anchor: str,
    visibility: str,
    document: dict,
) -> Comment:
    """A remark on a section of the yearly report, or on one of its actions."""
    if not body.strip():
        raise Refused(_("The comment is empty."))
    refuse_too_long(body.strip(), bounds.TEXT)
    known = anchors(document)
    if anchor not in known or (anchor == "section" and section not in RapportSection.values):
        raise Refused(_("Choose what your comment is about."))
    if anchor != "section":
        section, label = known[anchor]
    else:
        label = str(RapportSection(section).label)
    comment = Comment.objects.create(
        jaarrapport=jaarrapport,
        author=user,
        body=body.strip(),
        section=section,
        anchor=anchor,
        anchor_label=label[:300],
        visibility=visibility,
    )
    access = access_for(user, jaarrapport.werkjaar.nota.netwerk)
    if access.partner is not None and access.can_confirm and not comment.is_internal:
        notify(
            users=[u for u in coordinators(jaarrapport.werkjaar.nota.netwerk) if u != user],
            kind=NotificationKind.PARTNER,
            nota=jaarrapport.werkjaar.nota,
            url=_url(jaarrapport) + "#opmerkingen",
            message=_(
                "%(user)s (%(partner)s) commented on “%(subject)s” in the yearly report %(year)s."
            )
            % {
                "user": user,
                "partner": access.partner.name,
                "subject": label,
                "year": jaarrapport.werkjaar.year,
            },
        )
    return comment


@transaction.atomic
def jaarrapport_confirm(
    *, jaarrapport: Jaarrapport, partner: Partner, user, answer: str, remark: str = ""
):
    """A partner's answer on its part of the yearly report, with the fingerprint of what it saw."""
    if answer not in PartnerConfirmation.Answer.values:
        raise Refused(_("Choose whether your part is described correctly."))
    if answer == PartnerConfirmation.Answer.DECLINED and not remark.strip():
        raise Refused(_("Say what is not right, so the coordinator can adjust it."))
    refuse_too_long(remark.strip(), bounds.TEXT)
    document = build_document(jaarrapport)
    confirmation = PartnerConfirmation.objects.create(
        jaarrapport=jaarrapport,
        partner=partner,
        by=user,
        answer=answer,
        remark=remark.strip(),
        fingerprint=partner_fingerprint(document, partner.pk),
    )
    names = {
        "partner": partner.name,
        "year": jaarrapport.werkjaar.year,
        "remark": confirmation.remark,
    }
    if answer == PartnerConfirmation.Answer.CONFIRMED:
        message = _("%(partner)s confirmed its part in the yearly report %(year)s.") % names
    else:
        message = (
            _(
                "%(partner)s says something is not right in its part of the yearly report %(year)s: %(remark)s"
            )
            % names
        )
    notify(
        users=[u for u in coordinators(jaarrapport.werkjaar.nota.netwerk) if u != user],
        kind=NotificationKind.PARTNER,
        nota=jaarrapport.werkjaar.nota,
        url=_url(jaarrapport) + "#partners",
        message=message,
    )
    return confirmation


def partner_states(jaarrapport: Jaarrapport, document: dict) -> list[dict]:
    """Every partner with a part in the report (an action it leads or joins), its newest answer,
    and whether that answer still holds (its part did not change since)."""
    ids = sorted(partners_with_a_part(document))
    partners = {p.pk: p for p in Partner.objects.filter(pk__in=ids)}
    newest = {}
    for confirmation in jaarrapport.confirmations.select_related("by").order_by("at", "pk"):
        newest[confirmation.partner_id] = confirmation
    states = []
    for pk in ids:
        confirmation = newest.get(pk)
        current = confirmation is not None and confirmation.fingerprint == partner_fingerprint(
            document, pk
        )
        states.append(
            {
                "partner": partners[pk],
                "confirmation": confirmation,
                "current": current,
                "acties": partner_part(document, pk),
            }
        )
    return states


@transaction.atomic
def jaarrapport_remarks_save(*, version, user, remarks: dict[str, dict]) -> None:
    """publiq's assessment and remarks per section of a submitted yearly report."""
    for section, values in remarks.items():
        JaarrapportRemark.objects.update_or_create(
            version=version,
            section=section,
            defaults={**values, "updated_by": user},
        )
