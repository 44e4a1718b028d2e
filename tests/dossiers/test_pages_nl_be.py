"""What the pages show a Flemish reader: an empty dossier's checklist claims nothing it did not
check, and dates are written the nl-BE way ("1 apr. 2026", "3 mei 2027")."""

import datetime
import re

from django.utils import formats, translation

from dossiers.checklist import run_checklist
from dossiers.models import Section
from dossiers.services import dossier_freeze


def test_a_new_dossiers_checklist_passes_no_rule_for_an_empty_section(coordinator_client, nota_a):
    empty_sections = {
        Section.OMGEVINGSANALYSE, Section.VISIE, Section.DOELSTELLINGEN, Section.PARTNERS, Section.BEGROTING,
    }
    checklist = run_checklist(nota_a)
    passed = [c.rule.name for c in checklist.checks if c.passed and c.rule.section in empty_sections]
    assert passed == []
    for status in checklist.sections():
        if status.section in empty_sections:
            assert not status.complete and status.passed == 0
    waiting = {c.rule.name for c in checklist.checks if c.nothing_to_check}
    assert {"sd_have_od", "actions_have_lead", "budget_balanced", "qualitative_questions_answered"} <= waiting
    assert not (waiting & {c.rule.name for c in checklist.blocking_failures + checklist.warnings})

    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/").text
    # What the page shows: a neutral line per rule with nothing to check, no tick for it.
    assert page.count("check-empty") == len(waiting)
    assert page.count("Nog niets om te controleren.") >= len(waiting)
    # Only the municipalities' section, which the network did fill in, has ticks.
    assert page.count("check-ok") == sum(
        c.passed for c in checklist.checks if c.rule.section == Section.GEMEENTEN
    )
    assert "Elke actie heeft een trekker" in page


def test_a_rule_checks_again_once_there_is_something_to_check(nota_a):
    from dossiers.models import OperationeleDoelstelling, StrategischeDoelstelling

    sd = StrategischeDoelstelling.objects.create(nota=nota_a, title="Iedereen kent het aanbod")
    checks = {c.rule.name: c for c in run_checklist(nota_a).checks}
    assert checks["sd_have_od"].failed and checks["od_have_actions"].nothing_to_check
    OperationeleDoelstelling.objects.create(sd=sd, title="Toeleiders kennen het aanbod")
    checks = {c.rule.name: c for c in run_checklist(nota_a).checks}
    assert checks["sd_have_od"].passed and checks["od_have_actions"].failed


def test_months_are_abbreviated_with_a_point_except_mei():
    with translation.override("nl-be"):
        assert formats.date_format(datetime.date(2026, 4, 1)) == "1 apr. 2026"
        assert formats.date_format(datetime.date(2027, 5, 3)) == "3 mei 2027"
        assert formats.date_format(datetime.date(2026, 12, 1)) == "1 dec. 2026"
        assert formats.number_format(12345.5, 2, force_grouping=True) == "12.345,50"


def test_dossier_pages_write_dates_the_flemish_way(coordinator_client, coordinator_a, nota_a):
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/").text
    deadline = nota_a.ronde.deadline.astimezone(datetime.timezone(datetime.timedelta(hours=2)))
    assert deadline.date() == datetime.date(2026, 4, 1)
    assert "indienen tegen 1 apr. 2026" in page

    version = dossier_freeze(nota=nota_a, user=coordinator_a)
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/versies/{version.number}/").text
    assert re.search(r"Ingediend op \d{1,2} (jan\.|feb\.|mrt\.|apr\.|mei|jun\.|jul\.|aug\.|sep\.|okt\.|nov\.|dec\.) \d{4}, \d\d:\d\d", page)
    assert not re.search(r"\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}", page)
