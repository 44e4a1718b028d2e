"""The big parts of dossier pages are rendered once per revision of the dossier
(dossiers/fragments.py): an edit shows on the very next page, every viewer sees the buttons of
their own access, and the forms in a cached part carry the token of whoever reads it."""

import re
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from dossiers.fragments import CSRF_MARK
from dossiers.models import (
    Actie,
    ActieKost,
    Begrotingsbedrag,
    Comment,
    Drempelbeschrijving,
    PartnerConfirmation,
)
from dossiers.services import partner_confirm
from dossiers.vocab import Drempel
from tests.factories import MembershipFactory, PartnerFactory, UserFactory

# The pages with a cached part, by URL name.
CACHED = [
    "dossier_doelstellingen",
    "doelen_plan",
    "doelen_load",
    "dossier_partners",
    "dossier_begroting",
    "dossier_history",
    "analyse_cijfers",
    "analyse_netwerkbeeld",
]


def page(client, name, nota, query=""):
    response = client.get(reverse(name, args=[nota.pk]) + query)
    assert response.status_code == 200
    return response.text


def second_coordinator(netwerk):
    user = UserFactory(email="coordinator.twee@example.org", first_name="Ward", last_name="Tweede")
    MembershipFactory(user=user, netwerk=netwerk, role="coordinator")
    return user


def test_renaming_an_action_shows_on_the_tree_plan_load_and_partners(coordinator_client, full_nota):
    actie = Actie.objects.get(od__sd__nota=full_nota, title="Vakantiekamp voor gezinnen")
    for name in ["dossier_doelstellingen", "doelen_plan", "dossier_partners"]:
        assert "Vakantiekamp voor gezinnen" in page(coordinator_client, name, full_nota)

    actie.title = "Zomerkamp voor gezinnen"
    actie.save()

    for name in ["dossier_doelstellingen", "doelen_plan", "dossier_partners"]:
        text = page(coordinator_client, name, full_nota)
        assert "Zomerkamp voor gezinnen" in text, name
        assert "Vakantiekamp voor gezinnen" not in text, name


def test_a_new_partner_shows_in_the_network_picture(coordinator_client, full_nota):
    assert "Bib Beveren-Waas" not in page(coordinator_client, "analyse_netwerkbeeld", full_nota)
    PartnerFactory(netwerk=full_nota.netwerk, kind="bibliotheek", name="Bib Beveren-Waas")
    assert "Bib Beveren-Waas" in page(coordinator_client, "analyse_netwerkbeeld", full_nota)


def test_a_new_cost_shows_on_the_plan(coordinator_client, full_nota):
    assert "€\u00a0999,00" not in page(coordinator_client, "doelen_plan", full_nota)
    kost = ActieKost.objects.filter(actie__od__sd__nota=full_nota).first()
    kost.amount = Decimal("999")
    kost.save()
    assert "€\u00a0999,00" in page(coordinator_client, "doelen_plan", full_nota)


def test_a_new_lead_partner_shows_on_the_load(coordinator_client, full_nota):
    nieuw = PartnerFactory(netwerk=full_nota.netwerk, kind="bibliotheek", name="Bib Beveren-Waas")
    text = page(coordinator_client, "doelen_load", full_nota)
    row = re.search(r"Bib Beveren-Waas.*?</tr>", text, re.S).group(0)
    assert re.findall(r'<td class="text-end">(\d+)</td>', row) == ["0", "0"]

    actie = Actie.objects.filter(od__sd__nota=full_nota).first()
    actie.lead_partner = nieuw
    actie.save()

    text = page(coordinator_client, "doelen_load", full_nota)
    row = re.search(r"Bib Beveren-Waas.*?</tr>", text, re.S)
    assert re.findall(r'<td class="text-end">(\d+)</td>', row.group(0)) == ["1", "0"]


def test_a_confirmation_and_a_new_description_show_on_the_partners(
    coordinator_client, partner_a, partner_org_a, nota_a
):
    assert "bevestigd door" not in page(coordinator_client, "dossier_partners", nota_a)
    confirmed = PartnerConfirmation.Answer.CONFIRMED
    partner_confirm(nota=nota_a, partner=partner_org_a, user=partner_a, answer=confirmed)
    assert "bevestigd door Paul Partner" in page(coordinator_client, "dossier_partners", nota_a)

    partner_org_a.future_involvement = "Opent de zaal op zondag."
    partner_org_a.save()
    text = page(coordinator_client, "dossier_partners", nota_a)
    assert "Opent de zaal op zondag." in text
    assert "bevestigd door Paul Partner" not in text  # the description changed: it lapsed


