"""The multi-year budget grid: lines, Dutch amounts, all-or-nothing saves, cell saves with their
totals, version conflicts, the actions' costs, and the budget's checklist rules."""

from decimal import Decimal

import pytest

from dossiers.checklist import run_checklist
from dossiers.models import Actie, ActieKost, Begrotingsbedrag, Begrotingspost, OperationeleDoelstelling
from dossiers.models import StrategischeDoelstelling
from dossiers.services_begroting import BudgetGrid
from netwerken.models import DeelnemendeGemeente
from tests.factories import gemeente
from tests.sessions import expired_session


def url(nota, cell=False):
    return f"/dossiers/{nota.pk}/begroting/" + ("cel/" if cell else "")


def amounts(nota):
    """{(line, year): amount} as stored."""
    return {
        (b.post.gemeente.name if b.post.gemeente else b.post.category, b.year): b.amount
        for b in Begrotingsbedrag.objects.filter(post__nota=nota).select_related("post__gemeente")
    }


def with_versions(nota, data):
    """The data as the page sends it: every amount with the version the page showed."""
    for cell in BudgetGrid(nota).cells():
        if cell.name in data:
            data.setdefault(cell.version_name, str(cell.version))
    return data


def checks(nota):
    return {c.rule.name: c for c in run_checklist(nota).checks}


def test_every_category_and_every_municipality_has_a_line_and_reading_writes_nothing(coordinator_client, nota_a):
    page = coordinator_client.get(url(nota_a))
    assert page.status_code == 200
    labels = [line.label for line in page.context["grid"].expenses + page.context["grid"].income]
    assert labels == [
        "Personeel", "Werking", "Acties", "Communicatie", "Vervoer en toegankelijkheid", "Vorming",
        "Andere uitgaven", "Vlaamse subsidie", "Bijdrage van Sint-Niklaas", "Bijdrage van Temse",
        "Eigen inbreng IGS", "Andere subsidies", "Andere inkomsten",
    ]
    for year in range(2027, 2033):
        assert f'id="year-{year}"' in page.text
    assert 'name="c-personeel-2027"' in page.text
    assert not Begrotingspost.objects.exists()


def test_save_all_accepts_amounts_as_people_type_them(coordinator_client, nota_a):
    sint_niklaas = gemeente("Sint-Niklaas")
    response = coordinator_client.post(url(nota_a), with_versions(nota_a, {
        "c-personeel-2027": "12.500",
        "c-werking-2027": "1.250,50",
        "c-vlaamse_subsidie-2027": "€ 10 000",
        f"c-gemeente-{sint_niklaas.pk}-2027": "3750.5",
        "n-personeel": "  Een coördinator  ",
    }))
    assert response.status_code == 302
    assert amounts(nota_a) == {
        ("personeel", 2027): Decimal("12500.00"),
        ("werking", 2027): Decimal("1250.50"),
        ("vlaamse_subsidie", 2027): Decimal("10000.00"),
        ("Sint-Niklaas", 2027): Decimal("3750.50"),
    }
    assert Begrotingspost.objects.get(nota=nota_a, category="personeel").note == "Een coördinator"
    page = coordinator_client.get(url(nota_a))
    assert "De begroting is opgeslagen." in page.text
    assert 'value="12.500,00"' in page.text
    grid = page.context["grid"]
    assert grid.expense_totals[0] == Decimal("13750.50") and grid.income_totals[0] == Decimal("13750.50")
    assert grid.balance[0] == 0 and grid.balance_total == 0


def test_one_wrong_amount_saves_nothing_and_keeps_what_was_typed(coordinator_client, nota_a):
    response = coordinator_client.post(url(nota_a), with_versions(nota_a, {
        "c-personeel-2027": "45.000",
        "c-werking-2027": "veel",
        "c-vorming-2028": "-5",
    }))
    assert response.status_code == 422
    assert amounts(nota_a) == {}
    assert not Begrotingspost.objects.exists()
    text = response.text
    assert 'value="45.000"' in text and 'value="veel"' in text and 'value="-5"' in text
    assert "“veel” is geen bedrag. Schrijf het zoals 1.250,50." in text
    assert "Een bedrag kan niet negatief zijn." in text
    assert 'href="#c-werking-2027"' in text  # the summary leads to the cell
    assert 'aria-invalid="true" aria-describedby="err-c-werking-2027"' in text


