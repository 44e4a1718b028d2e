import re

from playwright.sync_api import expect

from tests.browser.conftest import axe_check
from tests.factories import UserFactory, ensure_indicators

# An Opgroeien-like count with old municipalities before 2025 and a misspelt name.
CSV = (
    "Gemeente;Jaar;Aantal\n"
    "Bilzen;2024;120\n"
    "Hoeselt;2024;35\n"
    "Tielt;2024;50\n"
    "Sint-Truidn;2024;310\n"
    "13 centrumsteden;2024;9000\n"
)


def test_staff_accepts_a_name_suggestion_and_sees_the_merger_explained(page, live_server, login, tmp_path):
    ensure_indicators()
    UserFactory(email="rita@example.org", is_reviewer=True)
    login("rita@example.org")
    page.goto(f"{live_server.url}/cijfers/importeren/")
    axe_check(page)
    csv = tmp_path / "uitpas.csv"
    csv.write_text(CSV, encoding="cp1252")
    page.get_by_label("Indicator").select_option(label="UiTPAS-houders met kansentarief")
    page.get_by_label("Bestand").set_input_files(str(csv))
    page.get_by_role("button", name="Bestand inlezen").click()
    expect(page.get_by_role("heading", name="Welke kolom bevat wat?")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Cijfers nakijken").click()
    expect(page.get_by_text("Het bestand heeft 1 probleem. Er wordt niets geïmporteerd.")).to_be_visible()
    expect(page.get_by_text("‘Sint-Truidn’ (rij 5): bedoelt u Sint-Truiden?")).to_be_visible()
    axe_check(page)

    page.get_by_role("button", name="Ja, lees het als Sint-Truiden").click()
    expect(page.get_by_text("‘Sint-Truidn’ wordt in deze import gelezen als Sint-Truiden.")).to_be_visible()
    expect(page.get_by_text("2 nieuwe waarden", exact=True)).to_be_visible()
    merged = page.get_by_role("region", name="Opgeteld voor de gemeenten die in 2025 fuseerden")
    expect(merged).to_contain_text("Bilzen-Hoeselt 2024: 155 = Bilzen (rij 2) + Hoeselt (rij 3)")
    page.get_by_text(re.compile("Weggelaten: 2 rijen of cijfers")).click()
    expect(page.get_by_text("Sinds 2025 deel van Tielt (37022); kan niet worden opgeteld zonder Meulebeke")).to_be_visible()
    expect(page.get_by_text("Een vergelijkingsgroep, geen gemeente")).to_be_visible()
    axe_check(page)

    page.get_by_role("button", name="Deze cijfers importeren").click()
    expect(page.get_by_text("Geïmporteerd: 2 nieuwe en 0 gewijzigde waarden")).to_be_visible()
    axe_check(page)
