from dossiers.models import Comment, Notification
from tests.factories import UserFactory


def comment(client, nota, body="Kan dit concreter?", section="visie", anchor="section", **extra):
    return client.post(
        f"/dossiers/{nota.pk}/commentaar/", {"body": body, "section": section, "anchor": anchor, **extra}
    )


def open_consultation(nota):
    nota.status = "consultatie"
    nota.save()


def test_partner_comments_during_consultation_only(partner_client, nota_a):
    assert comment(partner_client, nota_a).status_code == 403
    open_consultation(nota_a)
    assert comment(partner_client, nota_a).status_code == 302
    thread = Comment.objects.get()
    assert thread.section == "visie" and thread.anchor_label == "Visie"


def test_comment_on_a_thing_that_is_not_in_the_dossier_is_404(coordinator_client, nota_a):
    assert comment(coordinator_client, nota_a, anchor="actie:999").status_code == 404
    assert comment(coordinator_client, nota_a, section="bestaatniet").status_code == 404


def test_empty_comment_is_refused(coordinator_client, nota_a):
    response = comment(coordinator_client, nota_a, body="   ")
    assert response.status_code == 400
    assert "Het commentaar is leeg." in response.text
    assert not Comment.objects.exists()


def test_internal_comments_stay_with_publiq(reviewer_client, coordinator_client, partner_client, nota_a):
    open_consultation(nota_a)
    comment(reviewer_client, nota_a, body="Alleen voor ons", visibility="internal")
    comment(reviewer_client, nota_a, body="Voor het netwerk", visibility="network")
    url = f"/dossiers/{nota_a.pk}/commentaar/?section=visie&anchor=section"
    assert "Alleen voor ons" in reviewer_client.get(url).text
    for client in (coordinator_client, partner_client):
        page = client.get(url).text
        assert "Alleen voor ons" not in page and "Voor het netwerk" in page
        assert "Alleen voor ons" not in client.get(f"/dossiers/{nota_a.pk}/commentaar/").text
        assert "Alleen voor ons" not in client.get(f"/dossiers/{nota_a.pk}/geschiedenis/").text
    # A network member cannot write internal comments.
    assert comment(coordinator_client, nota_a, visibility="internal").status_code == 403


def test_replies_notify_the_thread(coordinator_client, partner_client, nota_a, partner_a, coordinator_a):
    open_consultation(nota_a)
    comment(partner_client, nota_a)
    thread = Comment.objects.get()
    coordinator_client.post(f"/dossiers/{nota_a.pk}/commentaar/{thread.pk}/antwoorden/", {"body": "Goed punt."})
    assert thread.replies.count() == 1
    assert Notification.objects.filter(user=partner_a, kind="comment").exists()
    assert not Notification.objects.filter(user=coordinator_a, kind="comment").exists()


def test_resolve_and_reopen(coordinator_client, nota_a):
    comment(coordinator_client, nota_a)
    thread = Comment.objects.get()
    url = f"/dossiers/{nota_a.pk}/commentaar/{thread.pk}/afsluiten/"
    coordinator_client.post(url)
    thread.refresh_from_db()
    assert thread.is_resolved
    assert "💬" not in coordinator_client.get(f"/dossiers/{nota_a.pk}/").text
    coordinator_client.post(url, {"reopen": "1"})
    thread.refresh_from_db()
    assert not thread.is_resolved


def test_authors_edit_their_own_comments_only(coordinator_client, client_for, nota_a, netwerk_a):
    comment(coordinator_client, nota_a, body="Eerst")
    thread = Comment.objects.get()
    url = f"/dossiers/{nota_a.pk}/commentaar/{thread.pk}/bewerken/"
    coordinator_client.post(url, {"body": "Daarna"})
    thread.refresh_from_db()
    assert thread.body == "Daarna" and thread.edited_at
    assert "bewerkt" in coordinator_client.get(f"/dossiers/{nota_a.pk}/commentaar/?section=visie&anchor=section").text
    from tests.factories import MembershipFactory

    other = UserFactory()
    MembershipFactory(user=other, netwerk=netwerk_a, role="coordinator")
    assert client_for(other).post(url, {"body": "Niet van mij"}).status_code == 403


def test_overview_counts_open_comments_per_part(coordinator_client, nota_a):
    comment(coordinator_client, nota_a)
    comment(coordinator_client, nota_a, section="partners")
    sections = coordinator_client.get(f"/dossiers/{nota_a.pk}/").context["open_comments"]
    assert sections == {"visie": 1, "partners": 1}


def test_comments_on_an_indicator_and_a_budget_line(coordinator_client, nota_a, netwerk_b, ronde):
    from tests.factories import make_ready

    make_ready(nota_a)
    keuze = nota_a.gekozen_indicatoren.select_related("indicator").first()
    assert comment(coordinator_client, nota_a, section="omgevingsanalyse", anchor=f"gekozenindicator:{keuze.pk}").status_code == 302
    thread = Comment.objects.get()
    assert thread.section == "omgevingsanalyse" and thread.anchor_label == f"Indicator “{keuze.indicator.name}”"
    figures = coordinator_client.get(f"/dossiers/{nota_a.pk}/omgevingsanalyse/cijfers/")
    assert f"anchor=gekozenindicator:{keuze.pk}" in figures.text
    post = nota_a.begrotingsposten.first()
    assert comment(coordinator_client, nota_a, section="begroting", anchor=f"begrotingspost:{post.pk}").status_code == 302
    grid = coordinator_client.get(f"/dossiers/{nota_a.pk}/begroting/")
    assert f"anchor=begrotingspost:{post.pk}" in grid.text
    # another dossier's indicator is not part of this one
    from dossiers.models import Afsprakennota

    nota_b = make_ready(Afsprakennota.objects.create(netwerk=netwerk_b, ronde=ronde))
    other = nota_b.gekozen_indicatoren.first()
    assert comment(coordinator_client, nota_a, section="omgevingsanalyse", anchor=f"gekozenindicator:{other.pk}").status_code == 404


def test_an_unknown_visibility_is_refused_and_saves_nothing(reviewer_client, nota_a):
    response = comment(reviewer_client, nota_a, body="Voor wie?", visibility="iedereen")
    assert response.status_code == 400
    assert "Selecteer een geldige keuze. iedereen is geen beschikbare keuze." in response.text
    assert not Comment.objects.exists()


def test_without_a_visibility_a_comment_is_for_the_network(reviewer_client, nota_a):
    assert comment(reviewer_client, nota_a, body="Voor het netwerk").status_code == 302
    assert Comment.objects.get().visibility == "network"
