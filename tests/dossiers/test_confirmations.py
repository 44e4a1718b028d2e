from dossiers.checklist import run_checklist
from dossiers.models import PartnerConfirmation


def confirm(client, nota, partner, **data):
    return client.post(f"/dossiers/{nota.pk}/partners/{partner.pk}/bevestigen/", data)


def state(nota, partner):
    from dossiers.checklist import DossierData

    return DossierData(nota).confirmation_state(partner)


def test_partner_confirms_its_part(partner_client, nota_a, partner_org_a):
    page = partner_client.get(f"/dossiers/{nota_a.pk}/partners/{partner_org_a.pk}/bevestigen/")
    assert "Bevestig het deel van OCMW Temse" in page.text
    assert confirm(partner_client, nota_a, partner_org_a, answer="confirmed").status_code == 302
    assert state(nota_a, partner_org_a) == "confirmed"


def test_declining_needs_a_remark(partner_client, nota_a, partner_org_a):
    response = confirm(partner_client, nota_a, partner_org_a, answer="declined", remark="")
    assert "Zeg wat er niet klopt" in response.text
    assert not PartnerConfirmation.objects.exists()
    confirm(partner_client, nota_a, partner_org_a, answer="declined", remark="Wij trekken A1 niet.")
    assert state(nota_a, partner_org_a) == "declined"


def test_a_confirmation_lapses_when_the_part_changes(partner_client, nota_a, partner_org_a):
    confirm(partner_client, nota_a, partner_org_a, answer="confirmed")
    partner_org_a.future_involvement = "Iets helemaal anders."
    partner_org_a.save()
    assert state(nota_a, partner_org_a) == "lapsed"
    check = next(c for c in run_checklist(nota_a).checks if c.rule.name == "partners_confirmed")
    assert "OCMW Temse bevestigde een eerdere beschrijving; zijn deel is intussen veranderd." in check.problems
    assert not check.blocking


def test_only_the_partner_itself_confirms(coordinator_client, partner_client, nota_a, partner_org_a):
    from tests.factories import PartnerFactory

    other = PartnerFactory(netwerk=nota_a.netwerk)
    assert confirm(partner_client, nota_a, other, answer="confirmed").status_code == 403
    assert confirm(coordinator_client, nota_a, partner_org_a, answer="confirmed").status_code == 403
    assert not PartnerConfirmation.objects.exists()
