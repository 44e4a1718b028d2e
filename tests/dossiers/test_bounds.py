"""Bounds (netwerken/bounds.py): a dossier at every limit works on every page and in every export;
past a limit every way in refuses with a Dutch message that names it, and changes nothing."""

import json
import math
import re
from io import BytesIO, StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import get_resolver

from dossiers import analyse_questions as questions
from dossiers.exchange import ImportRefused, export_json, import_document
from dossiers.models import (
    Actie,
    ActieKost,
    Afsprakennota,
    Begrotingsbedrag,
    Begrotingspost,
    Comment,
    OperationeleDoelstelling,
    PdfExport,
    Visie,
)
from netwerken import bounds
from netwerken.models import Netwerk
from tests.dossiers.test_doelen import actie_data, base, make_tree
from tests.pdftext import pdf_text, squash

MAX = "999999999.99"
MAX_SHOWN = "999.999.999,99"
RANGE = "Een bedrag ligt tussen €\u00a00,00 en €\u00a0999.999.999,99."


def at_the_maximum(document):
    """The document with every amount it holds, and one of every budget line, at the maximum."""
    years = [str(y) for y in document["begroting"]["years"]]
    for sd in document["doelstellingen"]:
        for od in sd["ods"]:
            for actie in od["acties"]:
                actie["years"] = [int(y) for y in years]
                actie["costs"] = dict.fromkeys(years, MAX)
    lines = []
    for kind, categories in [("uitgave", Begrotingspost.EXPENSES), ("inkomst", Begrotingspost.INCOME)]:
        for category in categories:
            if category == "gemeente":
                lines += [
                    {"kind": kind, "category": category, "gemeente": g["nis_code"], "note": "",
                     "amounts": dict.fromkeys(years, MAX)}
                    for g in document["gemeenten"]
                ]
            else:
                lines.append({"kind": kind, "category": category, "note": "", "amounts": dict.fromkeys(years, MAX)})
    document["begroting"]["lines"] = lines
    return document