def test_a_cell_saves_alone_and_answers_with_the_new_totals(coordinator_client, nota_a):
    response = coordinator_client.post(url(nota_a, cell=True), {"c-personeel-2029": "2.000", "v-personeel-2029": "0"})
    assert response.status_code == 200
    assert amounts(nota_a) == {("personeel", 2029): Decimal("2000.00")}
    text = response.text
    assert text.lstrip().startswith("<td")
    assert 'value="2.000,00"' in text
    assert 'id="total-personeel" hx-swap-oob="true">2.000,00' in text
    assert 'id="expense-totals" hx-swap-oob="true"' in text and 'id="balance-row" hx-swap-oob="true"' in text
    assert 'id="section-checks" hx-swap-oob="true"' in text
    assert "Opgeslagen: Personeel 2029" in text
    # the version the next save must carry
    stored = Begrotingsbedrag.objects.get(post__nota=nota_a, year=2029)
    assert f'name="v-personeel-2029" value="{stored.version}"' in text


def test_a_wrong_cell_says_why_where_it_is(coordinator_client, nota_a):
    response = coordinator_client.post(url(nota_a, cell=True), with_versions(nota_a, {"c-personeel-2029": "12,5,0"}))
    assert response.status_code == 422
    assert "is geen bedrag" in response.text and 'value="12,5,0"' in response.text
    assert "Niet opgeslagen" in response.text
    assert amounts(nota_a) == {}


def test_a_cell_request_must_name_one_cell(coordinator_client, nota_a):
    assert coordinator_client.post(url(nota_a, cell=True), {}).status_code == 404
    assert coordinator_client.post(url(nota_a, cell=True), {"c-bestaat-niet-2027": "1"}).status_code == 404
    assert coordinator_client.post(url(nota_a, cell=True), {"c-personeel-2040": "1"}).status_code == 404


def test_emptying_a_cell_removes_its_amount(coordinator_client, nota_a):
    coordinator_client.post(url(nota_a), with_versions(nota_a, {"c-personeel-2027": "10"}))
    version = Begrotingsbedrag.objects.get().version
    coordinator_client.post(url(nota_a), {"c-personeel-2027": "", "v-personeel-2027": version})
    assert amounts(nota_a) == {}


def test_someone_elses_change_is_never_overwritten_unknowingly(coordinator_client, nota_a):
    page = coordinator_client.get(url(nota_a))
    seen_version = page.context["grid"].cell("personeel", 2027).version  # 0: empty when the page opened
    coordinator_client.post(url(nota_a, cell=True), {"c-personeel-2027": "500", "v-personeel-2027": "0"})  # the colleague
    response = coordinator_client.post(url(nota_a), {"c-personeel-2027": "700", "v-personeel-2027": seen_version})
    assert response.status_code == 422
    assert "Iemand anders wijzigde dit bedrag intussen naar €\xa0500,00" in response.text
    assert amounts(nota_a) == {("personeel", 2027): Decimal("500.00")}
    assert 'value="700"' in response.text  # what this person typed is kept
    # Saving again, now from the version shown, keeps theirs on purpose.
    current = response.context["grid"].cell("personeel", 2027).version
    assert coordinator_client.post(url(nota_a), {"c-personeel-2027": "700", "v-personeel-2027": current}).status_code == 302
    assert amounts(nota_a) == {("personeel", 2027): Decimal("700.00")}


NO_VERSION = (
    "Dit bedrag werd verstuurd zonder de versie waarop het getypt werd, en zou zo de wijziging van "
    "een collega kunnen overschrijven. Het is niet opgeslagen: herlaad de pagina en typ het opnieuw."
)


