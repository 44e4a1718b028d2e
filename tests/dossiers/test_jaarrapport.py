"""The yearly report's workflow: every step, the rules for submitting, the partners' comments and
confirmations, the frozen version with its SHA-256, publiq's remarks per section and decision,
and the side effects each step declares in its table."""

from decimal import Decimal

import pytest
from concurrency.forms import get_signer

from dossiers.jaarrapport import build_document
from dossiers.models import (
    BegrotingRealisatie,
    Comment,
    JaarrapportRemark,
    Notification,
    PartnerConfirmation,
    PdfExport,
)
from dossiers.services import Refused
from dossiers.services_jaarrapport import jaarrapport_of, jaarrapport_transition
from dossiers.snapshot import sha256_of
from dossiers.workflow_jaarrapport import BY_NAME

from .jaarrapport_data import fill_in, scan, started_year


@pytest.fixture
def werkjaar(nota_a, coordinator_a, partner_org_a, partner_a, reviewer):
    return started_year(nota_a, coordinator_a, partner_org_a)


@pytest.fixture
def url(nota_a):
    return f"/dossiers/{nota_a.pk}/opvolging/2027/jaarrapport/"


def _report(werkjaar):
    return jaarrapport_of(werkjaar)


def test_it_is_put_together_from_the_follow_up(
    werkjaar, url, coordinator_client, nota_a, coordinator_a
):
    fill_in(werkjaar)
    scan(nota_a.netwerk, coordinator_a)
    page = coordinator_client.get(url).content.decode()
    assert (
        "Jaarrapport 2027" in page
        and "Infomarkt 1" in page
        and "Twee infomarkten in de bib" in page
    )
    assert "Extra vervoer naar de infomarkt" in page and "Voorjaar 2027" in page and "<svg" in page
    assert "Concept" in page
    # linked from the follow-up pages of the working year
    assert url in coordinator_client.get(f"/dossiers/{nota_a.pk}/opvolging/2027/").content.decode()
    assert url in coordinator_client.get(f"/dossiers/{nota_a.pk}/opvolging/").content.decode()


def test_submitting_needs_every_action_reported_and_every_deviation_explained(
    werkjaar, url, coordinator_client
):
    page = coordinator_client.get(url + "stap/submit/").content.decode()
    assert "zeg hoe ver de actie kwam" in page and "vul het gerealiseerde bedrag in" in page
    response = coordinator_client.post(url + "stap/submit/")
    assert response.status_code == 400
    assert "Het jaarrapport kan nog niet ingediend worden" in response.content.decode()
    fill_in(werkjaar)
    # a deviation over 10% without its explanation (written around the form's check) stops it
    BegrotingRealisatie.objects.filter(werkjaar=werkjaar).update(explanation="")
    response = coordinator_client.post(url + "stap/submit/")
    assert response.status_code == 400
    assert "wijkt meer dan 10 procent af van de planning" in response.content.decode()
    assert _report(werkjaar).status == "concept" and not _report(werkjaar).versions.exists()


def test_the_deviation_asks_for_an_explanation_on_the_follow_up_form(
    werkjaar, nota_a, coordinator_client
):
    row = werkjaar.realisaties.select_related("post").get(post__kind="uitgave")
    other = werkjaar.realisaties.exclude(pk=row.pk).get()
    data = {
        "form-TOTAL_FORMS": 2,
        "form-INITIAL_FORMS": 2,
        "form-MIN_NUM_FORMS": 0,
        "form-MAX_NUM_FORMS": 1000,
    }
    for i, (r, amount) in enumerate([(row, "1250"), (other, "1000")]):
        data |= {
            f"form-{i}-id": r.pk,
            f"form-{i}-amount": amount,
            f"form-{i}-explanation": "",
            f"form-{i}-version": get_signer().sign(r.version),
        }
    response = coordinator_client.post(f"/dossiers/{nota_a.pk}/opvolging/2027/begroting/", data)
    assert response.status_code == 200
    assert (
        "wijkt meer dan 10 procent af van het geplande bedrag: leg uit waarom"
        in response.content.decode()
    )
    row.refresh_from_db()
    assert row.amount is None