def dossier_routes(patterns=None, prefix=""):
    """Every route of a dossier that needs nothing but the dossier's id."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern)
        if hasattr(pattern, "url_patterns"):
            yield from dossier_routes(pattern.url_patterns, route)
        elif route.startswith("dossiers/<int:pk>/") and route.count("<") == 1:
            yield route


def dossier_pages(nota):
    """Every page of the dossier: the routes above and the pages of its items."""
    # Only an approved dossier has a follow-up (tests/dossiers/test_opvolging.py).
    urls = {
        "/" + route.replace("<int:pk>", str(nota.pk))
        for route in dossier_routes() if "/opvolging/" not in route
    }
    urls |= {f"/dossiers/{nota.pk}/omgevingsanalyse/vragen/{kind}/" for kind, _label in questions.KINDS}
    for sd in nota.strategische_doelstellingen.all():
        urls.add(base(nota) + f"sd/{sd.pk}/")
    for od in OperationeleDoelstelling.objects.filter(nota=nota):
        urls.add(base(nota) + f"od/{od.pk}/")
    for actie in Actie.objects.filter(nota=nota):
        urls.add(base(nota) + f"actie/{actie.pk}/")
    return sorted(urls)


def imported_at_the_maximum(nota):
    """The dossier again, imported from its own document with every amount at the maximum."""
    document = at_the_maximum(json.loads(export_json(nota)))
    netwerk, ronde = nota.netwerk, nota.ronde
    nota.delete()
    return import_document(document, netwerk=netwerk, ronde=ronde)


def test_a_dossier_with_every_amount_at_the_maximum_works_on_every_page_and_in_every_export(
    coordinator_client, reviewer_client, full_nota, django_capture_on_commit_callbacks
):
    nota = imported_at_the_maximum(full_nota)
    assert Begrotingsbedrag.objects.filter(post__nota=nota).exclude(amount=MAX).count() == 0
    assert ActieKost.objects.filter(actie__nota=nota).exclude(amount=MAX).count() == 0
    assert Begrotingsbedrag.objects.filter(post__nota=nota).count() > 6 * 12

    pages = dossier_pages(nota)
    assert len(pages) > 20
    for url in pages:
        response = coordinator_client.get(url)
        if response.status_code == 403:  # publiq's review page
            response = reviewer_client.get(url)
        assert response.status_code in (200, 405), url  # 405: a part that only takes a POST
    assert MAX_SHOWN in coordinator_client.get(f"/dossiers/{nota.pk}/begroting/").text

    document = json.loads(coordinator_client.get(f"/dossiers/{nota.pk}/json/").content)
    assert document["begroting"]["lines"][0]["amounts"][str(nota.ronde.first_year)] == MAX
    word = coordinator_client.get(f"/dossiers/{nota.pk}/word/")
    assert word.status_code == 200 and word.content[:2] == b"PK"
    from docx import Document

    cells = [c.text for t in Document(BytesIO(word.content)).tables for row in t.rows for c in row.cells]
    assert MAX_SHOWN in cells

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(f"/dossiers/{nota.pk}/pdf/")
    assert coordinator_client.get(response.url).status_code == 200
    export = PdfExport.objects.get(nota=nota)
    assert export.state == "done", export.error
    download = coordinator_client.get(f"/dossiers/{nota.pk}/pdf/{export.pk}/download/")
    assert download.status_code == 200
    assert MAX_SHOWN in squash(pdf_text(b"".join(download.streaming_content)))


def money_at(document, value):
    document["begroting"]["lines"][0]["amounts"]["2027"] = value
    return document


@pytest.mark.parametrize(
    "value",
    [math.nan, math.inf, 62000.0, 62000, "1e3", "62000.005", "62000.5", "-5.00", "10000000000.00",
     "1000000000.00", " 62000.00", "62000,00", None, True],
)
def test_the_import_takes_money_only_as_text_with_two_decimals_up_to_the_maximum(full_nota, value):
    document = money_at(json.loads(export_json(full_nota)), value)
    Netwerk.objects.all().delete()
    with pytest.raises(ImportRefused) as refused:
        import_document(document)
    problems = {p.path: p.message for p in refused.value.problems}
    assert list(problems) == ["$.begroting.lines[0].amounts.2027"]
    message = problems["$.begroting.lines[0].amounts.2027"]
    if value in ("10000000000.00", "1000000000.00"):
        assert message == RANGE
    else:
        assert "is geen bedrag: schrijf tekst met precies twee decimalen" in message
    assert not Netwerk.objects.exists() and not Afsprakennota.objects.exists()


def test_the_import_command_reports_nan_by_its_place(full_nota, tmp_path):
    text = export_json(full_nota).replace('"45000.00"', "NaN", 1)
    Netwerk.objects.all().delete()
    path = tmp_path / "dossier.json"
    path.write_text(text, encoding="utf-8")
    err = StringIO()
    with pytest.raises(CommandError, match="Niets geïmporteerd"):
        call_command("import_json", str(path), stderr=err)
    assert re.search(r"\$\.begroting\.lines\[\d\]\.amounts\.\d{4}: “NaN” is geen bedrag", err.getvalue())
    assert not Netwerk.objects.exists()


def first_actie(document):
    return document["doelstellingen"][0]["ods"][0]["acties"][0]


def test_the_import_checks_text_lengths_and_list_sizes(full_nota):
    document = json.loads(export_json(full_nota))
    Netwerk.objects.all().delete()
    actie = first_actie(document)
    actie["title"] = "x" * (bounds.TITLE + 1)
    actie["description"] = "y" * (bounds.DESCRIPTION + 1)
    actie["indicators"] = [{"name": "n", "target": "1"}] * (bounds.INDICATORS_PER_ACTION + 1)
    document["visie"]["text"] = "<p>" + "z" * (bounds.LONG_TEXT + 1) + "</p>"
    document["partners"][0]["name"] = "p" * (bounds.NAME + 1)
    with pytest.raises(ImportRefused) as refused:
        import_document(document)
    problems = {p.path: p.message for p in refused.value.problems}
    here = "$.doelstellingen[0].ods[0].acties[0]"
    assert problems[f"{here}.title"] == "Maximaal 300 tekens (u typte 301)."
    assert problems[f"{here}.description"] == "Maximaal 10.000 tekens (u typte 10.001)."
    assert problems[f"{here}.indicators"] == "hoogstens 20 elementen (deze lijst heeft er 21)"
    assert problems["$.visie.text"] == "Maximaal 20.000 tekens (u typte 20.001)."
    assert problems["$.partners[0].name"] == "Maximaal 200 tekens (u typte 201)."
    assert not Netwerk.objects.exists()


def test_the_import_accepts_texts_and_lists_at_their_limits(full_nota):
    document = json.loads(export_json(full_nota))
    Netwerk.objects.all().delete()
    actie = first_actie(document)
    actie["title"] = "x" * bounds.TITLE
    actie["description"] = "y" * bounds.DESCRIPTION
    actie["indicators"] = [{"name": f"n{i}", "target": "1"} for i in range(bounds.INDICATORS_PER_ACTION)]
    document["visie"]["text"] = "<p><strong>" + "z" * bounds.LONG_TEXT + "</strong></p>"
    agreements = document["samenwerking"]
    agreements["monitoring"][0]["indicator"] = "n0"  # the action's indicators were replaced above
    agreements["texts"]["monitoring"] = "<p>" + "m" * bounds.DESCRIPTION + "</p>"
    agreements["overlegorganen"] = [
        {"name": f"{i:03}" + "o" * (bounds.NAME - 3), "per_year": bounds.MEETINGS_PER_YEAR, "partners": []}
        for i in range(bounds.CONSULTATION_BODIES)
    ]
    nota = import_document(document)
    assert nota.overlegorganen.count() == bounds.CONSULTATION_BODIES
    assert nota.monitoringafspraken.filter(indicator__name="n0").exists()
    stored = Actie.objects.get(nota=nota, title="x" * bounds.TITLE)
    assert len(stored.description) == bounds.DESCRIPTION and stored.indicators.count() == 20
    assert len(Visie.objects.get(nota=nota).text) > bounds.LONG_TEXT  # the markup is not counted


# --- forms, the budget grid and comments: the same bounds, the same words ---


def test_the_action_form_refuses_past_the_limits_and_keeps_nothing(coordinator_client, nota_a, partner_org_a):
    make_tree(nota_a, n_actie=0)
    od = OperationeleDoelstelling.objects.get()
    url = base(nota_a) + f"od/{od.pk}/actie/nieuw/"
    cases = [
        ({"title": "t" * 301}, "Maximaal 300 tekens (u typte 301)."),
        ({"description": "d" * 10_001}, "Maximaal 10.000 tekens (u typte 10.001)."),
        ({"cost_2027": "1.000.000.000,00"}, RANGE),
        ({"cost_2027": "12,345"}, "Een bedrag heeft hoogstens twee decimalen (centen)."),
        ({"indicatoren-0-target": "v" * 201}, "Maximaal 200 tekens (u typte 201)."),
    ]
    for extra, message in cases:
        response = coordinator_client.post(url, actie_data(partner_org_a, **extra))
        assert response.status_code == 200, extra
        assert message in response.text, extra
    assert not Actie.objects.exists() and not ActieKost.objects.exists()

    response = coordinator_client.post(
        url, actie_data(partner_org_a, title="t" * 300, description="d" * 10_000, cost_2027="999.999.999,99")
    )
    assert response.status_code == 302
    actie = Actie.objects.get()
    assert len(actie.title) == 300 and str(actie.kosten.get(year=2027).amount) == MAX


def test_the_budget_grid_refuses_an_amount_past_the_maximum(coordinator_client, nota_a):
    url = f"/dossiers/{nota_a.pk}/begroting/cel/"
    response = coordinator_client.post(url, {"c-personeel-2029": "1.000.000.000", "v-personeel-2029": "0"})
    assert response.status_code == 422
    assert RANGE in response.text
    assert not Begrotingsbedrag.objects.exists()
    response = coordinator_client.post(url, {"c-personeel-2029": "999.999.999,99", "v-personeel-2029": "0"})
    assert response.status_code == 200
    assert str(Begrotingsbedrag.objects.get().amount) == MAX


def test_the_budget_grid_refuses_a_long_explanation(coordinator_client, nota_a):
    response = coordinator_client.post(f"/dossiers/{nota_a.pk}/begroting/", {"n-personeel": "u" * 301})
    assert "Maximaal 300 tekens (u typte 301)." in response.text
    assert not Begrotingspost.objects.filter(note__startswith="u").exists()


def test_a_comment_past_the_limit_is_refused_and_one_at_the_limit_placed(coordinator_client, nota_a):
    url = f"/dossiers/{nota_a.pk}/commentaar/"
    response = coordinator_client.post(url, {"body": "c" * 5001, "section": "visie", "anchor": "section"})
    assert response.status_code == 400
    assert "Maximaal 5.000 tekens (u typte 5.001)." in response.text
    assert not Comment.objects.exists()
    response = coordinator_client.post(url, {"body": "c" * 5000, "section": "visie", "anchor": "section"})
    assert response.status_code == 302
    comment = Comment.objects.get()
    edit = f"/dossiers/{nota_a.pk}/commentaar/{comment.pk}/bewerken/"
    response = coordinator_client.post(edit, {"body": "e" * 5001})
    assert response.status_code == 400 and "Maximaal 5.000 tekens (u typte 5.001)." in response.text
    comment.refresh_from_db()
    assert comment.body == "c" * 5000


def test_the_vision_counts_what_the_reader_sees(coordinator_client, nota_a):
    from tests.dossiers.test_visie import post

    response = post(coordinator_client, nota_a, text="<p>" + "v" * 20_001 + "</p>")
    assert response.status_code == 200
    assert "Maximaal 20.000 tekens (u typte 20.001)." in response.text
    assert not Visie.objects.filter(nota=nota_a).exists()
    response = post(coordinator_client, nota_a, text="<p><em>" + "v" * 20_000 + "</em></p>", q_goal="g" * 5000)
    assert response.status_code == 302
    assert len(Visie.objects.get(nota=nota_a).q_goal) == 5000


def _boxes(box):
    yield box
    for child in getattr(box, "children", None) or []:
        yield from _boxes(child)


def overflow_in_pdf(document) -> float:
    """How far (in CSS px) the widest box of the PDF reaches past its page; 0 when all fits.
    Reads WeasyPrint's layout boxes, which only its rendered document exposes."""
    from weasyprint import HTML

    from dossiers.pdf import BASE_URL, StaticOnlyFetcher, render_html

    rendered = HTML(
        string=render_html(document, draft=True), base_url=BASE_URL, url_fetcher=StaticOnlyFetcher()
    ).render()
    worst = 0
    for page in rendered.pages:
        page_box = page._page_box
        for box in _boxes(page_box):
            if getattr(box, "width", None) is not None and hasattr(box, "margin_width"):
                worst = max(worst, box.position_x + box.margin_width() - page_box.margin_width())
    return worst