def test_a_save_without_the_version_is_refused_not_overwriting(coordinator_client, nota_a):
    coordinator_client.post(url(nota_a, cell=True), {"c-personeel-2027": "500", "v-personeel-2027": "0"})
    for data in ({"c-personeel-2027": "700"}, {"c-personeel-2027": "700", "v-personeel-2027": "x"}):
        response = coordinator_client.post(url(nota_a, cell=True), data)
        assert response.status_code == 400
        assert NO_VERSION in response.text and 'value="700"' in response.text
        assert 'aria-invalid="true"' in response.text and "Niet opgeslagen." in response.text
        response = coordinator_client.post(url(nota_a), {**data, "c-werking-2027": "5", "v-werking-2027": "0"})
        assert response.status_code == 400
        assert "Er is niets opgeslagen" in response.text and NO_VERSION in response.text
        assert 'href="#c-personeel-2027"' in response.text
    assert amounts(nota_a) == {("personeel", 2027): Decimal("500.00")}
    # With the version, the same save goes through.
    version = Begrotingsbedrag.objects.get().version
    data = {"c-personeel-2027": "700", "v-personeel-2027": version}
    assert coordinator_client.post(url(nota_a, cell=True), data).status_code == 200
    assert amounts(nota_a) == {("personeel", 2027): Decimal("700.00")}


def test_a_cell_changed_by_someone_else_answers_409_with_a_choice(coordinator_client, nota_a):
    coordinator_client.post(url(nota_a, cell=True), {"c-personeel-2027": "500", "v-personeel-2027": "0"})
    response = coordinator_client.post(url(nota_a, cell=True), {"c-personeel-2027": "700", "v-personeel-2027": "0"})
    assert response.status_code == 409
    assert 'value="700"' in response.text and "Iemand anders wijzigde dit bedrag" in response.text
    assert "Mijn bedrag bewaren" in response.text and 'data-budget-take="500,00"' in response.text
    version = Begrotingsbedrag.objects.get().version
    assert f'name="v-personeel-2027" value="{version}"' in response.text  # to save mine on purpose
    assert amounts(nota_a) == {("personeel", 2027): Decimal("500.00")}
    # The totals in the answer are the stored ones, not the refused amount.
    assert 'id="total-personeel" hx-swap-oob="true">500,00' in response.text


def test_typing_the_same_amount_as_the_colleague_is_no_conflict(coordinator_client, nota_a):
    coordinator_client.post(url(nota_a), with_versions(nota_a, {"c-personeel-2027": "500"}))
    response = coordinator_client.post(url(nota_a), {"c-personeel-2027": "500,00", "v-personeel-2027": "0"})
    assert response.status_code == 302


def _action_with_costs(nota, costs):
    sd = StrategischeDoelstelling.objects.create(nota=nota, title="SD")
    od = OperationeleDoelstelling.objects.create(sd=sd, title="OD")
    actie = Actie.objects.create(od=od, title="Kamp", years=list(costs))
    for year, amount in costs.items():
        ActieKost.objects.create(actie=actie, year=year, amount=Decimal(amount))
    return actie


def test_the_actions_costs_are_compared_and_can_be_taken_over(coordinator_client, nota_a):
    _action_with_costs(nota_a, {2027: "1500", 2028: "800"})
    coordinator_client.post(url(nota_a), with_versions(nota_a, {"c-acties-2027": "1500"}))
    check = checks(nota_a)["budget_matches_actions"]
    assert not check.blocking
    assert check.problems == [
        "2028: de acties zijn samen op €\xa0800,00 geraamd; de begroting voorziet €\xa00,00."
    ]
    page = coordinator_client.get(url(nota_a))
    assert "wijkt af met -€\xa0800,00" in page.text
    response = coordinator_client.post(url(nota_a), {"take_actions": "1"})
    assert response.status_code == 302 and response.url.endswith("#acties-vergelijking")
    assert amounts(nota_a) == {("acties", 2027): Decimal("1500.00"), ("acties", 2028): Decimal("800.00")}
    assert checks(nota_a)["budget_matches_actions"].passed


