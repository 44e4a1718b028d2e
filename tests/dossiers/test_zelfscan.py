"""The Arrow Roots self-scan: members score, the network sees the spread, a weak domain
becomes an action, scans repeat over the years."""

from datetime import date

import pytest

from dossiers.models import Actie, OperationeleDoelstelling, StrategischeDoelstelling
from dossiers.models.zelfscan import Domein, Zelfscan, ZelfscanScore

DOMAINS = [d.value for d in Domein]


def answers(score=3, **overrides):
    data = {}
    for domein in DOMAINS:
        data[f"{domein}-score"] = str(overrides.get(domein, score))
        data[f"{domein}-remark"] = ""
    return data


@pytest.fixture
def scan(netwerk_a):
    return Zelfscan.objects.create(netwerk=netwerk_a, title="Zelfscan 2027", opened_on=date(2027, 3, 1))


def url(netwerk, scan=None, rest=""):
    base = f"/netwerken/{netwerk.pk}/zelfscan/"
    return base + (f"{scan.pk}/" if scan else "") + rest


def test_the_coordinator_opens_a_scan(coordinator_client, netwerk_a):
    page = coordinator_client.get(url(netwerk_a))
    assert page.status_code == 200 and "Nog geen zelfscan." in page.text
    response = coordinator_client.post(url(netwerk_a), {"title": "Zelfscan voorjaar 2027"})
    scan = Zelfscan.objects.get(netwerk=netwerk_a)
    assert response.url == url(netwerk_a, scan)
    assert scan.title == "Zelfscan voorjaar 2027" and scan.opened_on == date.today()


def test_a_scan_needs_a_title(coordinator_client, netwerk_a):
    response = coordinator_client.post(url(netwerk_a), {"title": ""})
    assert response.status_code == 200 and "Dit veld is verplicht." in response.text
    assert not Zelfscan.objects.exists()


def test_members_score_and_see_the_spread(coordinator_client, partner_client, coordinator_a, partner_a, scan, netwerk_a):
    partner_answers = answers(4, relaties=1)
    partner_answers["relaties-remark"] = "Het OCMW wordt niet gehoord."
    assert partner_client.post(url(netwerk_a, scan, "invullen/"), partner_answers).status_code == 302
    assert coordinator_client.post(url(netwerk_a, scan, "invullen/"), answers(4, relaties=4)).status_code == 302
    assert ZelfscanScore.objects.filter(scan=scan).count() == 20
    score = ZelfscanScore.objects.get(scan=scan, user=partner_a, domein="relaties")
    assert score.partner.name == "OCMW Temse"
    page = coordinator_client.get(url(netwerk_a, scan))
    assert page.status_code == 200
    relaties = next(item for item in page.context["items"] if item.domein == "relaties")
    assert relaties.counts == {1: 1, 2: 0, 3: 0, 4: 1, 5: 0}
    assert relaties.mean == 2.5 and relaties.disagreement and relaties.weak
    assert "OCMW Temse" in page.text and "Het OCMW wordt niet gehoord." in page.text
    assert "onenigheid" in page.text
    svg = str(page.context["chart"])
    assert 'role="img"' in svg and "Relaties en vertrouwen: 1× 1, 1× 4 (gemiddeld 2,5)" in svg
    assert page.context["respondents"] == 2


def test_answering_again_replaces_ones_own_scores(coordinator_client, coordinator_a, scan, netwerk_a):
    coordinator_client.post(url(netwerk_a, scan, "invullen/"), answers(2))
    coordinator_client.post(url(netwerk_a, scan, "invullen/"), answers(5))
    scores = ZelfscanScore.objects.filter(scan=scan, user=coordinator_a)
    assert scores.count() == 10 and {s.score for s in scores} == {5}
    form = coordinator_client.get(url(netwerk_a, scan, "invullen/"))
    assert 'value="5" checked' in form.text


@pytest.mark.parametrize("bad", ["0", "6", "", "drie"])
def test_a_score_outside_1_to_5_is_refused_and_nothing_saved(coordinator_client, scan, netwerk_a, bad):
    data = answers(3)
    data["context-score"] = bad
    response = coordinator_client.post(url(netwerk_a, scan, "invullen/"), data)
    assert response.status_code == 200
    assert 'id="foutmelding"' in response.text and "Context" in response.text
    assert not ZelfscanScore.objects.exists()


