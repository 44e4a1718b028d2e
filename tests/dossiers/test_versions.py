from dossiers.diff import compare, inline_diff
from dossiers.services import dossier_freeze
from tests.factories import PartnerFactory, make_ready


def test_inline_diff_marks_words():
    html = str(inline_diff("we leiden mensen toe", "we leiden alle mensen toe"))
    assert html == "we leiden <ins>alle </ins>mensen toe"
    assert "&lt;script&gt;" in str(inline_diff("", "<script>"))


def test_diff_between_versions(coordinator_client, coordinator_a, nota_a):
    make_ready(nota_a)
    dossier_freeze(nota=nota_a, user=coordinator_a)
    nota_a.visie.text = "<p>Iedereen doet echt mee.</p>"
    nota_a.visie.save()
    PartnerFactory(netwerk=nota_a.netwerk, name="Nieuwe partner")
    dossier_freeze(nota=nota_a, user=coordinator_a)
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/versies/2/verschillen/")
    assert page.status_code == 200
    assert "doet <ins>echt </ins>mee." in page.text
    assert "Nieuwe partner" in page.text
    parts = {p.section: p for p in page.context["diff"]}
    assert [c.kind for c in parts["partners"].changes] == ["added"]
    assert parts["gemeenten"].changes == []


def test_no_diff_for_the_first_version(coordinator_client, coordinator_a, nota_a):
    dossier_freeze(nota=nota_a, user=coordinator_a)
    assert coordinator_client.get(f"/dossiers/{nota_a.pk}/versies/1/verschillen/").status_code == 404


def test_budget_totals_before_and_after():
    def doc(amount):
        return {
            "begroting": {
                "years": [2027],
                "lines": [{"key": "b1", "kind": "uitgave", "label": "Personeel", "amounts": {"2027": amount}}],
            }
        }

    parts = {p.section: p for p in compare(doc("100.00"), doc("150.00"))}
    change = parts["begroting"].changes[0]
    assert change.kind == "changed" and change.details == [("2027", "€\xa0100,00 → €\xa0150,00")]
    assert parts["begroting"].totals[0][1:] == (100, 150)


def test_the_analysis_diff_names_what_changed(nota_a):
    from dossiers.models import Drempelbeschrijving, GekozenIndicator, KwalitatieveAnalyse, SwotItem
    from dossiers.snapshot import build_snapshot

    make_ready(nota_a)
    before = build_snapshot(nota_a)
    keuze = GekozenIndicator.objects.filter(nota=nota_a).first()
    keuze.interpretation = "Sint-Niklaas springt eruit."
    keuze.save()
    SwotItem.objects.create(nota=nota_a, kind="kans", text="Nieuwe UiTPAS-regio")
    intern = KwalitatieveAnalyse.objects.get(nota=nota_a, kind="intern")
    intern.answers = {**intern.answers, "evaluatie": "We leerden veel."}
    intern.save()
    drempel = Drempelbeschrijving.objects.filter(nota=nota_a).first()
    drempel.gemeenten.clear()
    after = build_snapshot(nota_a)
    changes = {p.section: p for p in compare(before, after)}["omgevingsanalyse"].changes
    labels = {c.label: c for c in changes}
    assert labels[f"Indicator “{keuze.indicator.name}”"].kind == "changed"
    assert "<ins>Sint-Niklaas" in str(labels[f"Indicator “{keuze.indicator.name}”"].details[0][1])
    assert labels["SWOT – kans: Nieuwe UiTPAS-regio"].kind == "added"
    (question, text), = labels["Interne analyse"].details
    assert question.startswith("Terugblik") and "<ins>veel.</ins>" in str(text)
    threshold = next(c for c in changes if c.label.startswith("Drempel:"))
    assert threshold.details[0][0] == "Gemeenten" and "<del>" in str(threshold.details[0][1])
    assert len(changes) == 4  # the unchanged parts, and the charts drawn anew, are no change


def test_the_diff_shows_what_changed_in_the_cooperation_agreements(coordinator_client, coordinator_a, nota_a):
    from dossiers.models import Overlegorgaan, GeplandReflectiemoment, Samenwerking
    from tests.factories import add_samenwerking

    make_ready(nota_a)
    add_samenwerking(nota_a)
    dossier_freeze(nota=nota_a, user=coordinator_a)
    agreements = Samenwerking.objects.get(nota=nota_a)
    agreements.duurzaamheid = "<p>De gemeenten nemen de werking samen op in hun meerjarenplan.</p>"
    agreements.save()
    body = Overlegorgaan.objects.get(nota=nota_a)
    body.per_year = 6
    body.save()
    GeplandReflectiemoment.objects.create(nota=nota_a, moment="Startdag", year=2028)
    dossier_freeze(nota=nota_a, user=coordinator_a)
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/versies/2/verschillen/")
    assert page.status_code == 200
    changes = {p.section: p for p in page.context["diff"]}["samenwerking"].changes
    assert [(c.kind, c.label) for c in changes] == [
        ("changed", "Samenwerkingsafspraken"),
        ("changed", "Overlegorgaan ‘Stuurgroep Samen Uit’"),
        ("added", "Reflectiemoment: Startdag (2028)"),
    ]
    assert "werking <ins>samen </ins>op" in page.text
    version = coordinator_client.get(f"/dossiers/{nota_a.pk}/versies/2/")
    assert "Stuurgroep Samen Uit" in version.text and "6 vergaderingen per jaar" in version.text


def test_the_diff_from_a_version_1_document(nota_a):
    from dossiers.snapshot import build_snapshot
    from tests.factories import add_samenwerking

    make_ready(nota_a)
    old = build_snapshot(nota_a)
    old["format_version"] = 1
    del old["samenwerking"]
    add_samenwerking(nota_a)
    changes = {p.section: p for p in compare(old, build_snapshot(nota_a))}["samenwerking"].changes
    assert ("added", "Overlegorgaan ‘Stuurgroep Samen Uit’") in [(c.kind, c.label) for c in changes]
