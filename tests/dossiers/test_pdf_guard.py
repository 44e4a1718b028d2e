"""The render guard: a PDF or Word export past its time or memory limit fails with a Dutch message
that names the texts to shorten, and the worker goes on with the next job."""

import copy

import pytest
from django.core.management import call_command
from django.utils import timezone

from dossiers.exports import pdf_export_for_version, pdf_export_render, pdf_export_request
from dossiers.models import DossierVersion, PdfExport, Visie
from dossiers.snapshot import build_snapshot, sha256_of
from tests.factories import make_ready


def _status_text(client, export):
    return client.get(f"/dossiers/{export.nota_id}/pdf/{export.pk}/").text


def _with_long_description(document, chars):
    """A frozen document whose first action has a description of `chars` characters: a version
    submitted before texts had a maximum length."""
    document = copy.deepcopy(document)
    actie = document["doelstellingen"][0]["ods"][0]["acties"][0]
    actie["description"] = "<p>" + ("woord " * (chars // 6)) + "</p>"
    return document, f"{actie['code']} {actie['title']}"


def _frozen_version(nota, document):
    return DossierVersion.objects.create(
        nota=nota,
        number=1,
        submitted_at=timezone.now(),
        snapshot=document,
        sha256=sha256_of(document),
    )


def test_past_the_time_limit_the_pdf_fails_and_names_the_longest_texts(
    settings, coordinator_client, nota_a, django_capture_on_commit_callbacks
):
    Visie.objects.create(nota=nota_a, text="<p>" + "Iedereen doet mee. " * 3000 + "</p>")
    settings.EXPORT_TIME_LIMIT_SECONDS = 0.2
    with django_capture_on_commit_callbacks(execute=True):
        export = pdf_export_request(nota=nota_a)
    export.refresh_from_db()
    assert export.state == "failed" and export.failure == "time"
    assert not export.file
    page = _status_text(coordinator_client, export)
    assert "Het dossier is te groot: het opmaken duurt langer dan toegelaten." in page
    assert "Maak de langste teksten korter" in page
    assert "Visie: tekst (56.999 tekens)" in page
    assert "Opnieuw proberen" in page  # the retry button

    # With the text shortened, the dossier's new PDF is made within the same limits as before.
    settings.EXPORT_TIME_LIMIT_SECONDS = 120
    nota_a.visie.text = "<p>Iedereen doet mee.</p>"
    nota_a.visie.save()
    with django_capture_on_commit_callbacks(execute=True):
        again = pdf_export_request(nota=nota_a)
    again.refresh_from_db()
    assert again.pk != export.pk and again.state == "done"


@pytest.mark.django_db(transaction=True)
def test_past_the_memory_limit_the_worker_fails_that_pdf_and_makes_the_next(
    settings, client_for, coordinator_a, nota_a
):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    make_ready(nota_a)
    # A normal dossier needs well under 150 MB; one 30 MB description needs far more, at once.
    settings.EXPORT_MEMORY_LIMIT_MB = 150
    document, actie = _with_long_description(build_snapshot(nota_a), 30_000_000)
    too_big = pdf_export_for_version(version=_frozen_version(nota_a, document))
    normal = pdf_export_request(nota=nota_a)
    call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    too_big.refresh_from_db()
    normal.refresh_from_db()
    assert too_big.state == "failed" and too_big.failure == "memory", too_big.error
    assert normal.state == "done", normal.error
    assert normal.file.read(4) == b"%PDF"
    page = _status_text(client_for(coordinator_a), too_big)
    assert "Het dossier is te groot: het opmaken vraagt meer geheugen dan toegelaten." in page
    assert "Een ingediende versie kan niet meer veranderen" in page
    assert f"Doelstellingen en acties › {actie}: omschrijving (" in page


def test_an_error_in_the_render_is_reported_without_blaming_the_texts(coordinator_client, nota_a):
    export = PdfExport.objects.create(nota=nota_a, content_hash="x", document={"broken": True})
    pdf_export_render(export_id=export.pk)
    export.refresh_from_db()
    assert export.state == "failed" and export.failure == "error" and "KeyError" in export.error
    page = _status_text(coordinator_client, export)
    assert "Er ging iets mis bij het maken van de PDF." in page
    assert "te groot" not in page


def test_the_word_file_past_its_limit_sends_back_to_the_dossier_with_the_longest_texts(
    settings, coordinator_client, nota_a
):
    Visie.objects.create(nota=nota_a, text="<p>" + "Iedereen doet mee. " * 100 + "</p>")
    settings.WORD_EXPORT_TIME_LIMIT_SECONDS = 0.001
    response = coordinator_client.get(f"/dossiers/{nota_a.pk}/word/", follow=True)
    assert response.redirect_chain == [(f"/dossiers/{nota_a.pk}/", 302)]
    assert "Het Word-bestand kon niet gemaakt worden: het dossier is te groot." in response.text
    assert "Visie: tekst (1.899 tekens)" in response.text


def test_the_word_file_within_its_limits(coordinator_client, nota_a):
    response = coordinator_client.get(f"/dossiers/{nota_a.pk}/word/")
    assert response.status_code == 200
    assert response.content.startswith(b"PK")  # a .docx is a zip file


def test_the_longest_texts_are_what_users_wrote_counted_without_markup():
    from django.utils import translation

    from dossiers.export_guard import describe_texts, longest_texts

    document = {
        "netwerk": {
            "name": "N" * 5000
        },  # not a section of the dossier: users cannot shorten it here
        "visie": {
            "text": "<p>" + "<b>kort</b> " * 10 + "</p>",
            "text_plain": "x" * 900,
            "questions": {"q_goal": "y" * 60},
        },
        "omgevingsanalyse": {
            "netwerkbeeld_svg": "<svg>" + "<g/>" * 9000 + "</svg>",
            "indicators": [],
        },
        "doelstellingen": [
            {
                "code": "SD1",
                "title": "Iedereen",
                "description": "",
                "ods": [
                    {
                        "code": "OD1.1",
                        "title": "Drempels",
                        "description": "z" * 300,
                        "acties": [
                            {
                                "code": "A1.1.1",
                                "title": "Zomerkamp",
                                "description": "w" * 700,
                                "indicators": [{"name": "Deelnemers", "target": "t" * 80}],
                            },
                        ],
                    },
                ],
            },
        ],
    }
    with translation.override("nl-be"):
        assert describe_texts(longest_texts(document, count=4)) == [
            "Doelstellingen en acties › A1.1.1 Zomerkamp: omschrijving (700 tekens)",
            "Doelstellingen en acties › OD1.1 Drempels: omschrijving (300 tekens)",
            "Doelstellingen en acties › A1.1.1 Zomerkamp › Deelnemers: streefwaarde (80 tekens)",
            "Visie: Wat willen we samen bereiken? (60 tekens)",
        ]