def test_long_words_and_maximum_amounts_stay_within_the_pdf_page(full_nota):
    from dossiers.snapshot import build_snapshot

    nota = imported_at_the_maximum(full_nota)
    document = build_snapshot(nota)
    assert overflow_in_pdf(document) == 0
    word = ("Vrijetijdsparticipatienetwerk" * 7)[:200]
    document["netwerk"]["name"] = word
    document["partners"][0]["name"] = word
    actie = first_actie(document)
    actie["title"] = word
    actie["indicators"] = [{"name": word, "target": word}]
    assert overflow_in_pdf(document) == 0


def test_a_full_list_takes_no_new_item(coordinator_client, nota_a, partner_org_a):
    make_tree(nota_a, n_actie=0)
    od = OperationeleDoelstelling.objects.get()
    url = base(nota_a) + f"od/{od.pk}/actie/nieuw/"
    Actie.objects.bulk_create(
        Actie(od=od, nota=nota_a, position=i, title=f"A{i}") for i in range(1, bounds.ACTIONS_PER_OPERATIONAL)
    )
    assert coordinator_client.post(url, actie_data(partner_org_a)).status_code == 302  # the 50th
    response = coordinator_client.post(url, actie_data(partner_org_a, title="De 51ste"))
    assert response.status_code == 200
    assert "Hier staan er al 50, het maximum voor een dossier; verwijder er eerst een." in response.text
    assert not Actie.objects.filter(title="De 51ste").exists()

    many = {"indicatoren-TOTAL_FORMS": "21"}
    for i in range(21):
        many |= {f"indicatoren-{i}-name": f"Indicator {i}", f"indicatoren-{i}-target": "1"}
    actie = Actie.objects.get(title="Vakantiekamp")
    response = coordinator_client.post(
        base(nota_a) + f"actie/{actie.pk}/", actie_data(partner_org_a, version=_signed(actie), **many)
    )
    assert response.status_code == 200
    assert "Verstuur maximaal 20 formulier" in response.text
    assert actie.indicators.count() == 1


def _signed(instance):
    from concurrency.forms import get_signer

    return get_signer().sign(instance.version)


def test_the_import_checks_contacts_without_crashing(full_nota):
    document = json.loads(export_json(full_nota))
    Netwerk.objects.all().delete()
    document["gemeenten"][0]["contact"]["email"] = "a" * 250 + "@example.org"
    document["gemeenten"][0]["contact"]["phone"] = 32123456
    document["gemeenten"][0]["contact"]["address"] = "straat " * 100
    with pytest.raises(ImportRefused) as refused:
        import_document(document)
    problems = {p.path: p.message for p in refused.value.problems}
    assert problems["$.gemeenten[0].contact.email"] == "Maximaal 254 tekens (u typte 262)."
    assert "$.gemeenten[0].contact.phone" in problems
    assert problems["$.gemeenten[0].contact.address"] == "Maximaal 500 tekens (u typte 700)."
    assert not Netwerk.objects.exists()
