"""Copying an approved dossier into a later round (the 2029 round for 2030-2032) with what its
follow-up taught: only the actions still to do go along, each with its latest follow-up status
and its indicators' values so far, and the omgevingsanalyse gets a draft self-evaluation built
from the working years, for the coordinator to rewrite."""

from django.conf import settings
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from .models import Actie, Afsprakennota
from .models.voortzetting import ActieHerkomst, Zelfevaluatie
from .templatetags.dossier_tags import format_euro
from .voortgang import FINISHED, Status, Voortgang, voortgang


def _source_pk(actie_doc: dict) -> int | None:
    key = str(actie_doc.get("key", ""))
    return int(key[1:]) if key.startswith("a") and key[1:].isdigit() else None


def _goes_along(reeks, new_years: set[int]) -> bool:
    """An action goes along unless its latest follow-up finished it (completed or cancelled);
    one that was never followed up goes along only when it is planned in the new period."""
    if reeks is None:
        return True
    if reeks.latest is not None:
        return reeks.latest[0] not in FINISHED
    return not reeks.actie.years or bool(new_years & set(reeks.actie.years))


def keep_unfinished(document: dict, progress: Voortgang, new_years) -> list[int | None]:
    """Leave the finished actions out of `document` (in place); the source action of each
    action left, in the document's order."""
    reeksen = {r.actie.pk: r for r in progress.acties}
    kept, codes = [], {}
    for i, sd in enumerate(document.get("doelstellingen", []), start=1):
        for j, od in enumerate(sd["ods"], start=1):
            remaining = []
            for a in od["acties"]:
                pk = _source_pk(a)
                if _goes_along(reeksen.get(pk), set(new_years)):
                    remaining.append(a)
                    kept.append(pk)
                    codes[a.get("code")] = f"A{i}.{j}.{len(remaining)}"
            od["acties"] = remaining
    _renumber_monitoring(document, codes)
    return kept


def _renumber_monitoring(document: dict, codes: dict) -> None:
    """The monitoring plan refers to actions by code: follow the new numbering; a line about an
    action left behind keeps its indicator's name as what is measured."""
    for row in (document.get("samenwerking") or {}).get("monitoring", []):
        if row.get("actie") is None:
            continue
        if row["actie"] in codes:
            row["actie"] = codes[row["actie"]]
        else:
            row["measure"] = row.get("measure") or row.get("indicator") or ""
            row["actie"] = row["indicator"] = None


def record_origins(*, nota: Afsprakennota, kept: list[int | None], progress: Voortgang) -> None:
    """Link each action of the new dossier to the one it came from, with how it last stood."""
    reeksen = {r.actie.pk: r for r in progress.acties}
    series = {}
    for ind in progress.indicators:
        series.setdefault(ind.actie.pk, []).append(
            {"name": ind.name, "target": ind.target, "values": sorted(ind.values.items())}
        )
    new = list(Actie.objects.filter(nota=nota).select_related("od__sd"))
    new.sort(key=lambda a: (a.od.sd.position, a.od.position, a.position))
    origins = []
    for actie, pk in zip(new, kept):
        reeks = reeksen.get(pk)
        if reeks is None:
            continue
        status, year = reeks.latest or ("", None)
        origins.append(ActieHerkomst(
            actie=actie, source=reeks.actie, code=reeks.actie.code, status=status,
            status_year=year, series=series.get(pk, []),
        ))
    ActieHerkomst.objects.bulk_create(origins)


def zelfevaluatie_start(*, nota: Afsprakennota, source: Afsprakennota, progress: Voortgang) -> Zelfevaluatie:
    with translation.override(settings.LANGUAGE_CODE):
        draft = zelfevaluatie_draft(progress)
    item = Zelfevaluatie(nota=nota, text=draft, draft=draft, source=source)
    item.full_clean(exclude=["nota", "source"])
    item.save()
    item.draft = item.text  # as sanitised on saving, so that "untouched" compares like with like
    Zelfevaluatie.objects.filter(pk=item.pk).update(draft=item.text)
    return item


