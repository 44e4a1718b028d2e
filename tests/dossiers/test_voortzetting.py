"""Copying an approved dossier into the 2029 round (2030-2032) with its follow-up: the unfinished
actions go along with their latest status and indicator values, the omgevingsanalyse gets a draft
self-evaluation to rewrite; without follow-up the copy is the plain one."""

import json

import pytest

from dossiers.checks import run_checklist
from dossiers.models import Afsprakennota, Indienronde
from dossiers.models.voortzetting import ActieHerkomst, Zelfevaluatie
from dossiers.snapshot import build_snapshot

from .voortgang_data import follow_up


@pytest.fixture
def later(db):
    return Indienronde.objects.get(first_year=2030)


def copy(client, nota, ronde) -> Afsprakennota:
    response = client.post(f"/netwerken/{nota.netwerk_id}/dossiers/kopie/", {"bron": nota.pk, "ronde": ronde.pk})
    result = Afsprakennota.objects.get(netwerk=nota.netwerk, ronde=ronde)
    assert response.url == f"/dossiers/{result.pk}/"
    return result


def test_the_unfinished_actions_go_along_with_their_latest_status(full_nota, coordinator_a, coordinator_client, later):
    follow_up(full_nota, coordinator_a)
    result = copy(coordinator_client, full_nota, later)
    document = build_snapshot(result)
    actions = [a for sd in document["doelstellingen"] for od in sd["ods"] for a in od["acties"]]
    # the holiday camp was completed in 2028: it stays behind; the postponed one moves up a place
    assert [(a["code"], a["title"]) for a in actions] == [("A1.1.1", "Infomarkt"), ("A2.1.1", "UiTPAS-infomarkt")]
    origins = {h.actie.title: h for h in ActieHerkomst.objects.filter(actie__nota=result)}
    assert (origins["Infomarkt"].status, origins["Infomarkt"].status_year) == ("lopend", 2028)
    assert (origins["UiTPAS-infomarkt"].status, origins["UiTPAS-infomarkt"].code) == ("uitgesteld", "A2.1.2")
    assert origins["Infomarkt"].series == [
        {"name": "Deelnemers met kansentarief", "target": "200", "values": [[2027, "150"], [2028, "180"]]}
    ]
    # the monitoring plan still points at the indicator of the action that went along
    assert document["samenwerking"]["monitoring"][0]["actie"] == "A1.1.1"
    tree = coordinator_client.get(f"/dossiers/{result.pk}/doelstellingen/").content.decode()
    assert "Opvolging 2028: uitgesteld" in tree and "Opvolging 2028: lopend" in tree


def test_the_draft_self_evaluation_is_built_from_the_follow_up(full_nota, coordinator_a, coordinator_client, later):
    follow_up(full_nota, coordinator_a)
    result = copy(coordinator_client, full_nota, later)
    text = Zelfevaluatie.objects.get(nota=result).text
    for sentence in (
        "Ontwerp opgebouwd uit de opvolging van 2027–2028.",
        "<h3>Wat ging goed</h3>",
        "1 van de 3 opgevolgde acties werd afgerond: A2.1.1 Vakantiekamp voor gezinnen.",
        "De acties bereikten 750 deelnemers, van wie 300 (40%) uit de kansengroepen.",
        "Er werden 2 reflectiemomenten gehouden, 2 ervan met mensen in armoede.",
        "<h3>Wat ging niet goed</h3>",
        "1 actie werd uitgesteld: A2.1.2 UiTPAS-infomarkt.",
        "Streefwaarde niet gehaald: Deelnemers met kansentarief (A1.1.1): 180 in 2028 tegenover een streefwaarde van 200.",
        "Personeel: in 2027 €&nbsp;45.000,00 gepland en €&nbsp;30.000,00 gerealiseerd; in 2028 €&nbsp;45.000,00 "
        "gepland en €&nbsp;30.000,00 gerealiseerd. Toelichting: Vacature pas in mei ingevuld",
        "<h3>Lessen</h3>",
        "Lessen van 1 jun. 2027: Ervaringsdeskundigen vroeger betrekken (2027)",
        "Beslist op 1 jun. 2028: Kamp in de zomer (2028)",
    ):
        assert sentence in text, sentence
    page = coordinator_client.get(f"/dossiers/{result.pk}/omgevingsanalyse/zelfevaluatie/").content.decode()
    assert "Niemand heeft het ontwerp al aangepast" in page
    warnings = [c.title for c in run_checklist(result).warnings]
    assert "De zelfevaluatie is herschreven, niet meer het ontwerp uit de opvolging" in warnings


def test_the_draft_is_editable_and_then_no_longer_a_draft(full_nota, coordinator_a, coordinator_client, later):
    follow_up(full_nota, coordinator_a)
    result = copy(coordinator_client, full_nota, later)
    item = Zelfevaluatie.objects.get(nota=result)
    assert item.untouched
    url = f"/dossiers/{result.pk}/omgevingsanalyse/zelfevaluatie/"
    form = coordinator_client.get(url).context["form"]
    response = coordinator_client.post(url, {
        "text": item.text + "<p>Met de stuurgroep besproken: de toeleiding loopt via het Sociaal Huis.</p>",
        "version": form["version"].value(),
    })
    assert response.status_code == 302
    item.refresh_from_db()
    assert not item.untouched and "Sociaal Huis" in item.text
    assert "Niemand heeft het ontwerp al aangepast" not in coordinator_client.get(url).content.decode()
    assert "De zelfevaluatie is herschreven" not in [c.title for c in run_checklist(result).warnings]


