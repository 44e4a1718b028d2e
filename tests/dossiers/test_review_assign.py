"""Reviewers take a dossier themselves; the round's review deadline shows in the overview."""

from datetime import timedelta

from django.utils import timezone

from dossiers.services import dossier_freeze

from ..factories import UserFactory


def test_it_takes_a_free_dossier_and_goes_back(nota_a, reviewer, reviewer_client):
    back = f"/beoordeling/ronde/{nota_a.ronde_id}/?status=concept"
    response = reviewer_client.post(f"/beoordeling/dossier/{nota_a.pk}/nemen/", {"next": back}, follow=True)
    assert response.redirect_chain[-1][0] == back
    assert "U beoordeelt het dossier van Netwerk Waasland." in response.content.decode()
    nota_a.refresh_from_db()
    assert nota_a.reviewer == reviewer


def test_it_refuses_a_dossier_someone_else_took(nota_a, reviewer_client):
    other = UserFactory(first_name="Omer", last_name="Ander", is_reviewer=True)
    nota_a.reviewer = other
    nota_a.save()
    response = reviewer_client.post(f"/beoordeling/dossier/{nota_a.pk}/nemen/", follow=True)
    assert "beoordeelt dit dossier al" in response.content.decode()
    nota_a.refresh_from_db()
    assert nota_a.reviewer == other


def test_it_ignores_a_foreign_next(nota_a, reviewer_client):
    response = reviewer_client.post(f"/beoordeling/dossier/{nota_a.pk}/nemen/", {"next": "https://evil.example/"})
    assert response.url == f"/dossiers/{nota_a.pk}/beoordeling/"


def test_the_overview_offers_the_button_and_flags_overdue_reviews(nota_a, ronde, coordinator_a, reviewer_client):
    dossier_freeze(nota=nota_a, user=coordinator_a)
    nota_a.status = "ingediend"
    nota_a.save()
    url = f"/beoordeling/ronde/{ronde.pk}/"
    html = reviewer_client.get(url).content.decode()
    assert "Ik neem dit dossier" in html and "beslissing" not in html.split("<tbody>")[1]
    ronde.review_deadline = timezone.now() - timedelta(days=3, hours=2)
    ronde.save()
    html = reviewer_client.get(url).content.decode()
    assert "beslissing 4 dagen te laat" in html and 'class="table-warning"' in html
    review = reviewer_client.get(f"/dossiers/{nota_a.pk}/beoordeling/").content.decode()
    assert "Ik neem dit dossier" in review and "(te laat)" in review
    nota_a.status = "goedgekeurd"
    nota_a.save()
    assert "beslissing" not in reviewer_client.get(url).content.decode().split("<tbody>")[1].split("</tbody>")[0]