# --- The draft ------------------------------------------------------------------------------------


# The draft stays well within the self-evaluation's bound however large the follow-up: a few
# names per sentence, a few sentences per part, quoted texts cut short; the progress page has all.
NAMES_SHOWN, ITEMS_SHOWN, QUOTE_LENGTH = 10, 12, 300


def _names(reeksen) -> str:
    names = ", ".join(f"{r.actie.code} {r.actie.title}" for r in reeksen[:NAMES_SHOWN])
    if len(reeksen) > NAMES_SHOWN:
        names += " " + _("and %(n)s more") % {"n": len(reeksen) - NAMES_SHOWN}
    return names


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1].rstrip() + "…"


def _indicator_results(progress: Voortgang) -> tuple[list[str], list[str]]:
    """Indicators whose latest value is a number with a numeric target: reached, not reached."""
    reached, missed = [], []
    for ind in progress.indicators:
        if ind.reached is None:
            continue
        year, value = ind.latest
        sentence = _("%(indicator)s (%(code)s): %(value)s in %(year)s against a target of %(target)s") % {
            "indicator": ind.name, "code": ind.actie.code, "value": value, "year": year,
            "target": ind.target,
        }
        (reached if ind.reached else missed).append(sentence)
    return reached, missed


def _went_well(p: Voortgang) -> list[str]:
    items = []
    done = p.with_latest(Status.AFGEROND)
    total = len([r for r in p.acties if r.latest])
    if done:
        items.append(ngettext(
            "%(n)s of the %(total)s actions followed up was completed: %(names)s.",
            "%(n)s of the %(total)s actions followed up were completed: %(names)s.", len(done),
        ) % {"n": len(done), "total": total, "names": _names(done)})
    running = p.with_latest(Status.LOPEND)
    if running:
        items.append(ngettext(
            "%(n)s action is in progress: %(names)s.", "%(n)s actions are in progress: %(names)s.",
            len(running),
        ) % {"n": len(running), "names": _names(running)})
    reach = p.reach_total()
    if reach.participants:
        items.append(_(
            "The actions reached %(participants)s participants, of whom %(kansengroepen)s "
            "(%(share)s%%) from the kansengroepen."
        ) % {"participants": reach.participants, "kansengroepen": reach.kansengroepen, "share": reach.share})
    reached, _missed = _indicator_results(p)
    items += [_("Target reached: %(result)s.") % {"result": r} for r in reached]
    moments = p.reflectiemomenten
    if moments:
        with_people = sum(1 for m in moments if m.people_in_poverty)
        items.append(ngettext(
            "%(n)s reflection moment was held, %(with)s of them with people in poverty.",
            "%(n)s reflection moments were held, %(with)s of them with people in poverty.", len(moments),
        ) % {"n": len(moments), "with": with_people})
    return items


def _postponed(n):
    return ngettext("%(n)s action was postponed: %(names)s.", "%(n)s actions were postponed: %(names)s.", n)


def _cancelled(n):
    return ngettext("%(n)s action was cancelled: %(names)s.", "%(n)s actions were cancelled: %(names)s.", n)


def _not_started(n):
    return ngettext(
        "%(n)s action has not started: %(names)s.", "%(n)s actions have not started: %(names)s.", n
    )


def _deviations(p: Voortgang) -> list[str]:
    """One sentence per budget line that deviated, its years together, with the reasons given."""
    lines = {}
    for a in p.afwijkingen:
        lines.setdefault(a.post.pk, (a.post, []))[1].append(a)
    items = []
    for post, rows in lines.values():
        years = "; ".join(
            _("in %(year)s %(planned)s planned and %(realised)s realised") % {
                "year": a.year, "planned": format_euro(a.planned), "realised": format_euro(a.realised),
            }
            for a in rows
        )
        sentence = _("%(line)s: %(years)s.") % {"line": str(post), "years": years}
        reasons = list(dict.fromkeys(a.explanation.strip() for a in rows if a.explanation.strip()))
        if reasons:
            sentence += " " + _("Explanation: %(text)s") % {"text": _quote(" / ".join(reasons))}
        items.append(sentence)
    return items