def test_a_changed_amount_shows_on_the_budget(coordinator_client, full_nota):
    assert 'value="45.000,00"' in page(coordinator_client, "dossier_begroting", full_nota)
    bedragen = Begrotingsbedrag.objects.filter(post__nota=full_nota, post__category="personeel")
    bedrag = bedragen.first()
    bedrag.amount = Decimal("47500")
    bedrag.save()
    text = page(coordinator_client, "dossier_begroting", full_nota)
    assert 'value="47.500,00"' in text


def test_a_comment_and_an_edit_show_in_the_activity_at_once(
    coordinator_client, coordinator_a, full_nota
):
    question = "Kan het kamp ook in de herfst?"
    assert question not in page(coordinator_client, "dossier_history", full_nota)
    # A comment writes no history and leaves the revision alone: the list must still show it.
    Comment.objects.create(
        nota=full_nota, section="doelstellingen", author=coordinator_a, body=question
    )
    assert question in page(coordinator_client, "dossier_history", full_nota)

    actie = Actie.objects.filter(od__sd__nota=full_nota).first()
    actie.title = "Herfstkamp"
    actie.save()
    assert "Herfstkamp" in page(coordinator_client, "dossier_history", full_nota)


def test_the_activity_follows_its_filters(coordinator_client, coordinator_a, full_nota):
    Comment.objects.create(
        nota=full_nota, section="visie", author=coordinator_a, body="Mooie visie."
    )
    assert "Mooie visie." in page(coordinator_client, "dossier_history", full_nota)
    edits = page(coordinator_client, "dossier_history", full_nota, "?soort=edits")
    comments = page(coordinator_client, "dossier_history", full_nota, "?soort=comments")
    assert "Mooie visie." not in edits and "Mooie visie." in comments


@pytest.mark.parametrize("name", CACHED)
def test_readers_never_get_the_editors_part(name, coordinator_client, partner_client, full_nota):
    """The coordinator's view fills the cache first; the partner, who may not edit, still gets
    a part without edit buttons or inputs, and the other way round."""
    editor = page(coordinator_client, name, full_nota)
    reader = page(partner_client, name, full_nota)
    if name in ("dossier_doelstellingen", "dossier_begroting"):
        assert "Bewerken" in editor or "<input" in editor
    assert "Bewerken" not in reader
    assert 'class="form-control form-control-sm text-end' not in reader
    sd = full_nota.strategische_doelstellingen.first()
    assert reverse("doel_move", args=[full_nota.pk, "sd", sd.pk]) not in reader


def test_the_forms_of_a_cached_part_carry_each_readers_own_token(coordinator_client, full_nota):
    page(coordinator_client, "dossier_doelstellingen", full_nota)  # fills the cache

    other = Client(enforce_csrf_checks=True)
    other.force_login(second_coordinator(full_nota.netwerk))
    text = page(other, "dossier_doelstellingen", full_nota)
    assert CSRF_MARK not in text
    second = Actie.objects.get(od__sd__nota=full_nota, title="UiTPAS-infomarkt")
    move = reverse("doel_move", args=[full_nota.pk, "actie", second.pk])
    form = re.search(rf'action="{move}">.*?name="csrfmiddlewaretoken" value="([^"]+)"', text, re.S)
    moved = other.post(move, {"direction": "up", "csrfmiddlewaretoken": form.group(1)})
    assert moved.status_code == 302
    second.refresh_from_db()
    assert second.position == 1
    tree = page(other, "dossier_doelstellingen", full_nota)
    assert tree.index("UiTPAS-infomarkt") < tree.index("Vakantiekamp")


@pytest.mark.parametrize("name", CACHED)
def test_a_second_view_does_not_render_the_part_again(name, coordinator_client, full_nota):
    url = reverse(name, args=[full_nota.pk])
    with CaptureQueriesContext(connection) as first:
        one = coordinator_client.get(url).text
    with CaptureQueriesContext(connection) as second:
        two = coordinator_client.get(url).text
    assert len(second) < len(first)
    strip = lambda html: re.sub(r"[A-Za-z0-9]{64}", "", html)  # noqa: E731 (the CSRF tokens)
    assert strip(one) == strip(two)


