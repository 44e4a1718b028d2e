from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from dossiers.models import DossierVersion, Notification, TransitionRecord, Visie
from dossiers.snapshot import sha256_of
from tests.factories import make_ready


def step(client, nota, name, note=""):
    return client.post(f"/dossiers/{nota.pk}/stap/{name}/", {"note": note})


def test_submitting_needs_every_blocking_rule(coordinator_client, nota_a):
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/stap/submit/")
    assert "Het dossier kan nog niet ingediend worden." in page.text
    response = step(coordinator_client, nota_a, "submit")
    assert response.status_code == 400
    nota_a.refresh_from_db()
    assert nota_a.status == "concept"
    assert not DossierVersion.objects.exists()


def test_submit_freezes_a_version(
    coordinator_client, coordinator_a, nota_a, reviewer, django_capture_on_commit_callbacks
):
    make_ready(nota_a)
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/stap/submit/")
    assert "Alle verplichte onderdelen zijn er." in page.text
    with django_capture_on_commit_callbacks(execute=True):
        assert step(coordinator_client, nota_a, "submit").status_code == 302
    nota_a.refresh_from_db()
    assert nota_a.status == "ingediend"
    version = DossierVersion.objects.get(nota=nota_a)
    assert version.number == 1 and version.submitted_by == coordinator_a
    assert version.sha256 == sha256_of(version.snapshot)
    assert version.snapshot["netwerk"]["name"] == "Netwerk Waasland"
    record = TransitionRecord.objects.get(nota=nota_a)
    assert (record.from_status, record.to_status, record.by) == ("concept", "ingediend", coordinator_a)
    # publiq hears of it, in the app and by mail.
    assert Notification.objects.filter(user=reviewer, kind="submitted").exists()
    assert reviewer.email in [m.to[0] for m in mail.outbox]


def test_a_submitted_version_never_changes(coordinator_client, nota_a, reviewer_client):
    make_ready(nota_a)
    step(coordinator_client, nota_a, "submit")
    version = DossierVersion.objects.get(nota=nota_a)
    before = version.sha256
    # The dossier goes back to the network and is edited.
    step(reviewer_client, nota_a, "start_review")
    step(reviewer_client, nota_a, "request_changes", note="Meer over de begroting.")
    Visie.objects.filter(nota=nota_a).update(text="<p>Helemaal anders.</p>")
    version.refresh_from_db()
    assert sha256_of(version.snapshot) == before == version.sha256
    assert "Iedereen doet mee." in version.snapshot["visie"]["text"]
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/versies/1/")
    assert "Iedereen doet mee." in page.text and "Helemaal anders." not in page.text
    assert "komt overeen met de bewaarde inhoud" in page.text


def test_nobody_edits_a_submitted_dossier(coordinator_client, nota_a):
    make_ready(nota_a)
    step(coordinator_client, nota_a, "submit")
    assert coordinator_client.post(f"/dossiers/{nota_a.pk}/visie/", {"text": "x"}).status_code == 403
    assert "Visie bewaren" not in coordinator_client.get(f"/dossiers/{nota_a.pk}/visie/").text


def test_late_submission_is_possible_and_marked(coordinator_client, nota_a):
    make_ready(nota_a)
    nota_a.ronde.deadline = timezone.now() - timedelta(days=1)
    nota_a.ronde.save()
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/")
    assert "De indiendatum" in page.text and "laattijdig" in page.text
    step(coordinator_client, nota_a, "submit")
    assert DossierVersion.objects.get(nota=nota_a).late


def test_the_deadline_is_announced_when_it_approaches(coordinator_client, nota_a):
    # Noon of the tenth day from today (Brussels): "10 days" at whatever hour the test runs.
    nota_a.ronde.deadline = (timezone.localtime() + timedelta(days=10)).replace(hour=12, minute=0)
    nota_a.ronde.save()
    assert "Nog 10 dagen tot de indiendatum" in coordinator_client.get(f"/dossiers/{nota_a.pk}/").text


def test_the_review_cycle(coordinator_client, reviewer_client, nota_a, coordinator_a):
    make_ready(nota_a)
    step(coordinator_client, nota_a, "submit")
    # Only publiq starts a review.
    assert step(coordinator_client, nota_a, "start_review").status_code == 403
    step(reviewer_client, nota_a, "start_review")
    # Asking for changes needs a summary.
    assert step(reviewer_client, nota_a, "request_changes").status_code == 400
    step(reviewer_client, nota_a, "request_changes", note="Werk de begroting bij.")
    nota_a.refresh_from_db()
    assert nota_a.status == "bijsturing"
    notification = Notification.objects.get(user=coordinator_a, kind="review")
    assert "Werk de begroting bij." in notification.message
    # The network edits and submits again: version 2.
    assert step(coordinator_client, nota_a, "submit").status_code == 302
    step(reviewer_client, nota_a, "start_review")
    step(reviewer_client, nota_a, "approve")
    nota_a.refresh_from_db()
    assert nota_a.status == "goedgekeurd"
    assert list(nota_a.versions.values_list("number", flat=True)) == [2, 1]


@pytest.mark.parametrize("status,label_network,label_staff", [
    ("ingediend", "Ingediend, wacht op publiq", "Nieuw ingediend"),
    ("bijsturing", "Bijsturing gevraagd", "Teruggestuurd voor bijsturing"),
])
def test_network_and_staff_see_their_own_names(status, label_network, label_staff, nota_a, coordinator_client, reviewer_client):
    nota_a.status = status
    nota_a.save()
    assert label_network in coordinator_client.get(f"/dossiers/{nota_a.pk}/").text
    assert label_staff in reviewer_client.get(f"/dossiers/{nota_a.pk}/").text


def test_steps_from_the_wrong_state_are_refused(coordinator_client, nota_a):
    response = step(coordinator_client, nota_a, "close_consultation")
    assert response.status_code == 400
    assert TransitionRecord.objects.count() == 0


def test_unknown_step_is_404(coordinator_client, nota_a):
    assert coordinator_client.get(f"/dossiers/{nota_a.pk}/stap/weg/").status_code == 404


def test_consultation_notifies_partners(coordinator_client, nota_a, partner_a):
    step(coordinator_client, nota_a, "open_consultation")
    assert Notification.objects.filter(user=partner_a, kind="consultation").exists()


def test_a_double_click_on_submit_makes_one_version(coordinator_client, nota_a):
    make_ready(nota_a)
    first = step(coordinator_client, nota_a, "submit")
    second = step(coordinator_client, nota_a, "submit")  # the same form, sent again
    assert first.status_code == 302
    assert second.status_code == 302
    assert "Al gebeurd: Indienen." in coordinator_client.get(second.url).text
    assert DossierVersion.objects.filter(nota=nota_a).count() == 1
    assert TransitionRecord.objects.filter(nota=nota_a).count() == 1