def test_the_budget_rules(coordinator_client, nota_a):
    found = checks(nota_a)
    assert found["budget_every_year"].blocking and found["budget_balanced"].blocking
    assert "2027: nog geen bedragen." in found["budget_every_year"].problems
    assert found["budget_balanced"].nothing_to_check  # nothing typed: nothing to balance yet
    data = {}
    for year in range(2027, 2033):
        data[f"c-personeel-{year}"] = "1000"
        data[f"c-vlaamse_subsidie-{year}"] = "900"
    data["c-vlaamse_subsidie-2032"] = ""
    coordinator_client.post(url(nota_a), with_versions(nota_a, data))
    found = checks(nota_a)
    assert found["budget_every_year"].problems == ["2032: nog geen inkomsten."]
    assert found["budget_balanced"].problems[0] == (
        "2027: inkomsten €\xa0900,00, uitgaven €\xa01.000,00; een verschil van -€\xa0100,00."
    )
    assert len(found["budget_balanced"].problems) == 6
    data = {f"c-eigen_inbreng-{year}": "100" for year in range(2027, 2033)}
    data["c-vlaamse_subsidie-2032"] = "900"
    coordinator_client.post(url(nota_a), with_versions(nota_a, data))
    found = checks(nota_a)
    assert found["budget_every_year"].passed and found["budget_balanced"].passed


def test_a_municipality_that_left_keeps_its_line_with_a_warning(coordinator_client, nota_a):
    temse = gemeente("Temse")
    coordinator_client.post(url(nota_a), with_versions(nota_a, {f"c-gemeente-{temse.pk}-2027": "100"}))
    assert checks(nota_a)["budget_only_participants"].passed
    DeelnemendeGemeente.objects.filter(netwerk=nota_a.netwerk, gemeente=temse).delete()
    page = coordinator_client.get(url(nota_a))
    assert "neemt niet meer deel" in page.text
    assert checks(nota_a)["budget_only_participants"].problems == [
        "Temse neemt niet meer deel aan het netwerk maar heeft nog een bijdrage in de begroting."
    ]


def test_readers_see_amounts_without_inputs(partner_client, coordinator_client, nota_a):
    coordinator_client.post(url(nota_a), with_versions(nota_a, {"c-personeel-2027": "1234,5"}))
    page = partner_client.get(url(nota_a))
    assert page.status_code == 200
    assert "1.234,50" in page.text
    assert 'name="c-personeel-2027"' not in page.text and "Begroting opslaan" not in page.text


def test_a_submitted_budget_cannot_be_changed(coordinator_client, nota_a):
    nota_a.status = "ingediend"
    nota_a.save()
    assert coordinator_client.post(url(nota_a), {"c-personeel-2027": "1"}).status_code == 403
    assert coordinator_client.post(url(nota_a, cell=True), {"c-personeel-2027": "1"}).status_code == 403


def test_amounts_typed_before_the_session_expired_come_back(client, coordinator_a, nota_a):
    expired_session(client, coordinator_a)
    response = client.post(url(nota_a), {"c-personeel-2027": "4.321"})
    assert response.status_code == 302 and "/account/login/" in response.url
    client.force_login(coordinator_a)
    page = client.get(url(nota_a))
    assert 'value="4.321"' in page.text
    assert amounts(nota_a) == {}  # shown again, not saved behind the user's back


def test_a_cell_saved_after_the_session_expired_comes_back_on_the_grid(client, coordinator_a, nota_a):
    expired_session(client, coordinator_a)
    response = client.post(url(nota_a, cell=True), {"c-werking-2030": "777"}, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    assert response["HX-Redirect"] == f"/account/login/?next=/dossiers/{nota_a.pk}/begroting/"
    client.force_login(coordinator_a)
    page = client.get(url(nota_a))
    assert 'value="777"' in page.text and amounts(nota_a) == {}


@pytest.mark.parametrize("size", ["small", "large"])
def test_the_demo_budget_is_balanced(db, size):
    from django.core.management import call_command

    from dossiers.demo import reference_dossiers
    from tests.factories import ensure_gemeenten, ensure_rondes

    ensure_gemeenten()
    ensure_rondes()
    call_command("seed_demo", large=True, stdout=open("/dev/null", "w"))
    nota = reference_dossiers()[0 if size == "small" else 1]
    found = checks(nota)
    assert found["budget_every_year"].passed and found["budget_balanced"].passed
    assert found["budget_matches_actions"].passed
    before = amounts(nota)
    call_command("seed_demo", large=True, stdout=open("/dev/null", "w"))
    assert amounts(nota) == before  # seeding again changes nothing
