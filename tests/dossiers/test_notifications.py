from datetime import timedelta

from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from dossiers.models import Notification
from dossiers.notify import notify


def test_the_list_and_marking_read(coordinator_client, coordinator_a):
    notify(users=[coordinator_a], kind="reminder", message="Nog 7 dagen.", url="/")
    page = coordinator_client.get("/meldingen/")
    assert "Nog 7 dagen." in page.text
    assert coordinator_client.get("/").context["unread_count"] == 1
    coordinator_client.post("/meldingen/gelezen/")
    assert not Notification.objects.unread().exists()
    assert coordinator_client.get("/meldingen/gelezen/").status_code == 405


def test_people_choose_their_emails(coordinator_client, coordinator_a, django_capture_on_commit_callbacks):
    coordinator_client.post("/meldingen/instellingen/", {"kinds": ["comment", "review"]})
    coordinator_a.refresh_from_db()
    assert set(coordinator_a.muted_email_kinds) == {"partner", "consultation", "submitted", "reminder"}
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        notify(users=[coordinator_a], kind="reminder", message="Herinnering")
        notify(users=[coordinator_a], kind="review", message="Beslissing")
    assert [m.subject for m in mail.outbox] == ["Beslissing"]
    assert Notification.objects.filter(user=coordinator_a).count() == 2


def test_reminders_go_out_once_per_step(nota_a, coordinator_a, django_capture_on_commit_callbacks):
    nota_a.ronde.deadline = timezone.now() + timedelta(days=7)
    nota_a.ronde.save()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_deadline_reminders")
        call_command("send_deadline_reminders")
    reminders = Notification.objects.filter(user=coordinator_a, kind="reminder")
    assert reminders.count() == 1
    assert "nog 7 dagen" in reminders.get().message
    deadline = timezone.localdate(nota_a.ronde.deadline)
    months = "jan. feb. mrt. apr. mei jun. jul. aug. sep. okt. nov. dec.".split()
    assert f"{deadline.day} {months[deadline.month - 1]} {deadline.year}" in reminders.get().message
    assert len(mail.outbox) == 1


def test_no_reminder_on_other_days_or_after_submission(nota_a, coordinator_a):
    nota_a.ronde.deadline = timezone.now() + timedelta(days=8)
    nota_a.ronde.save()
    call_command("send_deadline_reminders")
    assert not Notification.objects.exists()
    nota_a.ronde.deadline = timezone.now() + timedelta(days=1)
    nota_a.ronde.save()
    nota_a.status = "ingediend"
    nota_a.save()
    call_command("send_deadline_reminders")
    assert not Notification.objects.exists()
