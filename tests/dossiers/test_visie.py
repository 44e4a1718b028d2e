from django.test import Client

from dossiers.models import Visie
from tests.sessions import expired_session

VISIE = {
    "text": "<h3>Samen</h3><p>Iedereen doet <strong>mee</strong>.</p>",
    "vorm": "beide",
    "vorm_motivation": "We leiden toe en geven mensen een stem.",
    "inspraak": "beslist",
    "q_goal": "Meer deelname.",
}


def url(nota):
    return f"/dossiers/{nota.pk}/visie/"


def post(client, nota, **data):
    visie = Visie.objects.filter(nota=nota).first()
    form_version = ""
    if visie:
        from concurrency.forms import get_signer

        form_version = get_signer().sign(visie.version)
    return client.post(url(nota), {**VISIE, "version": form_version, **data})


def test_coordinator_writes_the_vision(coordinator_client, nota_a):
    response = post(coordinator_client, nota_a)
    assert response.status_code == 302
    visie = Visie.objects.get(nota=nota_a)
    assert visie.text == "<h3>Samen</h3><p>Iedereen doet <strong>mee</strong>.</p>"
    assert visie.vorm == "beide"
    page = coordinator_client.get(url(nota_a))
    assert "De visie is bewaard." in page.text


def test_script_and_styles_are_removed(coordinator_client, nota_a):
    dirty = (
        '<p onclick="x()">Hallo<script>alert(1)</script></p>'
        '<h1>Titel</h1><a href="javascript:alert(1)">link</a>'
        '<a href="https://example.org">ok</a><img src="http://evil.example/x.png">'
    )
    post(coordinator_client, nota_a, text=dirty)
    text = Visie.objects.get(nota=nota_a).text
    assert "<script" not in text and "alert(1)</script>" not in text
    assert "onclick" not in text and "javascript:" not in text and "<img" not in text
    assert "<h1>" not in text
    assert '<a href="https://example.org" rel="noopener noreferrer nofollow">ok</a>' in text


def test_partner_and_reviewer_only_read(partner_client, reviewer_client, nota_a):
    for client in (partner_client, reviewer_client):
        page = client.get(url(nota_a))
        assert page.status_code == 200
        assert "Visie bewaren" not in page.text
        assert post(client, nota_a).status_code == 403
    assert not Visie.objects.filter(nota=nota_a).exists()


def test_second_save_of_a_stale_version_shows_both(coordinator_client, nota_a, coordinator_a):
    post(coordinator_client, nota_a, q_goal="Eerste versie")
    stale_version = Visie.objects.get(nota=nota_a).version
    # A colleague saves in the meantime.
    post(coordinator_client, nota_a, q_goal="Versie van de collega")
    from concurrency.forms import get_signer

    response = coordinator_client.post(
        url(nota_a), {**VISIE, "q_goal": "Mijn versie", "version": get_signer().sign(stale_version)}
    )
    assert response.status_code == 409
    assert "Iemand anders bewaarde dit intussen" in response.text
    assert "Versie van de collega" in response.text
    assert "Mijn versie" in response.text
    assert Visie.objects.get(nota=nota_a).q_goal == "Versie van de collega"
    # Saving again from the conflict form is deliberate and wins.
    again = coordinator_client.post(
        url(nota_a), {**VISIE, "q_goal": "Mijn versie", "version": response.context["form"]["version"].value()}
    )
    assert again.status_code == 302
    assert Visie.objects.get(nota=nota_a).q_goal == "Mijn versie"


def test_text_typed_during_an_expired_session_comes_back(nota_a, coordinator_a):
    client = expired_session(Client(), coordinator_a)
    response = client.post(url(nota_a), {**VISIE, "q_goal": "Lang verhaal", "version": ""})
    assert response.status_code == 302 and response.url.startswith("/account/login/")
    client.force_login(coordinator_a)
    page = client.get(url(nota_a))
    assert "Lang verhaal" in page.text
    assert "Wat u typte voor het aanmelden staat er weer." in page.text
    # Restored, not saved: the user checks and saves.
    assert not Visie.objects.filter(nota=nota_a).exists()
    # Only once.
    assert "Lang verhaal" not in client.get(url(nota_a)).text


def test_changes_are_in_the_history(coordinator_client, nota_a, coordinator_a):
    post(coordinator_client, nota_a)
    post(coordinator_client, nota_a, q_goal="Anders")
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/geschiedenis/")
    assert page.status_code == 200
    entries = page.context["page"].object_list
    assert entries[0].who == coordinator_a
    assert entries[0].kind == "~"
    assert "Wat willen we samen bereiken?" in entries[0].changes
    visie = Visie.objects.get(nota=nota_a)
    item_page = coordinator_client.get(f"/dossiers/{nota_a.pk}/geschiedenis/?item=visie:{visie.pk}")
    assert len(item_page.context["page"].object_list) == 2
