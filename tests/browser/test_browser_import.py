"""The import wizard in a browser: a column whose decimal separator must be chosen."""

from decimal import Decimal

from playwright.sync_api import expect

from analyses.models import IndicatorValue
from tests.browser.conftest import axe_check
from tests.factories import DeelnemendeGemeenteFactory, MembershipFactory, NetwerkFactory, UserFactory
from tests.factories import ensure_indicators, gemeente

# Every figure fits 1.234: a thousands separator in Dutch, a decimal point in Statbel's files.
TEXT = "Gemeente;Jaar;Waarde\nSint-Niklaas;2023;1.234\nTemse;2023;2.500\n"


def test_the_decimal_separator_is_asked_and_switched(page, live_server, login, tmp_path):
    ensure_indicators()
    netwerk = NetwerkFactory(name="Netwerk Waasland")
    for name in ("Sint-Niklaas", "Temse"):
        DeelnemendeGemeenteFactory(netwerk=netwerk, gemeente=gemeente(name))
    MembershipFactory(user=UserFactory(email="an@example.org"), netwerk=netwerk, role="coordinator")

    login("an@example.org")
    page.goto(f"{live_server.url}/cijfers/importeren/")
    axe_check(page)
    path = tmp_path / "leefloon.csv"
    path.write_text(TEXT, encoding="utf-8")
    page.get_by_label("Indicator").select_option(label="Leefloongerechtigden per 1.000 inwoners")
    page.get_by_label("Bestand").set_input_files(str(path))
    page.get_by_role("button", name="Bestand inlezen").click()
    expect(page.get_by_role("heading", name="Welke kolom bevat wat?")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Cijfers nakijken").click()

    expect(page.get_by_text("In kolom C (Waarde) is het decimaalteken niet uit te maken")).to_be_visible()
    expect(page.get_by_role("button", name="Deze cijfers importeren")).to_have_count(0)
    axe_check(page)
    choice = page.get_by_role("group", name="Decimaalteken van de cijfers")
    choice.get_by_label("een punt: 1.234 gelezen als 1,234").check()
    page.get_by_role("button", name="Cijfers opnieuw lezen").click()

    expect(page.get_by_text("Decimale punt in kolom C (Waarde): 1.234 gelezen als 1,234. (zoals u koos)")).to_be_visible()
    axe_check(page)
    # Changed one's mind: a comma after all, so the point separates thousands.
    page.get_by_role("group", name="Decimaalteken van de cijfers").get_by_label(
        "een komma: 1.234 gelezen als 1234"
    ).check()
    page.get_by_role("button", name="Cijfers opnieuw lezen").click()
    expect(page.get_by_text("Decimale komma in kolom C (Waarde): 1.234 gelezen als 1234. (zoals u koos)")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Deze cijfers importeren").click()
    expect(page.get_by_text("Geïmporteerd: 2 nieuwe en 0 gewijzigde waarden")).to_be_visible()
    axe_check(page)
    assert {v.value for v in IndicatorValue.objects.all()} == {Decimal("1234"), Decimal("2500")}


def test_two_groups_of_year_columns_are_chosen(page, live_server, login, tmp_path):
    from tests.analyses import publishers

    ensure_indicators()
    UserFactory(email="sofie@example.org", is_reviewer=True)
    login("sofie@example.org")
    page.goto(f"{live_server.url}/cijfers/importeren/")
    path = tmp_path / "herkomst.xlsx"
    path.write_bytes(publishers.grouped_years_xlsx())
    page.get_by_label("Indicator").select_option(label="Inwoners van buitenlandse herkomst")
    page.get_by_label("Bestand").set_input_files(str(path))
    page.get_by_role("button", name="Bestand inlezen").click()
    expect(page.get_by_role("heading", name="Welke kolom bevat wat?")).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Cijfers nakijken").click()
    expect(page.get_by_text("kolommen B–D (Aantal) en E–G (Percentage)")).to_be_visible()
    axe_check(page)
    page.get_by_role("link", name="Andere kolommen kiezen").click()
    for label in ("E: 2021 (Percentage)", "F: 2022 (Percentage)", "G: 2023 (Percentage)"):
        page.get_by_label(label).check()
    page.get_by_role("button", name="Cijfers nakijken").click()
    expect(page.get_by_text("6 nieuwe waarden", exact=True)).to_be_visible()
    axe_check(page)
    page.get_by_role("button", name="Deze cijfers importeren").click()
    expect(page.get_by_text("Geïmporteerd: 6 nieuwe en 0 gewijzigde waarden")).to_be_visible()
    axe_check(page)
    assert IndicatorValue.objects.get(gemeente__name="Temse", year=2023).value == Decimal("10.8")
