"""A review that remembers: beside each section of a new version, publiq's remarks on the
previous version and what the network changed in that section since then (diff.py); and the
decision letter, composed from the remarks per section and kept with the version."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from .diff import SectionDiff, compare
from .models import DossierVersion, ReviewRemark, Section
from .states import Status

# The steps that decide on a version, and the state each leads to.
DECISIONS = {"approve": Status.GOEDGEKEURD, "request_changes": Status.BIJSTURING}


@dataclass
class Remembered:
    """One section as the previous version left it."""

    previous: DossierVersion
    remark: ReviewRemark | None
    changes: SectionDiff | None

    @property
    def has_remark(self) -> bool:
        return bool(self.remark and (self.remark.verdict or self.remark.remark or self.remark.internal_note))


def previous_version(version: DossierVersion) -> DossierVersion | None:
    return version.nota.versions.filter(number__lt=version.number).order_by("-number").first()


def remembered_sections(version: DossierVersion) -> dict[str, Remembered]:
    """{section: what the previous version said and what changed}; empty for a first version."""
    previous = previous_version(version)
    if previous is None:
        return {}
    remarks = {r.section: r for r in previous.remarks.all()}
    diffs = {d.section: d for d in compare(previous.snapshot, version.snapshot)}
    return {
        value: Remembered(previous, remarks.get(value), diffs.get(value)) for value, _label in Section.choices
    }


def compose_letter(version: DossierVersion, step: str, *, reviewer) -> str:
    """The letter the network receives, from the remarks to the network per section (internal
    notes stay out). The reviewer edits it before deciding."""
    nota = version.nota
    remarks = {r.section: r for r in version.remarks.all()}
    labels = dict(Section.choices)
    to_work = [(s, r) for s, r in remarks.items() if r.verdict == ReviewRemark.Verdict.WERKPUNT]
    other = [(s, r) for s, r in remarks.items() if r.verdict != ReviewRemark.Verdict.WERKPUNT and r.remark.strip()]
    order = list(labels)
    to_work.sort(key=lambda item: order.index(item[0]))
    other.sort(key=lambda item: order.index(item[0]))

    def lines(items):
        out = []
        for section, remark in items:
            text = remark.remark.strip() or _("needs work")
            out.append(f"- {labels[section]}: {text}")
        return out

    values = {"netwerk": nota.netwerk.name, "ronde": nota.ronde.name, "n": version.number}
    parts = [_("Dear coordinator of %(netwerk)s,") % values, ""]
    if step == "approve":
        parts.append(_("publiq approves version %(n)s of your afsprakennota for %(ronde)s.") % values)
        if to_work or other:
            parts += ["", _("Our remarks per section, to take along in the coming years:")]
            parts += lines(to_work + other)
    else:
        parts.append(_("publiq asks you to adjust version %(n)s of your afsprakennota for %(ronde)s.") % values)
        if to_work:
            parts += ["", _("What needs to change:")]
            parts += lines(to_work)
        if other:
            parts += ["", _("Further remarks:")]
            parts += lines(other)
        parts += ["", _("Each section shows our remark beside it. Submit the dossier again once it is adjusted.")]
    parts += ["", _("Kind regards,"), reviewer.get_full_name() or str(reviewer), "publiq"]
    return "\n".join(parts)


def version_decide(*, version: DossierVersion, step: str, letter: str) -> None:
    """Keep the decision and its letter with the version it is about."""
    version.decision = DECISIONS[step]
    version.decision_letter = letter
    version.decided_at = timezone.now()
    version.save(update_fields=["decision", "decision_letter", "decided_at"])
