from playwright.sync_api import expect

from dossiers.models import Afsprakennota, Indienronde, Visie
from tests.browser.conftest import axe_check
from tests.factories import MembershipFactory, NetwerkFactory, UserFactory, ensure_rondes


def test_coordinator_writes_the_vision_and_sees_the_checklist_change(page, live_server, login):
    ensure_rondes()
    netwerk = NetwerkFactory(name="Netwerk Waasland")
    MembershipFactory(user=UserFactory(email="an@example.org"), netwerk=netwerk, role="coordinator")
    nota = Afsprakennota.objects.create(netwerk=netwerk, ronde=Indienronde.objects.get(first_year=2027))
    console = []
    page.on("console", lambda message: console.append(message.text))
    login("an@example.org")

    page.goto(f"{live_server.url}/dossiers/{nota.pk}/visie/")
    axe_check(page)
    checks = page.get_by_role("region", name="Wat het decreet hier vraagt")
    expect(checks.get_by_text("De visie heeft nog geen tekst.")).to_be_visible()

    editor = page.locator("trix-editor")
    editor.click()
    page.keyboard.type("Iedereen kan meedoen aan vrije tijd in het Waasland.")
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Opsomming").click()
    page.keyboard.type("betaalbaar aanbod")
    page.get_by_label("deelhebben: mensen ook zeggenschap geven over het aanbod").check()
    page.get_by_label("Waarom deze vorm").fill("Mensen in armoede beslissen mee over het aanbod.")
    page.get_by_label("mee beslist").check()
    page.get_by_role("button", name="Visie bewaren").click()

    expect(page.get_by_text("De visie is bewaard.")).to_be_visible()
    axe_check(page)
    expect(checks.get_by_text("De visie heeft nog geen tekst.")).to_have_count(0)
    nav = page.get_by_role("navigation", name="Onderdelen van de afsprakennota")
    expect(nav.get_by_role("listitem").filter(has_text="2. Visie")).to_contain_text("volledig")
    visie = Visie.objects.get(nota=nota)
    assert "<ul><li>betaalbaar aanbod</li></ul>" in visie.text
    assert not [m for m in console if "Content Security Policy" in m], console
