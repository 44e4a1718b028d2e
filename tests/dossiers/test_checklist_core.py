"""The vision, partner and municipality rules of the checklist, each one both ways."""

import pytest

from dossiers.checklist import run_checklist
from dossiers.models import Visie
from tests.factories import DeelnemendeGemeenteFactory, PartnerFactory, gemeente


def check(nota, name):
    return next(c for c in run_checklist(nota).checks if c.rule.name == name)


def test_vision_written(nota_a):
    assert not check(nota_a, "visie_written").passed
    Visie.objects.create(nota=nota_a, text="<p>   </p>")
    assert not check(nota_a, "visie_written").passed
    Visie.objects.filter(nota=nota_a).update(text="<p>Onze visie</p>")
    assert check(nota_a, "visie_written").passed


def test_participation_form_needs_a_choice_and_a_reason(nota_a):
    visie = Visie.objects.create(nota=nota_a, vorm="deelhebben")
    assert check(nota_a, "participation_form_chosen").problems == [
        "Leg uit waarom het netwerk voor deze vorm van participatie kiest."
    ]
    visie.vorm_motivation = "Mensen in armoede beslissen mee."
    visie.save()
    assert check(nota_a, "participation_form_chosen").passed


def test_guiding_questions_are_a_warning(nota_a):
    result = check(nota_a, "guiding_questions_answered")
    assert not result.passed and not result.blocking
    answers = {name: "antwoord" for name, _label in Visie.QUESTIONS}
    Visie.objects.create(nota=nota_a, **answers)
    assert check(nota_a, "guiding_questions_answered").passed


@pytest.mark.parametrize("inspraak,passes", [("", False), ("niet", False), ("geconsulteerd", True)])
def test_vision_inspraak(nota_a, inspraak, passes):
    Visie.objects.create(nota=nota_a, inspraak=inspraak)
    assert check(nota_a, "visie_inspraak").passed is passes


def test_required_partners_per_municipality(nota_a):
    netwerk = nota_a.netwerk
    problems = check(nota_a, "required_partners_present").problems
    assert "Cultuurdienst in elke deelnemende gemeente: ontbreekt in Sint-Niklaas, Temse." in problems
    assert (
        "Een vereniging waar armen het woord nemen of een andere armoedeorganisatie: nog geen."
        in problems
    )
    for name in ["Sint-Niklaas", "Temse"]:
        for kind in ["cultuurdienst", "jeugddienst", "sportdienst", "ocmw"]:
            PartnerFactory(netwerk=netwerk, kind=kind, gemeente=gemeente(name))
    PartnerFactory(netwerk=netwerk, kind="armoedeorganisatie")
    assert check(nota_a, "required_partners_present").passed


def test_required_partners_follow_the_round_data(nota_a):
    nota_a.ronde.required_partners.all().delete()
    result = check(nota_a, "required_partners_present")
    assert result.nothing_to_check and not result.failed


def test_partners_describe_their_involvement(nota_a):
    partner = PartnerFactory(netwerk=nota_a.netwerk, name="Bib Temse", involvement="", future_involvement="")
    assert check(nota_a, "partners_describe_involvement").problems == [
        "Bib Temse: hoe de partner betrokken is en wordt, is nog niet beschreven."
    ]
    partner.involvement = partner.future_involvement = "Leest voor."
    partner.save()
    assert check(nota_a, "partners_describe_involvement").passed


def test_municipalities_present_and_contacts_complete(nota_a, netwerk_b, ronde):
    from dossiers.models import Afsprakennota

    assert check(nota_a, "gemeenten_present").passed
    assert check(nota_a, "gemeente_contacts_complete").passed
    empty = Afsprakennota.objects.create(netwerk=netwerk_b, ronde=ronde)
    netwerk_b.deelnemende_gemeenten.all().delete()
    assert not check(empty, "gemeenten_present").passed
    DeelnemendeGemeenteFactory(netwerk=netwerk_b, gemeente=gemeente("Riemst"), contact_phone="", contact_address="")
    assert check(empty, "gemeente_contacts_complete").problems == [
        "Riemst: ontbreekt telefoonnummer, postadres."
    ]


def test_every_failing_check_links_to_its_place(nota_a):
    for c in run_checklist(nota_a).checks:
        assert c.url.startswith(f"/dossiers/{nota_a.pk}/")
