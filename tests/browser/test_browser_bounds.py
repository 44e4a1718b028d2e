"""A long unbroken word (a 200-character name) wraps: no page becomes wider than the window."""

from dossiers.models import Actie, Afsprakennota, Indienronde, OperationeleDoelstelling, StrategischeDoelstelling
from tests.browser.conftest import axe_check
from tests.factories import MembershipFactory, NetwerkFactory, PartnerFactory, UserFactory, ensure_rondes

LONG = ("Vrijetijdsparticipatienetwerk" * 7)[:200]  # 200 characters without a space


def test_a_200_character_word_does_not_widen_any_page(page, live_server, login):
    ensure_rondes()
    netwerk = NetwerkFactory(name=LONG, igs_name=LONG)
    MembershipFactory(user=UserFactory(email="an@example.org"), netwerk=netwerk, role="coordinator")
    partner = PartnerFactory(netwerk=netwerk, name=LONG, kind="ocmw")
    nota = Afsprakennota.objects.create(netwerk=netwerk, ronde=Indienronde.objects.get(first_year=2027))
    sd = StrategischeDoelstelling.objects.create(nota=nota, position=1, title=LONG, description=LONG)
    od = OperationeleDoelstelling.objects.create(sd=sd, position=1, title=LONG)
    Actie.objects.create(od=od, position=1, title=LONG, description=LONG, years=[2027], lead_partner=partner)
    login("an@example.org")
    for path in [
        f"/netwerken/{netwerk.pk}/",
        f"/dossiers/{nota.pk}/",
        f"/dossiers/{nota.pk}/doelstellingen/",
        f"/dossiers/{nota.pk}/doelstellingen/per-werkjaar/",
        f"/dossiers/{nota.pk}/partners/",
    ]:
        page.goto(live_server.url + path)
        axe_check(page)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 1280, (path, width)
