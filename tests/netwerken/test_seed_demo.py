import pytest
from django.core.management import call_command
from django.test import Client

from dossiers.models import (
    Afsprakennota,
    Comment,
    DossierVersion,
    Notification,
    PartnerConfirmation,
    ReviewRemark,
    TransitionRecord,
)
from dossiers.snapshot import sha256_of
from netwerken.models import DeelnemendeGemeente, Membership, Netwerk, Partner, User
from tests.factories import ensure_gemeenten, ensure_indicators, ensure_rondes

MODELS = (
    Netwerk, Partner, DeelnemendeGemeente, Membership, User, Afsprakennota, DossierVersion,
    TransitionRecord, Comment, PartnerConfirmation, ReviewRemark, Notification,
)


@pytest.fixture(autouse=True)
def _reference_data(db):
    """Municipalities, rounds and indicators come with data migrations, which transactional
    tests run earlier flush away."""
    ensure_gemeenten()
    ensure_rondes()
    ensure_indicators()


def test_seed_demo_twice_duplicates_nothing(db):
    call_command("seed_demo")
    counts = [m.objects.count() for m in MODELS]
    call_command("seed_demo")
    assert [m.objects.count() for m in MODELS] == counts
    assert counts[0] == 3


def test_demo_logins_work(db):
    call_command("seed_demo")
    emails = [
        "coordinator@example.org", "partner@example.org", "reviewer@example.org", "admin@example.org",
        "coordinator.westhoek@example.org", "partner.westhoek@example.org",
        "ervaringsdeskundige.westhoek@example.org",
    ]
    for email in emails:
        client = Client()
        response = client.post("/account/login/", {"username": email, "password": "demo-wachtwoord"})
        assert response.status_code == 302, email
    assert User.objects.get(email="reviewer@example.org").is_reviewer
    assert User.objects.get(email="admin@example.org").is_superuser


def test_the_westhoek_network_was_approved_after_a_reviewed_first_version(db):
    call_command("seed_demo")
    netwerk = Netwerk.objects.get(name="Vrijetijdsnetwerk Westhoek")
    provinces = set(netwerk.deelnemende_gemeenten.values_list("gemeente__province", flat=True))
    assert provinces == {"30000"}  # West-Vlaanderen
    others = DeelnemendeGemeente.objects.exclude(netwerk=netwerk).values_list("gemeente", flat=True)
    assert not netwerk.deelnemende_gemeenten.filter(gemeente__in=others).exists()
    nota = Afsprakennota.objects.get(netwerk=netwerk, ronde__first_year=2027, ronde__last_year=2032)
    assert nota.status == "goedgekeurd"
    versions = list(nota.versions.order_by("number"))
    assert [v.number for v in versions] == [1, 2]
    assert all(v.sha256 == sha256_of(v.snapshot) for v in versions)
    assert list(nota.transitions.order_by("at", "pk").values_list("name", flat=True)) == [
        "open_consultation", "submit", "start_review", "request_changes", "submit",
        "start_review", "approve",
    ]
    remarks = versions[0].remarks.exclude(remark="")
    assert remarks.filter(verdict="werkpunt", section="visie").exists()
    assert nota.comments.filter(parent__isnull=True).count() == 3
    answers = set(nota.confirmations.values_list("partner__name", "answer"))
    assert ("De Vlonder (vereniging waar armen het woord nemen)", "declined") in answers
    assert ("Sociaal Huis Ieper", "confirmed") in answers
    assert Notification.objects.filter(user__email="coordinator.westhoek@example.org", kind="partner").exists()


def test_every_reviewer_and_version_screen_shows_the_westhoek_dossier(db):
    call_command("seed_demo")
    nota = Afsprakennota.objects.get(netwerk__name="Vrijetijdsnetwerk Westhoek")
    reviewer = Client()
    reviewer.force_login(User.objects.get(email="reviewer@example.org"))
    assert "Vrijetijdsnetwerk Westhoek" in reviewer.get("/beoordeling/").text
    review = reviewer.get(f"/dossiers/{nota.pk}/beoordeling/")
    assert review.status_code == 200
    assert "versie 2" in review.text
    assert reviewer.get(f"/dossiers/{nota.pk}/versies/").status_code == 200
    assert reviewer.get(f"/dossiers/{nota.pk}/versies/1/").status_code == 200
    diff = reviewer.get(f"/dossiers/{nota.pk}/versies/2/verschillen/")
    assert diff.status_code == 200 and "De deelnemers krijgen een vrijwilligersvergoeding." in diff.text
    # The first version's remarks and the request for changes are kept.
    first = nota.versions.get(number=1)
    assert first.remarks.get(section="visie").remark.startswith("De visie zegt")
    assert "Maak concreet" in nota.transitions.get(name="request_changes").note


def test_westhoek_prepares_its_first_yearly_report(db):
    """The approved dossier's 2027 follow-up is started and its yearly report is a draft that
    the coordinator, the partners and publiq can open; publiq's overview says it is not in."""
    call_command("seed_demo")
    nota = Afsprakennota.objects.get(netwerk__name="Vrijetijdsnetwerk Westhoek")
    werkjaar = nota.werkjaren.get()
    assert werkjaar.year == 2027 and werkjaar.jaarrapport.status == "concept"
    assert werkjaar.acties.filter(status="lopend").count() == 2
    assert werkjaar.started_at.date().isoformat() == "2026-11-27"
    for email in ("coordinator.westhoek@example.org", "partner.westhoek@example.org",
                  "reviewer@example.org"):
        client = Client()
        client.force_login(User.objects.get(email=email))
        for url in ("opvolging/", "opvolging/2027/", "opvolging/2027/jaarrapport/",
                    "opvolging/voortgang/"):
            assert client.get(f"/dossiers/{nota.pk}/{url}").status_code == 200, (email, url)
    reviewer = Client()
    reviewer.force_login(User.objects.get(email="reviewer@example.org"))
    overview = reviewer.get(f"/beoordeling/ronde/{nota.ronde.pk}/").text
    assert "2027: nog niet binnen" in " ".join(overview.split())


def test_the_westhoek_story_keeps_its_own_dates(db):
    """Its first version went in before the deadline; reviewing and changes came after."""
    call_command("seed_demo")
    nota = Afsprakennota.objects.get(netwerk__name="Vrijetijdsnetwerk Westhoek")
    first, second = nota.versions.order_by("number")
    assert first.submitted_at < nota.ronde.deadline and not first.late
    assert second.submitted_at > first.submitted_at
    steps = list(nota.transitions.order_by("at", "pk").values_list("at", flat=True))
    assert steps == sorted(steps) and steps[-3].date() == second.submitted_at.date()
    assert nota.transitions.get(name="approve").at.date().isoformat() == "2026-06-18"
    assert first.submitted_at.date().isoformat() == "2026-03-16"
    assert nota.created_at < first.submitted_at and nota.reviewer.email == "reviewer@example.org"
    comments = nota.comments.values_list("created_at", flat=True)
    assert all(steps[0] <= at < first.submitted_at for at in comments)
    reviewer = Client()
    reviewer.force_login(User.objects.get(email="reviewer@example.org"))
    page = reviewer.get("/beoordeling/ronde/?ronde=%s" % nota.ronde.pk)
    assert page.status_code == 200
    assert "te laat" not in page.text.split("Vrijetijdsnetwerk Westhoek", 1)[1].split("</tr>", 1)[0]
