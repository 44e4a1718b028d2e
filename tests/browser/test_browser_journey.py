"""The whole journey of an afsprakennota, with three people: the coordinator of the network, a
partner, and a reviewer of publiq."""

import re
from decimal import Decimal

from playwright.sync_api import expect

from dossiers.models import Afsprakennota, Begrotingsbedrag, Comment, Indienronde, PartnerConfirmation
from tests.browser.conftest import axe_check
from tests.factories import DeelnemendeGemeenteFactory, MembershipFactory, NetwerkFactory, UserFactory
from tests.factories import ensure_rondes, gemeente, make_ready


def as_person(page, login, email):
    page.context.clear_cookies()
    login(email)


def go(page, url):
    page.goto(url)
    axe_check(page)


def click(page, locator):
    locator.click()
    page.wait_for_load_state("load")
    axe_check(page)


def submit(page, locator):
    """Submitting freezes a version and, with tasks run at once in tests, renders its PDF within
    the request: on a busy machine that takes longer than a page's usual 10 seconds."""
    with page.expect_navigation(timeout=90_000):
        locator.click(timeout=90_000)  # the click waits for the navigation it starts, too
    page.wait_for_load_state("load")
    axe_check(page)


def test_write_consult_submit_review_change_resubmit_approve(page, live_server, login):
    ensure_rondes()
    netwerk = NetwerkFactory(name="Netwerk Waasland")
    DeelnemendeGemeenteFactory(netwerk=netwerk, gemeente=gemeente("Temse"))
    MembershipFactory(user=UserFactory(email="an@example.org"), netwerk=netwerk, role="coordinator")
    UserFactory(email="sofie@example.org", is_reviewer=True)
    nota = make_ready(Afsprakennota.objects.create(netwerk=netwerk, ronde=Indienronde.objects.get(first_year=2027)))
    klink = netwerk.partners.get(kind="vereniging_armen")  # leads the action “Infomarkt”
    MembershipFactory(user=UserFactory(email="fatima@example.org"), netwerk=netwerk, role="partner", partner=klink)
    dossier = f"{live_server.url}/dossiers/{nota.pk}"
    header = page.locator(".page-header")

    # The coordinator opens the dossier for the partners' comments.
    login("an@example.org")
    go(page, f"{dossier}/")
    click(page, header.get_by_role("link", name="Open voor commentaar van partners"))
    click(page, page.get_by_role("button", name="Ja: Open voor commentaar van partners"))
    expect(header).to_contain_text("Open voor commentaar van partners")

    # The partner comments on the action it leads, and confirms its part.
    as_person(page, login, "fatima@example.org")
    go(page, f"{dossier}/doelstellingen/")
    click(page, page.get_by_role("link", name="Commentaar op A1.1.1"))
    page.get_by_label(re.compile("Uw commentaar op A1.1.1")).fill("Kan de infomarkt ook op zaterdag?")
    click(page, page.get_by_role("button", name="Commentaar plaatsen"))
    expect(page.get_by_text("Kan de infomarkt ook op zaterdag?")).to_be_visible()
    go(page, f"{dossier}/partners/")
    click(page, page.get_by_role("link", name="Bevestigen of reageren"))
    page.get_by_label("Ja, zo zijn en worden wij betrokken").check()
    click(page, page.get_by_role("button", name="Antwoord versturen"))
    assert PartnerConfirmation.objects.get(partner=klink).answer == "confirmed"

    # The coordinator resolves the comment and submits.
    as_person(page, login, "an@example.org")
    go(page, f"{dossier}/commentaar/")
    thread = page.locator("article.comment-thread").filter(has_text="Kan de infomarkt ook op zaterdag?")
    click(page, thread.get_by_role("button", name="Als afgehandeld markeren"))
    assert Comment.objects.get().is_resolved
    click(page, header.get_by_role("link", name="Indienen"))
    submit(page, page.get_by_role("button", name="Ja: Indienen"))
    expect(header).to_contain_text("Ingediend")
    assert nota.versions.count() == 1

    # The reviewer asks for changes to the budget.
    as_person(page, login, "sofie@example.org")
    go(page, f"{live_server.url}/beoordeling/")
    click(page, page.get_by_role("link", name="Netwerk Waasland"))
    click(page, header.get_by_role("link", name="Beoordeling starten"))
    click(page, page.get_by_role("button", name="Ja: Beoordeling starten"))
    go(page, f"{dossier}/beoordeling/")
    budget = page.get_by_role("group", name="Meerjarenbegroting")
    budget.get_by_label("werkpunt").check()
    budget.get_by_label("Opmerking voor het netwerk").fill("Begroot het vervoer apart.")
    click(page, page.get_by_role("button", name="Beoordeling bewaren"))
    click(page, header.get_by_role("link", name="Bijsturing vragen"))
    page.get_by_label("Beslissingsbrief aan het netwerk").fill("Pas de begroting aan, zie de opmerking.")
    click(page, page.get_by_role("button", name="Ja: Bijsturing vragen"))

    # The coordinator sees the remark beside the budget, changes it and submits again.
    as_person(page, login, "an@example.org")
    go(page, f"{dossier}/begroting/")
    expect(page.get_by_label("Opmerking van publiq")).to_contain_text("Begroot het vervoer apart.")
    page.get_by_role("textbox", name="Vervoer en toegankelijkheid 2027").fill("1.500")
    page.keyboard.press("Tab")
    expect(page.locator("#budget-status")).to_contain_text("Opgeslagen: Vervoer en toegankelijkheid 2027")
    page.get_by_role("textbox", name="Eigen inbreng IGS 2027").fill("2.500")
    page.keyboard.press("Tab")
    expect(page.locator("#balance-row").get_by_role("cell").first).to_have_text("0,00")
    assert Begrotingsbedrag.objects.get(post__nota=nota, post__category="vervoer").amount == Decimal("1500")
    go(page, f"{dossier}/")
    click(page, header.get_by_role("link", name="Indienen"))
    submit(page, page.get_by_role("button", name="Ja: Indienen"))
    assert nota.versions.count() == 2

    # The reviewer sees what changed and approves.
    as_person(page, login, "sofie@example.org")
    go(page, f"{dossier}/beoordeling/")
    click(page, page.get_by_role("link", name="Wat veranderde sinds de vorige versie"))
    changes = page.locator("main")
    expect(changes).to_contain_text("Vervoer en toegankelijkheid")
    expect(changes).to_contain_text("€\xa01.500,00")
    click(page, header.get_by_role("link", name="Beoordeling starten"))
    click(page, page.get_by_role("button", name="Ja: Beoordeling starten"))
    click(page, header.get_by_role("link", name="Goedkeuren"))
    click(page, page.get_by_role("button", name="Ja: Goedkeuren"))
    expect(header).to_contain_text("Goedgekeurd")
    nota.refresh_from_db()
    assert nota.status == "goedgekeurd"