def test_a_too_long_remark_is_refused(coordinator_client, scan, netwerk_a):
    data = answers(3)
    data["context-remark"] = "x" * 5001
    response = coordinator_client.post(url(netwerk_a, scan, "invullen/"), data)
    assert response.status_code == 200 and "5000" in response.text
    assert not ZelfscanScore.objects.exists()


def test_a_closed_scan_takes_no_more_scores(coordinator_client, partner_client, scan, netwerk_a):
    assert coordinator_client.post(url(netwerk_a, scan, "afsluiten/")).status_code == 302
    scan.refresh_from_db()
    assert scan.closed
    response = partner_client.post(url(netwerk_a, scan, "invullen/"), answers(3), follow=True)
    assert "Deze zelfscan is afgesloten." in response.text
    assert not ZelfscanScore.objects.exists()


@pytest.fixture
def od(nota_a):
    sd = StrategischeDoelstelling.objects.create(nota=nota_a, position=1, title="Toegankelijk aanbod")
    return OperationeleDoelstelling.objects.create(sd=sd, nota=nota_a, position=1, title="Drempels verlagen")


def test_a_weak_domain_becomes_an_action(coordinator_client, partner_client, scan, netwerk_a, nota_a, od):
    data = answers(4, communicatie=1)
    data["communicatie-remark"] = "We horen te laat wat er beslist is."
    partner_client.post(url(netwerk_a, scan, "invullen/"), data)
    page = coordinator_client.get(url(netwerk_a, scan))
    assert "Maak er een actie van" in page.text
    response = coordinator_client.post(url(netwerk_a, scan, "actie/"), {"domein": "communicatie", "od": od.pk})
    actie = Actie.objects.get(od=od)
    assert response.url == f"/dossiers/{nota_a.pk}/doelstellingen/actie/{actie.pk}/"
    assert actie.title == "Het netwerk versterken: communicatie"
    assert "We horen te laat wat er beslist is." in actie.description
    assert "gemiddeld 1,0" in actie.description


def test_no_action_in_an_objective_of_another_dossier(coordinator_client, scan, netwerk_a, nota_a, netwerk_b, ronde):
    from dossiers.models import Afsprakennota

    other = Afsprakennota.objects.create(netwerk=netwerk_b, ronde=ronde)
    sd = StrategischeDoelstelling.objects.create(nota=other, position=1, title="Elders")
    foreign = OperationeleDoelstelling.objects.create(sd=sd, nota=other, position=1, title="Elders")
    coordinator_client.post(url(netwerk_a, scan, "actie/"), {"domein": "context", "od": foreign.pk})
    assert not Actie.objects.exists()


def test_no_action_without_an_editable_dossier(coordinator_client, scan, netwerk_a):
    response = coordinator_client.post(url(netwerk_a, scan, "actie/"), {"domein": "context", "od": 1}, follow=True)
    assert "geen dossier dat nog gewijzigd kan worden" in response.text
    assert not Actie.objects.exists()


def test_the_course_over_the_years(coordinator_client, coordinator_a, netwerk_a):
    first = Zelfscan.objects.create(netwerk=netwerk_a, title="Scan 2027", opened_on=date(2027, 3, 1))
    second = Zelfscan.objects.create(netwerk=netwerk_a, title="Scan 2028", opened_on=date(2028, 3, 1))
    for scan, score in ((first, 2), (second, 4)):
        for domein in DOMAINS:
            ZelfscanScore.objects.create(scan=scan, user=coordinator_a, domein=domein, score=score)
    page = coordinator_client.get(url(netwerk_a))
    assert "Verloop over de scans" in page.text
    context_row = next(cells for label, cells in page.context["rows"] if label == "context")
    assert [item.mean for item in context_row] == [4.0, 2.0]


def test_query_counts_do_not_grow_with_members(coordinator_client, netwerk_a, scan, django_assert_max_num_queries):
    from tests.factories import UserFactory

    def add(n):
        for _ in range(n):
            user = UserFactory()
            for domein in DOMAINS:
                ZelfscanScore.objects.create(scan=scan, user=user, domein=domein, score=3, remark="Goed")

    add(1)
    with django_assert_max_num_queries(30) as small:
        assert coordinator_client.get(url(netwerk_a, scan)).status_code == 200
    add(15)
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert coordinator_client.get(url(netwerk_a, scan)).status_code == 200
