"""What a comment can be about: a whole section, or one thing in it.

An anchor is "section" or "<model name>:<pk>". Each kind of thing says how to find it in a
dossier, its label, and its section.
"""

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _

from netwerken.models import Partner

from .models import Actie, Begrotingspost, GekozenIndicator, OperationeleDoelstelling, Section, StrategischeDoelstelling

# model name -> (model, lookup of the dossier, section, label function)
KINDS = {
    "strategischedoelstelling": (StrategischeDoelstelling, "nota", Section.DOELSTELLINGEN, str),
    "operationeledoelstelling": (
        OperationeleDoelstelling,
        "nota",
        Section.DOELSTELLINGEN,
        lambda o: f"{o.code} {o.title}",
    ),
    "actie": (Actie, "nota", Section.DOELSTELLINGEN, lambda o: f"{o.code} {o.title}"),
    "begrotingspost": (Begrotingspost, "nota", Section.BEGROTING, str),
    # Comments can be about one chosen indicator of the dossier's analysis.
    "gekozenindicator": (
        GekozenIndicator,
        "nota",
        Section.OMGEVINGSANALYSE,
        lambda keuze: _("Indicator “%(name)s”") % {"name": keuze.indicator.name},
    ),
    # A thread on a partner's part is addressed to that partner: it is on its task list.
    "partner": (Partner, "netwerk__dossiers", Section.PARTNERS, lambda p: p.name),
}


def resolve(nota, section: str, anchor: str) -> tuple[str, str]:
    """(section, label) of an anchor in this dossier, or 404 if it is not part of it."""
    if anchor == "section":
        if section not in Section.values:
            raise Http404
        return section, str(Section(section).label)
    name, _sep, pk = anchor.partition(":")
    if name not in KINDS or not pk.isdigit():
        raise Http404
    model, lookup, anchor_section, label = KINDS[name]
    obj = model.objects.filter(pk=int(pk), **{lookup: nota}).first()
    if obj is None:
        raise Http404
    return anchor_section, label(obj)


def comments_url(nota, section: str, anchor: str = "section") -> str:
    return reverse("dossier_comments", args=[nota.pk]) + f"?section={section}&anchor={anchor}"
