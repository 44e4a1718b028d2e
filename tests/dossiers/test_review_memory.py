"""A review that remembers: the previous version's remarks and the changes per section beside a
new version, and the decision letter composed from the remarks and kept with the version."""

from dossiers.models import DossierVersion, Visie
from tests.factories import make_ready

SECTIONS = ["omgevingsanalyse", "visie", "doelstellingen", "partners", "begroting", "gemeenten"]


def step(client, nota, name, note=""):
    return client.post(f"/dossiers/{nota.pk}/stap/{name}/", {"note": note})


def assess(client, nota, **remarks):
    data = {}
    for section in SECTIONS:
        verdict, remark = remarks.get(section, ("in_orde", ""))
        data.update({f"{section}-verdict": verdict, f"{section}-remark": remark, f"{section}-internal_note": ""})
    data["begroting-internal_note"] = "Alleen voor publiq."
    assert client.post(f"/dossiers/{nota.pk}/beoordeling/", data).status_code == 302


def first_round(coordinator_client, reviewer_client, nota):
    make_ready(nota)
    step(coordinator_client, nota, "submit")
    step(reviewer_client, nota, "start_review")
    assess(reviewer_client, nota, begroting=("werkpunt", "Het saldo van 2029 klopt niet."),
           visie=("in_orde", "Mooie visie."))


def test_the_letter_is_composed_from_the_remarks_and_kept_with_the_version(coordinator_client, reviewer_client, nota_a):
    first_round(coordinator_client, reviewer_client, nota_a)
    page = reviewer_client.get(f"/dossiers/{nota_a.pk}/stap/request_changes/")
    letter = page.context["note"]
    assert "Beste coördinator van Netwerk Waasland," in letter
    assert "Wat moet veranderen:\n- Meerjarenbegroting: Het saldo van 2029 klopt niet." in letter or (
        "Het saldo van 2029 klopt niet." in letter.split("Wat moet veranderen:")[1].split("Verdere")[0]
    )
    assert "Mooie visie." in letter.split("Verdere opmerkingen:")[1]
    assert "Alleen voor publiq." not in letter  # internal notes stay out
    assert "Beslissingsbrief aan het netwerk" in page.text

    edited = letter + "\nBel gerust bij vragen."
    assert step(reviewer_client, nota_a, "request_changes", note=edited).status_code == 302
    version = DossierVersion.objects.get(nota=nota_a, number=1)
    assert version.decision == "bijsturing" and version.decision_letter == edited.strip()
    assert version.decided_at is not None
    assert "Bel gerust bij vragen." in coordinator_client.get(f"/dossiers/{nota_a.pk}/").text
    assert "Bel gerust bij vragen." in coordinator_client.get(f"/dossiers/{nota_a.pk}/versies/").text


def test_an_empty_or_too_long_letter_is_refused_and_nothing_kept(coordinator_client, reviewer_client, nota_a):
    first_round(coordinator_client, reviewer_client, nota_a)
    response = step(reviewer_client, nota_a, "request_changes", note="  ")
    assert response.status_code == 400 and "Leg uit wat er moet veranderen" in response.text
    response = step(reviewer_client, nota_a, "request_changes", note="x" * 20_001)
    assert response.status_code == 400 and "20.000" in response.text
    version = DossierVersion.objects.get(nota=nota_a, number=1)
    assert (version.decision, version.decision_letter) == ("", "")
    nota_a.refresh_from_db()
    assert nota_a.status == "in_behandeling"


def test_a_new_version_shows_the_previous_remarks_and_changes_then_approval(coordinator_client, reviewer_client, nota_a):
    first_round(coordinator_client, reviewer_client, nota_a)
    step(reviewer_client, nota_a, "request_changes", note="Pas de begroting aan.")
    visie = Visie.objects.get(nota=nota_a)
    visie.text = "<p>Een vernieuwde visie op vrije tijd.</p>"
    visie.save()
    step(coordinator_client, nota_a, "submit")
    step(reviewer_client, nota_a, "start_review")

    page = reviewer_client.get(f"/dossiers/{nota_a.pk}/beoordeling/")
    forms = {value: memory for value, _label, _form, memory in page.context["forms"]}
    assert forms["begroting"].remark.remark == "Het saldo van 2029 klopt niet."
    assert forms["visie"].changes.changes and not forms["gemeenten"].changes.changes
    assert "Versie 1: uw beoordeling toen" in page.text
    assert "Het saldo van 2029 klopt niet." in page.text and "vernieuwde" in page.text
    assert "De beslissingsbrief over versie 1" in page.text

    assess(reviewer_client, nota_a, begroting=("in_orde", "Nu in evenwicht."))
    letter = reviewer_client.get(f"/dossiers/{nota_a.pk}/stap/approve/").context["note"]
    assert "publiq keurt versie 2 van uw afsprakennota" in letter and "Nu in evenwicht." in letter
    assert step(reviewer_client, nota_a, "approve", note=letter).status_code == 302
    v1, v2 = DossierVersion.objects.filter(nota=nota_a).order_by("number")
    assert v1.decision_letter == "Pas de begroting aan." and v2.decision == "goedgekeurd"
    assert "publiq keurde versie 2 goed" in coordinator_client.get(f"/dossiers/{nota_a.pk}/").text


def test_the_first_version_has_nothing_to_remember(coordinator_client, reviewer_client, nota_a):
    make_ready(nota_a)
    step(coordinator_client, nota_a, "submit")
    page = reviewer_client.get(f"/dossiers/{nota_a.pk}/beoordeling/")
    assert all(memory is None for _v, _l, _f, memory in page.context["forms"])
    assert "uw beoordeling toen" not in page.text
