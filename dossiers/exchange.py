"""The exchange format: a whole dossier as JSON, out and back in (docs/dossier-format.md).

Export is the dossier document of snapshot.py. Import validates the document against its schema
(dossiers/schema/), which reports every problem with its place in the JSON
("$.doelstellingen[0].ods[1].acties[2].years"); only a document without problems is imported,
from the validated parts, in one transaction.
"""

import json

from django.db import transaction
from django.utils.translation import gettext as _

from netwerken.models import DeelnemendeGemeente, Gemeente, Netwerk, Partner

from .analyse_exchange import import_analyse
from .exchange_samenwerking import import_samenwerking
from .models import (
    Actie,
    ActieIndicator,
    ActieKost,
    Afsprakennota,
    Begrotingsbedrag,
    Begrotingspost,
    Indienronde,
    OperationeleDoelstelling,
    StrategischeDoelstelling,
    Visie,
    Zelfevaluatie,
)
from .schema import Problem, References, validate, version_problems
from .schema.fields import shown
from .services_voortzetting import carry_over_plan, carry_over_record
from .snapshot import FORMAT_VERSION, build_snapshot


def export_json(nota) -> str:
    return json.dumps(build_snapshot(nota), ensure_ascii=False, indent=2, sort_keys=True)


class ImportRefused(Exception):
    def __init__(self, problems):
        super().__init__("; ".join(map(str, problems)))
        self.problems = problems


def validate_document(document, *, ronde=None, netwerk=None):
    """(every problem, the round, the validated document). Reads, never writes."""
    problems = version_problems(document)
    if problems:
        return problems, None, None
    ronde, problems = _round_and_network(document, ronde, netwerk)
    references = References.of(document, years=ronde.years if ronde else (), new_network=netwerk is None)
    valid, found = validate(document, references)
    return problems + found, ronde, valid


def _round_and_network(document, ronde, netwerk):
    """The round the dossier goes into, and what the database says against importing it there."""
    problems = []
    if ronde is None:
        wanted = document.get("ronde") if isinstance(document.get("ronde"), dict) else {}
        first, last = wanted.get("first_year"), wanted.get("last_year")
        if type(first) is int and type(last) is int:
            ronde = Indienronde.objects.filter(first_year=first, last_year=last).first()
        if ronde is None:
            problems.append(Problem("$.ronde", _("no submission round for %(first)s-%(last)s") % {
                "first": shown(first), "last": shown(last)}))
    if netwerk is None:
        named = document.get("netwerk") if isinstance(document.get("netwerk"), dict) else {}
        if isinstance(named.get("name"), str) and Netwerk.objects.filter(name=named["name"]).exists():
            problems.append(Problem(
                "$.netwerk.name", _("a network with this name exists already; import into it instead")))
    elif ronde and Afsprakennota.objects.filter(netwerk=netwerk, ronde=ronde).exists():
        problems.append(Problem("$.ronde", _("this network already has an afsprakennota for this round")))
    return ronde, problems


@transaction.atomic
def import_document(document, *, ronde=None, netwerk=None, user=None) -> Afsprakennota:
    """Create the dossier the document describes. Raises ImportRefused with every problem."""
    problems, ronde, doc = validate_document(document, ronde=ronde, netwerk=netwerk)
    if problems:
        raise ImportRefused(problems)
    gemeenten = Gemeente.objects.in_bulk([g.nis_code for g in doc.gemeenten], field_name="nis_code")
    new_network = netwerk is None
    if new_network:
        netwerk = Netwerk.objects.create(
            name=doc.netwerk.name, igs_name=doc.netwerk.igs_name, referentieregio=doc.netwerk.referentieregio
        )
    for g in doc.gemeenten:
        DeelnemendeGemeente.objects.get_or_create(
            netwerk=netwerk,
            gemeente=gemeenten[g.nis_code],
            defaults={
                "contact_name": g.contact.name,
                "contact_function": g.contact.function,
                "contact_email": g.contact.email,
                "contact_phone": g.contact.phone,
                "contact_address": g.contact.address,
            },
        )
    partners = {p.key: _partner(netwerk, p, gemeenten) for p in doc.partners}
    nota = Afsprakennota.objects.create(netwerk=netwerk, ronde=ronde, created_by=user)
    if doc.visie:
        v = doc.visie
        Visie.objects.create(
            nota=nota, text=v.text, vorm=v.vorm, vorm_motivation=v.vorm_motivation, inspraak=v.inspraak,
            **v.questions.model_dump(),
        )
    if getattr(doc, "zelfevaluatie", None):  # version 2 only
        Zelfevaluatie.objects.create(nota=nota, text=doc.zelfevaluatie.text)
    for i, sd_doc in enumerate(doc.doelstellingen, start=1):
        sd = StrategischeDoelstelling.objects.create(
            nota=nota, position=i, title=sd_doc.title, description=sd_doc.description
        )
        for j, od_doc in enumerate(sd_doc.ods, start=1):
            od = OperationeleDoelstelling.objects.create(
                sd=sd, position=j, title=od_doc.title, description=od_doc.description
            )
            for k, a in enumerate(od_doc.acties, start=1):
                _actie(od, k, a, partners)
    for position, line in enumerate(doc.begroting.lines if doc.begroting else []):
        post = Begrotingspost.objects.create(
            nota=nota,
            kind=line.kind,
            category=line.category,
            gemeente=gemeenten.get(line.gemeente) if line.category == Begrotingspost.Category.GEMEENTE else None,
            note=line.note,
            position=position,
        )
        Begrotingsbedrag.objects.bulk_create(
            Begrotingsbedrag(post=post, year=int(year), amount=amount) for year, amount in line.amounts.items()
        )
    if getattr(doc, "samenwerking", None):  # version 1 knew no cooperation agreements
        import_samenwerking(nota, doc.samenwerking, partners, with_roles=new_network)
    import_analyse(nota, doc.omgevingsanalyse)
    return nota


