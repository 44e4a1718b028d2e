"""Which actions a partner leads or joins comes from one function, for models and snapshots."""

import hashlib
import json

from dossiers.checklist import DossierData
from dossiers.document import prepare
from dossiers.models import Actie, OperationeleDoelstelling, StrategischeDoelstelling
from dossiers.snapshot import build_snapshot
from tests.factories import PartnerFactory


def _actions(nota):
    igs, museum, bib = (
        PartnerFactory(netwerk=nota.netwerk, name=name) for name in ("IGS", "Museum", "Bib")
    )
    sd = StrategischeDoelstelling.objects.create(nota=nota, title="SD")
    od = OperationeleDoelstelling.objects.create(sd=sd, title="OD")
    kamp = Actie.objects.create(od=od, title="Kamp", years=[2027], lead_partner=igs)
    kamp.partners.set([museum])
    reis = Actie.objects.create(od=od, title="Reis", years=[2028], lead_partner=museum)
    reis.partners.set([igs])
    return igs, museum, bib, kamp, reis


def test_the_loader_knows_what_each_partner_leads_and_joins(nota_a):
    igs, museum, bib, kamp, reis = _actions(nota_a)
    data = DossierData(nota_a)
    assert (data.actions_of(igs).leads, data.actions_of(igs).joins) == ([kamp], [reis])
    assert (data.actions_of(museum).leads, data.actions_of(museum).joins) == ([reis], [kamp])
    assert not data.actions_of(bib) and data.actions_of(bib).total == 0


def test_the_document_gives_each_partner_the_same_actions(nota_a):
    igs, museum, bib, kamp, reis = _actions(nota_a)
    partners = {p["name"]: p for p in prepare(build_snapshot(nota_a))["partners"]}
    titles = lambda actions: [a["title"] for a in actions]  # noqa: E731
    igs_part = partners["IGS"]
    assert (titles(igs_part["leads"]), titles(igs_part["joins"])) == (["Kamp"], ["Reis"])
    assert (titles(partners["Bib"]["leads"]), titles(partners["Bib"]["joins"])) == ([], [])


def test_the_fingerprint_is_the_one_stored_confirmations_were_made_with(nota_a):
    igs, _museum, _bib, kamp, reis = _actions(nota_a)
    part = {
        "level": igs.level,
        "involvement": igs.involvement.strip(),
        "future_involvement": igs.future_involvement.strip(),
        "actions": [
            [kamp.pk, "Kamp", kamp.description, [2027], "lead"],
            [reis.pk, "Reis", reis.description, [2028], "partner"],
        ],
    }
    expected = hashlib.sha256(json.dumps(part, sort_keys=True).encode()).hexdigest()
    assert DossierData(nota_a).partner_fingerprints[igs.pk] == expected