def test_each_partner_sees_only_its_own_confirm_link(partner_client, partner_org_a, nota_a):
    other = PartnerFactory(netwerk=nota_a.netwerk, kind="bibliotheek", name="Bib Temse")
    user = UserFactory(email="bib.temse@example.org", first_name="Bea", last_name="Bib")
    MembershipFactory(user=user, netwerk=nota_a.netwerk, role="partner", partner=other)
    other_client = Client()
    other_client.force_login(user)
    mine, theirs = (
        reverse("dossier_confirm", args=[nota_a.pk, p.pk]) for p in (partner_org_a, other)
    )

    text = page(partner_client, "dossier_partners", nota_a)
    assert mine in text and theirs not in text
    text = page(other_client, "dossier_partners", nota_a)
    assert theirs in text and mine not in text


def test_a_new_revision_overwrites_the_old_copy(coordinator_client, full_nota):
    """Old revisions leave nothing behind: one copy per part, dossier, access and page."""
    actie = Actie.objects.filter(od__sd__nota=full_nota).first()
    for title in ["Kamp", "Zomerkamp", "Herfstkamp"]:
        actie.title = title
        actie.save()
        assert title in page(coordinator_client, "dossier_doelstellingen", full_nota)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM afsprakennota_cache WHERE cache_key LIKE %s",
            [f"%fragment:{full_nota.pk}:%"],
        )
        assert cursor.fetchone()[0] == 3  # the tree, the section nav and the checks


def nav(text):
    return re.search(r'<nav class="section-nav.*?</nav>', text, re.S).group(0)


def test_the_section_nav_shows_a_new_comment_and_an_edit_at_once(
    coordinator_client, coordinator_a, full_nota
):
    """The nav is rendered once per revision; its open-comment counts, which are not in the
    revision, are put in per request."""
    before = visie_item(page(coordinator_client, "dossier_versions", full_nota))
    assert "open commentaar" not in before and "badge-ok" in before
    Comment.objects.create(nota=full_nota, section="visie", author=coordinator_a, body="Vraag")
    after = visie_item(page(coordinator_client, "dossier_versions", full_nota))
    assert re.search(r'</svg>\s*1<span class="visually-hidden"> open commentaar', after)

    full_nota.visie.delete()
    emptied = visie_item(page(coordinator_client, "dossier_versions", full_nota))
    assert "badge-ok" not in emptied and "open commentaar" in emptied


def visie_item(text):
    return re.search(r'href="[^"]*/visie/".*?</li>', nav(text), re.S).group(0)


def test_the_section_nav_marks_the_page_it_is_on(coordinator_client, full_nota):
    """One copy per page: the current page is marked, in the cached copy too."""
    for name in ["dossier_versions", "dossier_history", "dossier_versions"]:
        text = nav(page(coordinator_client, name, full_nota))
        current = re.findall(r'href="([^"]+)" aria-current="page"', text)
        assert current == [reverse(name, args=[full_nota.pk])]


def test_the_overviews_checklist_follows_an_edit_at_once(coordinator_client, full_nota):
    """The overview's list of parts and checks is rendered once per revision."""
    before = page(coordinator_client, "dossier_overview", full_nota)
    full_nota.visie.delete()
    after = page(coordinator_client, "dossier_overview", full_nota)
    parts = lambda html: html[html.index('class="list-unstyled section-list"') :]  # noqa: E731
    assert parts(before).count("check-ok") > parts(after).count("check-ok")


def test_the_vision_form_shows_an_edit_at_once(coordinator_client, full_nota):
    """The unbound vision form is rendered once per revision (its values and version are the
    stored ones)."""
    assert "Mijn nieuwe motivatie" not in page(coordinator_client, "dossier_visie", full_nota)
    visie = full_nota.visie
    visie.vorm_motivation = "Mijn nieuwe motivatie"
    visie.save()
    text = page(coordinator_client, "dossier_visie", full_nota)
    assert "Mijn nieuwe motivatie" in text
    version = re.search(r'<input[^>]*name="version"[^>]*>', text).group(0)
    assert f'value="{visie.version}:' in version  # signed, the same for every reader