def test_consultation_partner_confirms_and_comments(
    werkjaar, url, coordinator_client, partner_client, partner_org_a, partner_a, coordinator_a
):
    fill_in(werkjaar)
    # before the consultation a partner reads, but neither confirms nor comments
    assert partner_client.get(url).status_code == 200
    assert partner_client.get(url + "bevestigen/").status_code == 403
    assert (
        partner_client.post(
            url + "opmerking/", {"about": "rapport_acties", "body": "x"}
        ).status_code
        == 403
    )
    assert coordinator_client.post(url + "stap/open_consultation/").status_code == 302
    assert Notification.objects.filter(user=partner_a, kind="consultation").exists()
    page = partner_client.get(url + "bevestigen/").content.decode()
    assert "Infomarkt 1" in page
    # declining needs a remark
    response = partner_client.post(url + "bevestigen/", {"answer": "declined", "remark": ""})
    assert response.status_code == 400 and not PartnerConfirmation.objects.exists()
    assert partner_client.post(url + "bevestigen/", {"answer": "confirmed"}).status_code == 302
    confirmation = PartnerConfirmation.objects.get()
    assert confirmation.jaarrapport == _report(werkjaar) and confirmation.nota is None
    assert Notification.objects.filter(user=coordinator_a, kind="partner").exists()
    actie = werkjaar.acties.get().actie_id
    response = partner_client.post(
        url + "opmerking/", {"about": f"actie:{actie}", "body": "Wij waren er ook bij"}
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.jaarrapport_id and comment.nota_id is None and comment.anchor == f"actie:{actie}"
    assert comment.anchor_label == "A1.1.1 Infomarkt 1"
    page = coordinator_client.get(url).content.decode()
    assert "Wij waren er ook bij" in page and "bevestigd" in page
    # the dossier's own comments and confirmations do not show the report's
    assert (
        "Wij waren er ook bij"
        not in coordinator_client.get(f"/dossiers/{werkjaar.nota_id}/opmerkingen/").content.decode()
    )
    # a change to the partner's action after it confirmed asks it again
    werkjaar.acties.update(done="Eén infomarkt")
    assert "opnieuw gevraagd" in coordinator_client.get(url).content.decode()


def test_comment_on_something_not_in_the_report_is_refused(werkjaar, url, coordinator_client):
    response = coordinator_client.post(url + "opmerking/", {"about": "actie:999999", "body": "Hm"})
    assert response.status_code == 302 and not Comment.objects.exists()


def test_submit_freezes_a_version_with_its_sha256_and_its_pdf(
    werkjaar, url, coordinator_client, reviewer
):
    fill_in(werkjaar)
    assert coordinator_client.post(url + "stap/submit/").status_code == 302
    report = _report(werkjaar)
    version = report.versions.get()
    assert report.status == "ingediend" and version.number == 1
    assert version.sha256 == sha256_of(version.snapshot) and version.snapshot["year"] == 2027
    assert PdfExport.objects.get(jaarrapport_version=version).draft is False
    assert Notification.objects.filter(user=reviewer, kind="submitted").exists()
    step = report.transitions.get()
    assert (step.name, step.from_status, step.to_status) == ("submit", "concept", "ingediend")
    # frozen: a later change to the follow-up does not change the version
    werkjaar.acties.update(done="Later aangepast")
    version.refresh_from_db()
    assert "Later aangepast" not in str(version.snapshot)
    page = coordinator_client.get(url + "versies/1/").content.decode()
    assert version.sha256 in page and "komt overeen met zijn vingerafdruk" in page
    # sent twice: done once
    assert coordinator_client.post(url + "stap/submit/").status_code == 302
    assert report.versions.count() == 1


def test_the_reviewer_writes_remarks_per_section_and_sends_it_back(
    werkjaar, url, coordinator_client, reviewer_client, coordinator_a
):
    fill_in(werkjaar)
    coordinator_client.post(url + "stap/submit/")
    data = {
        "rapport_financien-verdict": "werkpunt",
        "rapport_financien-remark": "Licht het vervoer beter toe",
    }
    # the coordinator may not write remarks
    assert coordinator_client.post(url + "versies/1/", data).status_code == 403
    assert reviewer_client.post(url + "versies/1/", data).status_code == 302
    remark = JaarrapportRemark.objects.get()
    assert remark.section == "rapport_financien" and remark.verdict == "werkpunt"
    # the network reads the remarks once publiq decides
    assert (
        "Licht het vervoer beter toe"
        not in coordinator_client.get(url + "versies/1/").content.decode()
    )
    # asking for changes needs a summary
    assert reviewer_client.post(url + "stap/request_changes/", {"note": " "}).status_code == 400
    assert (
        reviewer_client.post(
            url + "stap/request_changes/", {"note": "Zie de begroting"}
        ).status_code
        == 302
    )
    report = _report(werkjaar)
    assert report.status == "bijsturing"
    assert report.versions.get().decision == "bijsturing"
    assert Notification.objects.filter(user=coordinator_a, kind="review").exists()
    assert (
        "Licht het vervoer beter toe" in coordinator_client.get(url + "versies/1/").content.decode()
    )
    # the network adjusts and submits again: version 2, which the reviewer approves
    assert coordinator_client.post(url + "stap/submit/").status_code == 302
    assert reviewer_client.post(url + "stap/approve/", {"note": "In orde"}).status_code == 302
    report = _report(werkjaar)
    assert report.status == "goedgekeurd" and report.versions.first().number == 2
    assert report.versions.first().decision == "goedgekeurd"


def test_only_the_right_people_take_each_step(
    werkjaar, url, coordinator_client, partner_client, reviewer_client
):
    fill_in(werkjaar)
    assert partner_client.post(url + "stap/open_consultation/").status_code == 403
    assert reviewer_client.post(url + "stap/submit/").status_code == 403
    assert coordinator_client.post(url + "stap/approve/").status_code == 403
    assert coordinator_client.get(url + "stap/unknown/").status_code == 404
    # a step that is not possible now
    response = reviewer_client.post(url + "stap/approve/", {"note": "x"})
    assert response.status_code == 400 and _report(werkjaar).status == "concept"
    assert coordinator_client.post(url + "stap/open_consultation/").status_code == 302
    assert coordinator_client.post(url + "stap/close_consultation/").status_code == 302
    assert _report(werkjaar).status == "concept"


def test_the_service_refuses_what_the_rules_forbid(werkjaar, coordinator_a):
    report = _report(werkjaar)
    with pytest.raises(Refused):
        jaarrapport_transition(jaarrapport=report, name="submit", user=coordinator_a)
    assert not report.transitions.exists()


def test_side_effects_are_declared_in_the_table():
    assert [e.__name__ for e in BY_NAME["submit"].effects] == [
        "freeze_version",
        "make_version_pdf",
        "tell_submission",
    ]
    assert [e.__name__ for e in BY_NAME["approve"].effects] == ["record_decision", "tell_approval"]
    assert BY_NAME["close_consultation"].effects == ()


def test_no_report_for_a_dossier_that_is_not_approved(
    nota_a, coordinator_a, partner_org_a, coordinator_client, url
):
    werkjaar = started_year(nota_a, coordinator_a, partner_org_a)
    nota_a.status = "bijsturing"
    nota_a.save(update_fields=["status"])
    assert coordinator_client.get(url).status_code == 404
    assert werkjaar.pk


def test_money_in_the_document_is_text_with_two_decimals(werkjaar):
    fill_in(werkjaar)
    lines = build_document(_report(werkjaar))["begroting"]["lines"]
    assert lines[0]["label"] == "Werking" and lines[0]["realised"] == "1250.00"
    assert Decimal(lines[0]["difference"]) == Decimal("250.00") and lines[0]["deviates"]


QUERY_COUNTS: dict[str, set] = {}


@pytest.mark.parametrize("actions", [1, 12])
def test_query_counts_do_not_grow_with_the_actions(
    nota_a,
    coordinator_a,
    partner_org_a,
    coordinator_client,
    reviewer_client,
    django_assert_max_num_queries,
    actions,
):
    werkjaar = fill_in(started_year(nota_a, coordinator_a, partner_org_a, actions=actions))
    scan(nota_a.netwerk, coordinator_a)
    for row in werkjaar.acties.all():
        row.partners.add(partner_org_a)
    report = _report(werkjaar)
    jaarrapport_transition(jaarrapport=report, name="submit", user=coordinator_a)
    Comment.objects.create(
        jaarrapport=report, section="rapport_acties", body="Goed", author=coordinator_a
    )
    j = f"/dossiers/{nota_a.pk}/opvolging/2027/jaarrapport/"
    pages = [
        (coordinator_client, j),
        (coordinator_client, j + "versies/1/"),
        (reviewer_client, j + "versies/1/"),
        (coordinator_client, j + "stap/open_consultation/"),
        (reviewer_client, j + "stap/approve/"),
    ]
    for client, url in pages:
        with django_assert_max_num_queries(60) as captured:
            response = client.get(url)
        assert response.status_code == 200, url
        QUERY_COUNTS.setdefault(
            (url.replace(str(nota_a.pk), "X"), client is reviewer_client), set()
        ).add(len(captured))
    if actions == 12:
        assert all(len(c) == 1 for c in QUERY_COUNTS.values()), QUERY_COUNTS


def test_the_round_overview_says_whether_the_yearly_report_is_in(
    werkjaar, url, coordinator_client, reviewer_client, nota_a
):
    """publiq sees per network which working years' reports came in, on the page and in the
    export, without more queries per network."""
    overview = f"/beoordeling/ronde/{nota_a.ronde.pk}/"
    row = _row(reviewer_client.get(overview), nota_a)
    assert "2027: nog niet binnen" in row
    fill_in(werkjaar)
    assert coordinator_client.post(url + "stap/submit/").status_code == 302
    row = _row(reviewer_client.get(overview), nota_a)
    assert "2027: binnen" in row and "Nieuw ingediend" in row
    export = reviewer_client.get(overview + "export/overzicht.csv").content.decode("utf-8-sig")
    assert "Jaarrapporten" in export and "2027: Nieuw ingediend" in export


def _row(response, nota):
    assert response.status_code == 200
    text = " ".join(response.content.decode().split())
    start = text.index(nota.netwerk.name)
    return text[start: text.index("</tr>", start)].replace("</span>", " ").replace("<span", " <span")