def test_without_follow_up_the_copy_is_as_before(full_nota, coordinator_client, later):
    full_nota.status = "goedgekeurd"
    full_nota.save(update_fields=["status"])
    result = copy(coordinator_client, full_nota, later)
    document = build_snapshot(result)
    actions = [a for sd in document["doelstellingen"] for od in sd["ods"] for a in od["acties"]]
    assert [a["title"] for a in actions] == ["Infomarkt", "Vakantiekamp voor gezinnen", "UiTPAS-infomarkt"]
    assert not ActieHerkomst.objects.exists() and not Zelfevaluatie.objects.exists()


def test_the_self_evaluation_is_in_the_pdf_the_word_file_and_the_json(full_nota, coordinator_a, coordinator_client, later):
    from io import BytesIO

    from docx import Document

    from dossiers.docx_export import build_docx
    from dossiers.exchange import export_json, import_document
    from dossiers.pdf import render_pdf
    from tests.pdftext import pdf_text, squash

    follow_up(full_nota, coordinator_a)
    result = copy(coordinator_client, full_nota, later)
    document = build_snapshot(result)
    assert "Wat ging goed" in document["zelfevaluatie"]["text"]
    pdf, *_ = render_pdf(document, draft=True)
    text = squash(pdf_text(pdf))
    assert "Zelfevaluatie Ontwerp opgebouwd uit de opvolging van 2027–2028." in text
    assert "1 actie werd uitgesteld: A2.1.2 UiTPAS-infomarkt." in text
    word = Document(BytesIO(build_docx(document)))
    headings = [(p.style.name, p.text) for p in word.paragraphs if p.style.name.startswith("Heading")]
    assert ("Heading 2", "Zelfevaluatie") in headings and ("Heading 3", "Wat ging goed") in headings
    # the exchange format carries it out and back in; a copy to another round leaves it behind
    exported = json.loads(export_json(result))
    result.delete()
    again = import_document(exported, ronde=later, netwerk=full_nota.netwerk)
    assert Zelfevaluatie.objects.get(nota=again).text == exported["zelfevaluatie"]["text"]
    assert not Zelfevaluatie.objects.get(nota=again).untouched  # imported text is the network's own


def test_the_action_page_shows_where_it_came_from(full_nota, coordinator_a, coordinator_client, later):
    follow_up(full_nota, coordinator_a)
    result = copy(coordinator_client, full_nota, later)
    herkomst = ActieHerkomst.objects.get(actie__nota=result, code="A1.1.1")
    page = coordinator_client.get(f"/dossiers/{result.pk}/doelstellingen/actie/{herkomst.actie_id}/").content.decode()
    assert "Uit de vorige afsprakennota (A1.1.1)" in page and "In de opvolging van 2028: lopend." in page
    assert "<strong>Deelnemers met kansentarief</strong> (streefwaarde 200): 2027 150, 2028 180" in page


def test_a_too_long_self_evaluation_is_refused_and_nothing_saved(nota_a, coordinator_client):
    url = f"/dossiers/{nota_a.pk}/omgevingsanalyse/zelfevaluatie/"
    response = coordinator_client.post(url, {"text": "<p>" + "x" * 20_001 + "</p>"})
    assert response.status_code == 200
    assert "20.000" in response.content.decode()
    assert not Zelfevaluatie.objects.exists()


def test_someone_elses_change_is_not_overwritten(nota_a, coordinator_client):
    item = Zelfevaluatie.objects.create(nota=nota_a, text="<p>Eerste versie</p>")
    url = f"/dossiers/{nota_a.pk}/omgevingsanalyse/zelfevaluatie/"
    version = coordinator_client.get(url).context["form"]["version"].value()
    item.text = "<p>Tekst van een collega</p>"
    item.save()
    response = coordinator_client.post(url, {"text": "<p>Mijn tekst</p>", "version": version})
    assert response.status_code == 409
    item.refresh_from_db()
    assert item.text == "<p>Tekst van een collega</p>"


def test_a_large_follow_up_still_gives_a_draft_within_bounds(nota_a, coordinator_a):
    from dossiers.models import Reflectiemoment
    from dossiers.richtext import plain_text
    from dossiers.services_opvolging import werkjaar_start
    from dossiers.services_voortzetting import zelfevaluatie_draft
    from dossiers.voortgang import voortgang
    from netwerken import bounds

    from .opvolging_data import approve_with_plan

    approve_with_plan(nota_a, actions=40)
    for year in nota_a.ronde.years:
        jaar = werkjaar_start(nota=nota_a, year=year, user=coordinator_a)
        jaar.acties.update(status="uitgesteld")
        for _n in range(5):
            Reflectiemoment.objects.create(
                werkjaar=jaar, held_on=f"{year}-06-01", participants="Stuurgroep",
                lessons="Een lange les. " * 300, decisions="Een lange beslissing. " * 300,
            )
    draft = zelfevaluatie_draft(voortgang(nota_a))
    assert len(plain_text(draft)) < bounds.LONG_TEXT
    assert "en 30 andere" in draft and "punten: zie de voortgang over de jaren" in draft