def test_a_new_contact_shows_on_the_municipalities_at_once(coordinator_client, full_nota):
    """The table of participating municipalities is rendered once per revision."""
    deelnemer = full_nota.netwerk.deelnemende_gemeenten.first()
    assert "Roos Nieuwcontact" not in page(coordinator_client, "dossier_gemeenten", full_nota)
    deelnemer.contact_name = "Roos Nieuwcontact"
    deelnemer.save()
    assert "Roos Nieuwcontact" in page(coordinator_client, "dossier_gemeenten", full_nota)


def test_the_analysis_hub_follows_a_renamed_indicator_and_a_new_threshold(
    coordinator_client, full_nota
):
    """The hub's parts are rendered once per revision and indicator texts."""
    keuze = full_nota.gekozen_indicatoren.select_related("indicator").first()
    indicator = keuze.indicator
    page(coordinator_client, "dossier_omgevingsanalyse", full_nota)
    indicator.name = "Hernoemde indicator"
    indicator.save()
    assert "Hernoemde indicator" in page(coordinator_client, "dossier_omgevingsanalyse", full_nota)

    before = page(coordinator_client, "dossier_omgevingsanalyse", full_nota)
    used = set(full_nota.drempels.values_list("drempel", flat=True))
    free = next(value for value, _label in Drempel.choices if value not in used)
    Drempelbeschrijving.objects.create(nota=full_nota, drempel=free, description="Te duur")
    after = page(coordinator_client, "dossier_omgevingsanalyse", full_nota)
    assert re.findall(r"(\d+) drempels?", before) != re.findall(r"(\d+) drempels?", after)


def test_a_renamed_municipality_shows_on_the_municipalities_at_once(coordinator_client, full_nota):
    gemeente = full_nota.netwerk.deelnemende_gemeenten.first().gemeente
    page(coordinator_client, "dossier_gemeenten", full_nota)
    gemeente.name = "Nieuwgemeente"
    gemeente.save()
    assert "Nieuwgemeente" in page(coordinator_client, "dossier_gemeenten", full_nota)


@pytest.mark.parametrize("name", CACHED)
def test_the_part_is_put_in_its_place_and_the_length_follows(name, coordinator_client, full_nota):
    """The page is rendered around a mark; the part's bytes take the mark's place afterwards
    (LateFragmentsMiddleware), and the length sent is that of the finished page."""
    for _ in range(2):  # the first view renders the part, the second reads it from the cache
        response = coordinator_client.get(reverse(name, args=[full_nota.pk]))
        assert response.status_code == 200
        assert b"<!--fragment-" not in response.content
        assert int(response["Content-Length"]) == len(response.content)
    assert response.text.count("</main>") == 1
    if name == "dossier_doelstellingen":
        assert "Vakantiekamp voor gezinnen" in response.text


def test_a_title_that_looks_like_a_mark_stays_text(coordinator_client, full_nota):
    actie = Actie.objects.get(od__sd__nota=full_nota, title="Vakantiekamp voor gezinnen")
    actie.title = "<!--fragment-0123456789abcdef--> kamp"
    actie.save()
    text = page(coordinator_client, "dossier_doelstellingen", full_nota)
    assert "&lt;!--fragment-0123456789abcdef--&gt; kamp" in text


def test_a_sections_checks_follow_an_edit_at_once(coordinator_client, partner_client, full_nota):
    """The card of what the decree still asks is rendered once per revision and access: deleting
    the vision shows at once, and a reader is sent to the part, not asked to fix it."""
    card = lambda html: html[html.index('class="card checklist-card'):]  # noqa: E731
    before = card(page(coordinator_client, "dossier_visie", full_nota))
    full_nota.visie.delete()
    after = card(page(coordinator_client, "dossier_visie", full_nota))
    assert after.count("check-ok") < before.count("check-ok")
    assert "Aanvullen" in after and "Naar dit deel" not in after
    reader = card(page(partner_client, "dossier_visie", full_nota))
    assert reader.count("check-ok") == after.count("check-ok")
    assert "Naar dit deel" in reader and "Aanvullen" not in reader