def _went_badly(p: Voortgang) -> list[str]:
    items = []
    for status, sentence in (
        (Status.UITGESTELD, _postponed), (Status.GESCHRAPT, _cancelled), (Status.NIET_GESTART, _not_started),
    ):
        rows = p.with_latest(status)
        if rows:
            items.append(sentence(len(rows)) % {"n": len(rows), "names": _names(rows)})
    _reached, missed = _indicator_results(p)
    items += [_("Target not reached: %(result)s.") % {"result": r} for r in missed]
    items += _deviations(p)
    unknown = sum(len([v for v in r.participants.values() if v is None]) for r in p.acties)
    if unknown:
        items.append(ngettext(
            "For %(n)s follow-up of an action no number of participants was recorded.",
            "For %(n)s follow-ups of actions no number of participants was recorded.", unknown,
        ) % {"n": unknown})
    return items


def _lessons(p: Voortgang) -> list[str]:
    items = []
    for m in p.reflectiemomenten:
        when = date_format(m.held_on, "DATE_FORMAT")
        if m.lessons.strip():
            items.append(_("Lessons of %(date)s: %(text)s") % {"date": when, "text": _quote(m.lessons)})
        if m.decisions.strip():
            items.append(_("Decided on %(date)s: %(text)s") % {"date": when, "text": _quote(m.decisions)})
    if p.bijsturingen:
        applied = sum(1 for b in p.bijsturingen if b.status == b.Status.TOEGEPAST)
        items.append(ngettext(
            "%(n)s change to the plan was proposed, %(applied)s of them applied.",
            "%(n)s changes to the plan were proposed, %(applied)s of them applied.", len(p.bijsturingen),
        ) % {"n": len(p.bijsturingen), "applied": applied})
    return items


def _section(title: str, items: list[str], empty: str) -> str:
    if len(items) > ITEMS_SHOWN:
        more = len(items) - ITEMS_SHOWN + 1
        items = items[: ITEMS_SHOWN - 1] + [
            ngettext("%(n)s more point: see the progress over the years.",
                     "%(n)s more points: see the progress over the years.", more) % {"n": more}
        ]
    body = "".join(f"<li>{escape(i)}</li>" for i in items) if items else f"<li>{escape(empty)}</li>"
    return f"<h3>{escape(title)}</h3><ul>{body}</ul>"


def zelfevaluatie_draft(p: Voortgang) -> str:
    """The draft as rich text: three parts, each a list of sentences built from the follow-up."""
    years = p.started
    period = f"{years[0]}–{years[-1]}" if len(years) > 1 else str(years[0])
    intro = _(
        "Draft built from the follow-up of %(period)s. Rewrite it in your own words with the "
        "partners and people in poverty: what the figures do not say matters as much."
    ) % {"period": period}
    nothing = _("Nothing in the follow-up points to this yet.")
    return "".join([
        f"<p><em>{escape(intro)}</em></p>",
        _section(_("What went well"), _went_well(p), nothing),
        _section(_("What did not go well"), _went_badly(p), nothing),
        _section(_("Lessons"), _lessons(p), _("No lessons were recorded at reflection moments.")),
    ])


def carry_over_plan(source: Afsprakennota, document: dict, ronde) -> tuple[Voortgang, list] | None:
    """The source's follow-up and the actions kept, or None when it has no follow-up: then the
    copy is the plain one. A self-evaluation looks back on its own period: it never goes along."""
    document.pop("zelfevaluatie", None)
    progress = voortgang(source)
    if not progress.has_follow_up:
        return None
    return progress, keep_unfinished(document, progress, ronde.years)


def carry_over_record(*, source, nota, plan) -> None:
    progress, kept = plan
    record_origins(nota=nota, kept=kept, progress=progress)
    zelfevaluatie_start(nota=nota, source=source, progress=progress)
