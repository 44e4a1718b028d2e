from dossiers.models import ReviewRemark
from tests.factories import make_ready


def step(client, nota, name, note=""):
    return client.post(f"/dossiers/{nota.pk}/stap/{name}/", {"note": note})


def test_reviewer_assesses_sections_and_the_network_sees_its_remarks(
    coordinator_client, reviewer_client, nota_a
):
    make_ready(nota_a)
    step(coordinator_client, nota_a, "submit")
    step(reviewer_client, nota_a, "start_review")
    data = {}
    for section in ["omgevingsanalyse", "visie", "doelstellingen", "partners", "begroting", "gemeenten"]:
        data.update({f"{section}-verdict": "in_orde", f"{section}-remark": "", f"{section}-internal_note": ""})
    data.update({
        "begroting-verdict": "werkpunt",
        "begroting-remark": "Het saldo van 2029 klopt niet.",
        "begroting-internal_note": "Vergelijk met vorige ronde.",
    })
    assert reviewer_client.post(f"/dossiers/{nota_a.pk}/beoordeling/", data).status_code == 302
    remark = ReviewRemark.objects.get(section="begroting")
    assert remark.verdict == "werkpunt"
    step(reviewer_client, nota_a, "request_changes", note="Zie de begroting.")
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/begroting/")
    assert "Het saldo van 2029 klopt niet." in page.text
    assert "Vergelijk met vorige ronde." not in page.text


def test_the_assessment_is_fixed_outside_the_review(reviewer_client, coordinator_client, nota_a):
    make_ready(nota_a)
    step(coordinator_client, nota_a, "submit")
    assert reviewer_client.post(f"/dossiers/{nota_a.pk}/beoordeling/", {}).status_code == 403


def test_review_list_is_for_publiq(reviewer_client, coordinator_client, nota_a):
    page = reviewer_client.get("/beoordeling/")
    assert page.status_code == 200 and "Netwerk Waasland" in page.text
    assert "Concept bij het netwerk" in page.text
    assert coordinator_client.get("/beoordeling/").status_code == 403
    assert reviewer_client.get("/beoordeling/?status=ingediend").context["rows"] == []
    assert reviewer_client.post("/beoordeling/").status_code == 405


def test_review_list_keeps_its_filters_on_the_next_page(reviewer_client, ronde):
    from dossiers.models import Afsprakennota
    from tests.factories import NetwerkFactory

    for number in range(51):
        netwerk = NetwerkFactory(name=f"Netwerk {number:02d}")
        Afsprakennota.objects.create(netwerk=netwerk, ronde=ronde)
    page = reviewer_client.get(f"/beoordeling/?ronde={ronde.pk}&status=concept")
    assert page.status_code == 200
    assert f'href="?ronde={ronde.pk}&amp;status=concept&amp;page=2"' in page.text
    second = reviewer_client.get(f"/beoordeling/?ronde={ronde.pk}&status=concept&page=2")
    assert [nota.netwerk.name for nota, _version in second.context["rows"]] == ["Netwerk 50"]
    assert f'href="?ronde={ronde.pk}&amp;status=concept&amp;page=1"' in second.text
