"""The network side of working together: the coordinator hears when a partner comments,
confirms or declines; a partner sees its tasks; hints are only for who can act on them."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from dossiers.models import Comment, Notification, PartnerConfirmation
from tests.dossiers.test_comments import comment, open_consultation


def confirm(client, nota, partner, **data):
    return client.post(f"/dossiers/{nota.pk}/partners/{partner.pk}/bevestigen/", data)


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        yield


def test_a_partner_comment_notifies_the_coordinator_in_the_app_and_by_email(
    partner_client, nota_a, partner_a, coordinator_a, run_on_commit
):
    open_consultation(nota_a)
    mail.outbox.clear()
    assert comment(partner_client, nota_a, body="Wij missen de bibliotheek.").status_code == 302
    notification = Notification.objects.get(user=coordinator_a)
    assert notification.kind == "partner"
    assert notification.message == (
        "Paul Partner (OCMW Temse) gaf commentaar op “Visie” in de afsprakennota van Netwerk Waasland."
    )
    assert "section=visie" in notification.url
    assert not Notification.objects.filter(user=partner_a).exists()


def test_emails_follow_the_coordinators_own_settings(
    coordinator_client, partner_client, nota_a, partner_org_a, coordinator_a, django_capture_on_commit_callbacks
):
    coordinator_client.post("/meldingen/instellingen/", {"kinds": ["comment", "review"]})
    coordinator_a.refresh_from_db()
    assert "partner" in coordinator_a.muted_email_kinds
    open_consultation(nota_a)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        comment(partner_client, nota_a)
        confirm(partner_client, nota_a, partner_org_a, answer="confirmed")
    assert mail.outbox == []
    assert Notification.objects.filter(user=coordinator_a, kind="partner").count() == 2


def test_confirming_and_declining_notify_the_coordinator(
    partner_client, nota_a, partner_org_a, coordinator_a, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        confirm(partner_client, nota_a, partner_org_a, answer="confirmed")
    assert [m.to for m in mail.outbox] == [["coordinator.a@example.org"]]
    assert mail.outbox[0].subject == "OCMW Temse bevestigde zijn deel in de afsprakennota van Netwerk Waasland."
    with django_capture_on_commit_callbacks(execute=True):
        confirm(partner_client, nota_a, partner_org_a, answer="declined", remark="Wij trekken A1 niet.")
    declined = Notification.objects.filter(user=coordinator_a).first()
    assert declined.message == (
        "OCMW Temse zegt dat iets niet klopt in zijn deel van de afsprakennota van Netwerk Waasland: "
        "Wij trekken A1 niet."
    )
    assert declined.url.endswith(f"#partner-{partner_org_a.pk}")
    assert len(mail.outbox) == 2


def test_a_refused_decline_notifies_nobody(partner_client, nota_a, partner_org_a, coordinator_a):
    response = confirm(partner_client, nota_a, partner_org_a, answer="declined", remark=" ")
    assert "Zeg wat er niet klopt" in response.text
    assert not PartnerConfirmation.objects.exists()
    assert not Notification.objects.exists()


def test_the_coordinators_own_comment_notifies_no_coordinator(coordinator_client, nota_a, coordinator_a):
    comment(coordinator_client, nota_a)
    assert not Notification.objects.exists()


def test_a_reply_in_a_thread_the_coordinator_is_in_is_told_once(
    coordinator_client, partner_client, nota_a, coordinator_a
):
    open_consultation(nota_a)
    comment(coordinator_client, nota_a)
    thread = Comment.objects.get()
    partner_client.post(f"/dossiers/{nota_a.pk}/commentaar/{thread.pk}/antwoorden/", {"body": "Ja."})
    assert list(Notification.objects.filter(user=coordinator_a).values_list("kind", flat=True)) == ["comment"]


def overview(client, nota):
    return client.get(f"/dossiers/{nota.pk}/")


def test_the_partners_overview_lists_its_tasks(
    coordinator_client, partner_client, nota_a, partner_org_a, partner_a
):
    page = overview(partner_client, nota_a).text
    assert "Uw taken voor OCMW Temse" in page
    assert f"/dossiers/{nota_a.pk}/partners/{partner_org_a.pk}/bevestigen/" in page
    # A thread addressed to the partner's part waits for its answer, and tells the partner.
    open_consultation(nota_a)
    comment(coordinator_client, nota_a, section="partners", anchor=f"partner:{partner_org_a.pk}", body="Klopt A1?")
    assert Notification.objects.filter(user=partner_a, kind="comment").exists()
    page = overview(partner_client, nota_a).text
    assert "Beantwoord het commentaar op “OCMW Temse”" in page
    # Answered and confirmed: nothing waits any more.
    thread = Comment.objects.get()
    partner_client.post(f"/dossiers/{nota_a.pk}/commentaar/{thread.pk}/antwoorden/", {"body": "Ja."})
    confirm(partner_client, nota_a, partner_org_a, answer="confirmed")
    page = overview(partner_client, nota_a).text
    assert "Er wacht nu niets op u." in page
    assert "Beantwoord het commentaar" not in page
    # The coordinator's answer puts the thread back on the list.
    coordinator_client.post(f"/dossiers/{nota_a.pk}/commentaar/{thread.pk}/antwoorden/", {"body": "Dank!"})
    assert "Beantwoord het commentaar op “OCMW Temse”" in overview(partner_client, nota_a).text


def test_a_thread_the_partner_took_part_in_waits_for_it_when_someone_else_spoke_last(
    coordinator_client, partner_client, nota_a
):
    open_consultation(nota_a)
    comment(partner_client, nota_a, body="Waarom niet ook sport?")
    assert "Beantwoord het commentaar" not in overview(partner_client, nota_a).text
    thread = Comment.objects.get()
    coordinator_client.post(f"/dossiers/{nota_a.pk}/commentaar/{thread.pk}/antwoorden/", {"body": "Wat bedoelt u?"})
    assert "Beantwoord het commentaar op “Visie”" in overview(partner_client, nota_a).text


def test_only_partners_get_a_task_list(coordinator_client, reviewer_client, nota_a, partner_a):
    for client in (coordinator_client, reviewer_client):
        assert "Uw taken" not in overview(client, nota_a).text


def test_a_submitted_dossier_asks_nothing(coordinator_client, partner_client, nota_a, partner_org_a):
    open_consultation(nota_a)
    comment(coordinator_client, nota_a, section="partners", anchor=f"partner:{partner_org_a.pk}")
    nota_a.status = "ingediend"
    nota_a.save()
    page = overview(partner_client, nota_a).text
    assert "Uw deel bevestigen" not in page and "Er wacht nu niets op u." in page


def test_submission_hints_and_buttons_only_for_who_can_submit(
    coordinator_client, partner_client, reviewer_client, nota_a, partner_a
):
    nota_a.ronde.deadline = timezone.now() - timedelta(days=3)
    nota_a.ronde.save()
    page = overview(coordinator_client, nota_a).text
    assert "U kunt nog indienen" in page
    assert f"/dossiers/{nota_a.pk}/stap/submit/" in page
    assert "indienen tegen" in page and "Aanvullen" in page
    for client in (partner_client, reviewer_client):
        page = overview(client, nota_a).text
        assert "U kunt nog indienen" not in page
        assert "nog niet ingediend" in page
        assert f"/dossiers/{nota_a.pk}/stap/submit/" not in page
        assert "indienen tegen" not in page
        assert "Aanvullen" not in page and "Naar dit deel" in page
    netwerk_page = partner_client.get(nota_a.netwerk.get_absolute_url()).text
    assert "indienen tegen" not in netwerk_page
    assert partner_client.get(f"/dossiers/{nota_a.pk}/stap/submit/").status_code == 403