def _partner(netwerk, p, gemeenten) -> Partner:
    gemeente = gemeenten.get(p.gemeente) if p.gemeente else None
    if p.key.startswith("p") and p.key[1:].isdigit():
        same = netwerk.partners.filter(pk=int(p.key[1:])).first()
        if same is not None:
            return same
    existing = netwerk.partners.filter(name=p.name, gemeente=gemeente).first()
    if existing is not None:
        return existing
    return Partner.objects.create(
        netwerk=netwerk,
        name=p.name,
        kind=p.kind,
        gemeente=gemeente,
        level=p.level,
        contact_name=p.contact.name,
        contact_email=p.contact.email,
        contact_phone=p.contact.phone,
        involvement=p.involvement,
        future_involvement=p.future_involvement,
    )


def _actie(od, position, a, partners):
    actie = Actie.objects.create(
        od=od,
        position=position,
        title=a.title,
        description=a.description,
        years=sorted(a.years),
        lead_partner=partners.get(a.lead_partner),
        doelgroepen=a.doelgroepen,
        drempels=a.drempels,
        inspraak=a.inspraak,
    )
    actie.partners.set([partners[k] for k in a.partners])
    ActieIndicator.objects.bulk_create(
        ActieIndicator(actie=actie, name=i.name, target=i.target) for i in a.indicators
    )
    ActieKost.objects.bulk_create(
        ActieKost(actie=actie, year=int(year), amount=amount) for year, amount in a.costs.items()
    )


def for_round(document: dict, ronde: Indienronde) -> dict:
    """The document fitted to another round: years outside its period are left out."""
    years = set(ronde.years)
    doc = json.loads(json.dumps(document))
    doc["ronde"] = {"name": ronde.name, "first_year": ronde.first_year, "last_year": ronde.last_year}
    for sd in doc.get("doelstellingen", []):
        for od in sd["ods"]:
            for a in od["acties"]:
                a["years"] = [y for y in a["years"] if y in years]
                a["costs"] = {y: v for y, v in a["costs"].items() if int(y) in years}
    for line in (doc.get("begroting") or {}).get("lines", []):
        line["amounts"] = {y: v for y, v in line["amounts"].items() if int(y) in years}
    if doc.get("samenwerking"):
        moments = doc["samenwerking"].get("reflectiemomenten", [])
        doc["samenwerking"]["reflectiemomenten"] = [
            m for m in moments if m.get("year") is None or m["year"] in years
        ]
    doc["format_version"] = FORMAT_VERSION
    return doc


def dossier_copy_to_round(*, nota, ronde, user=None) -> Afsprakennota:
    """Start a dossier for another round from this one's latest submitted version (or, if never
    submitted, from how it is now)."""
    latest = nota.versions.order_by("-number").first()
    document = for_round(latest.snapshot if latest else build_snapshot(nota), ronde)
    with transaction.atomic():
        plan = carry_over_plan(nota, document, ronde)
        copy = import_document(document, ronde=ronde, netwerk=nota.netwerk, user=user)
        if plan is not None:
            carry_over_record(source=nota, nota=copy, plan=plan)
    return copy
