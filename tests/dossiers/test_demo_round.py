"""The demo dossier sits in a round that is open today, so that a first look shows a dossier in
its normal state, with the deadline ahead; the decree's 2026 round stays beside it."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.core.management import call_command
from django.utils import formats, timezone, translation

from dossiers.demo import DEMO_NETWORK, demo_round
from dossiers.models import Afsprakennota, Indienronde
from tests.factories import ensure_gemeenten, ensure_rondes


def seed():
    ensure_gemeenten()
    ensure_rondes()
    call_command("seed_demo", stdout=open("/dev/null", "w"))


def test_the_demo_dossier_is_in_a_round_open_today(db):
    seed()
    nota = Afsprakennota.objects.get(netwerk__name=DEMO_NETWORK)
    assert nota.ronde.deadline > timezone.now()
    assert Indienronde.objects.filter(first_year=2027, last_year=2032).exists()  # the 2026 round stays
    from django.test import Client

    from netwerken.models import User

    client = Client()
    client.force_login(User.objects.get(email="coordinator@example.org"))
    page = client.get(f"/dossiers/{nota.pk}/").text
    assert "De deadline van" not in page  # no "late" banner
    with translation.override("nl-be"):
        assert f"indienen tegen {formats.date_format(timezone.localtime(nota.ronde.deadline))}" in page


def test_when_every_round_has_passed_the_demo_adds_one_ahead_of_today(db):
    ensure_rondes()
    Indienronde.objects.update(deadline=timezone.now() - timedelta(days=1))
    seed()
    nota = Afsprakennota.objects.get(netwerk__name=DEMO_NETWORK)
    ronde = nota.ronde
    assert ronde.deadline > timezone.now() + timedelta(days=59)
    assert ronde.deadline.astimezone(ZoneInfo("Europe/Brussels")).strftime("%d-%m %H:%M") == "01-04 23:59"
    assert ronde.first_year == ronde.deadline.year + 1 and (ronde.last_year - 2032) % 6 == 0
    assert ronde.required_partners.count() == Indienronde.objects.get(first_year=2027).required_partners.count()
    rounds = Indienronde.objects.count()
    seed()  # seeding again adds no round and no dossier
    assert Indienronde.objects.count() == rounds
    assert Afsprakennota.objects.filter(netwerk__name=DEMO_NETWORK).count() == 1


def test_the_demo_round_of_a_later_day(db):
    ensure_rondes()
    brussels = ZoneInfo("Europe/Brussels")
    later = datetime(2031, 2, 15, 12, 0, tzinfo=brussels)
    ronde = demo_round(later)
    assert (ronde.deadline.astimezone(brussels).date().isoformat(), ronde.first_year, ronde.last_year) == (
        "2032-04-01", 2033, 2038,
    )
    assert demo_round(later) == ronde
    assert demo_round(datetime(2029, 1, 10, tzinfo=brussels)).first_year == 2030  # the decree's own round
