import json
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from dossiers.exchange import ImportRefused, export_json, import_document
from dossiers.models import Afsprakennota, Indienronde
from dossiers.snapshot import build_snapshot
from netwerken.models import Netwerk


def normalised(document):
    """The document without what differs between databases: ids in keys, the moment of reading,
    the drawn charts (their element ids hold the dossier's id)."""
    text = json.dumps({k: v for k, v in document.items() if k != "made_at"}, sort_keys=True)
    text = re.sub(r'"(\w+_svg)": "(?:[^"\\]|\\.)*"', r'"\1": "svg"', text)
    names = {p["key"]: p["name"] for p in document["partners"]}
    for key, name in sorted(names.items(), key=lambda kv: -len(kv[0])):
        text = text.replace(f'"{key}"', json.dumps("partner:" + name))
    return json.loads(re.sub(r'"(sd|od|a|b)\d+"', '"id"', text))


def test_round_trip_into_an_empty_database(full_nota):
    exported = json.loads(export_json(full_nota))
    Netwerk.objects.all().delete()  # the network with its partners, dossier and all
    assert not Afsprakennota.objects.exists()
    imported = import_document(exported)
    assert normalised(build_snapshot(imported)) == normalised(exported)


def test_every_problem_is_listed_with_its_place_and_nothing_is_imported(full_nota):
    document = json.loads(export_json(full_nota))
    Netwerk.objects.all().delete()
    document["gemeenten"][0]["nis_code"] = "99999"
    actie = document["doelstellingen"][0]["ods"][0]["acties"][0]
    actie["years"] = [2026]
    actie["lead_partner"] = "p-bestaat-niet"
    actie["costs"] = {"2027": "-5"}
    document["begroting"]["lines"][0]["amounts"]["2027"] = "veel"
    with pytest.raises(ImportRefused) as refused:
        import_document(document)
    places = {p.path for p in refused.value.problems}
    assert "$.gemeenten[0].nis_code" in places
    assert "$.doelstellingen[0].ods[0].acties[0].years" in places
    assert "$.doelstellingen[0].ods[0].acties[0].lead_partner" in places
    assert "$.doelstellingen[0].ods[0].acties[0].costs.2027" in places
    assert "$.begroting.lines[0].amounts.2027" in places
    messages = [p.message for p in refused.value.problems]
    assert "onbekende NIS-code “99999”" in messages
    assert not Netwerk.objects.exists() and not Afsprakennota.objects.exists()


def test_not_a_dossier(db):
    with pytest.raises(ImportRefused) as refused:
        import_document({"format": "iets anders"})
    assert refused.value.problems[0].path == "$.format"


def test_commands(full_nota, tmp_path):
    path = tmp_path / "dossier.json"
    call_command("export_json", str(full_nota.pk), output=str(path))
    Netwerk.objects.all().delete()
    out = StringIO()
    call_command("import_json", str(path), stdout=out)
    assert "geïmporteerd" in out.getvalue()
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "afsprakennota", "format_version": 99}')
    with pytest.raises(CommandError, match="Niets geïmporteerd"):
        call_command("import_json", str(broken), stderr=StringIO())


def test_copy_into_the_next_round(coordinator_client, full_nota):
    later = Indienronde.objects.get(first_year=2030)
    netwerk = full_nota.netwerk
    partners_before = netwerk.partners.count()
    response = coordinator_client.post(
        f"/netwerken/{netwerk.pk}/dossiers/kopie/", {"bron": full_nota.pk, "ronde": later.pk}
    )
    copy = Afsprakennota.objects.get(netwerk=netwerk, ronde=later)
    assert response.url == f"/dossiers/{copy.pk}/"
    assert netwerk.partners.count() == partners_before  # the network's partners are reused
    document = build_snapshot(copy)
    actions = [a for sd in document["doelstellingen"] for od in sd["ods"] for a in od["acties"]]
    assert [a["title"] for a in actions] == ["Infomarkt", "Vakantiekamp voor gezinnen", "UiTPAS-infomarkt"]
    assert all(a["years"] == [] for a in actions)  # 2027-2028 lie before the new period
    assert document["begroting"]["years"] == [2030, 2031, 2032]
    assert document["visie"]["text"] == full_nota.visie.text


def test_downloads(coordinator_client, outsider_client, full_nota):
    response = coordinator_client.get(f"/dossiers/{full_nota.pk}/json/")
    assert response["Content-Type"].startswith("application/json")
    assert json.loads(response.content)["format"] == "afsprakennota"
    word = coordinator_client.get(f"/dossiers/{full_nota.pk}/word/")
    assert word.content[:2] == b"PK"
    assert outsider_client.get(f"/dossiers/{full_nota.pk}/json/").status_code == 404
    assert outsider_client.get(f"/dossiers/{full_nota.pk}/word/").status_code == 404


def test_the_word_document_has_the_same_structure(full_nota):
    from io import BytesIO

    from docx import Document

    from dossiers.docx_export import build_docx

    word = Document(BytesIO(build_docx(build_snapshot(full_nota))))
    headings = [p.text for p in word.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings == [
        "1. Omgevingsanalyse",
        "2. Visie",
        "3. Strategische en operationele doelstellingen",
        "4. Acties",
        "5. Partners en betrokkenheid",
        "5b. Samenwerkingsafspraken",
        "6. Meerjarenbegroting",
        "7. Deelnemende gemeenten",
    ]
    text = "\n".join(p.text for p in word.paragraphs)
    assert "A2.1.1 Vakantiekamp voor gezinnen" in text
    assert "mandaat tot 2.500 euro" in text and "Elk jaar: Eind juni (Stuurgroep en De Klink)" in text
    cells = [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert "270.000,00" in cells and "-30.000,00" in cells
    assert "Stuurgroep Samen Uit" in cells and "A1.1.1 · Deelnemers met kansentarief" in cells
    assert "Els Peeters (cultuurdienst Sint-Niklaas)" in cells


def test_problems_in_the_analysis_are_listed_by_place(full_nota):
    document = json.loads(export_json(full_nota))
    Netwerk.objects.all().delete()
    analyse = document["omgevingsanalyse"]
    analyse["indicators"][0]["values"]["11002"] = {"2024": "12"}  # Antwerpen is not in the network
    first_gemeente = next(iter(analyse["indicators"][0]["values"]))
    analyse["indicators"][0]["values"][first_gemeente]["2023"] = "hoog"
    analyse["swot"][0]["kind"] = "kans-ish"
    analyse["bevragingen"][0]["participants"] = 0
    with pytest.raises(ImportRefused) as refused:
        import_document(document)
    places = {p.path for p in refused.value.problems}
    assert places == {
        "$.omgevingsanalyse.indicators[0].values.11002",
        f"$.omgevingsanalyse.indicators[0].values.{first_gemeente}.2023",
        "$.omgevingsanalyse.swot[0].kind",
        "$.omgevingsanalyse.bevragingen[0].participants",
    }
    assert not Afsprakennota.objects.exists()


def test_an_import_adds_missing_figures_and_keeps_the_ones_this_installation_has(full_nota):
    from analyses.models import IndicatorValue

    document = json.loads(export_json(full_nota))
    Netwerk.objects.all().delete()
    indicator = document["omgevingsanalyse"]["indicators"][0]
    nis_code, by_year = next(iter(indicator["values"].items()))
    year, value = next(iter(by_year.items()))
    kept = IndicatorValue.objects.get(indicator__code=indicator["code"], gemeente__nis_code=nis_code, year=year)
    kept.value = 99
    kept.save()
    IndicatorValue.objects.filter(indicator__code=indicator["code"], year=year).exclude(pk=kept.pk).delete()
    import_document(document)
    kept.refresh_from_db()
    assert kept.value == 99  # shared data is never overwritten by a dossier
    other = [c for c in indicator["values"] if c != nis_code and year in indicator["values"][c]]
    assert IndicatorValue.objects.filter(
        indicator__code=indicator["code"], gemeente__nis_code__in=other, year=year
    ).count() == len(other)


def test_an_indicator_unknown_here_is_added_from_the_document(full_nota):
    from analyses.models import Indicator

    document = json.loads(export_json(full_nota))
    Netwerk.objects.all().delete()
    indicator = document["omgevingsanalyse"]["indicators"][0]
    indicator["code"] = "eigen-indicator"
    imported = import_document(document)
    added = Indicator.objects.get(code="eigen-indicator")
    assert added.name == indicator["name"] and added.publisher == indicator["publisher"]
    assert imported.gekozen_indicatoren.filter(indicator=added).exists()


def test_the_word_document_holds_the_analysis(full_nota):
    from io import BytesIO

    from docx import Document

    from dossiers.docx_export import build_docx

    document = build_snapshot(full_nota)
    word = Document(BytesIO(build_docx(document)))
    text = "\n".join(p.text for p in word.paragraphs)
    analyse = document["omgevingsanalyse"]
    for heading in ["Kwantitatieve analyse", "Kwalitatieve analyse", "SWOT", "Drempels"]:
        assert heading in text
    for ind in analyse["indicators"]:
        assert ind["name"] in text
    assert analyse["swot"][0]["text"] in [c.text for t in word.tables for row in t.rows for c in row.cells]
    assert analyse["bevragingen"][0]["description"] in text


def test_the_cooperation_agreements_go_out_and_come_back(full_nota):  # noqa: F811
    exported = json.loads(export_json(full_nota))
    assert exported["format_version"] == 2
    part = exported["samenwerking"]
    assert part["overlegorganen"][0]["name"] == "Stuurgroep Samen Uit"
    assert len(part["overlegorganen"][0]["partners"]) == 2
    assert part["monitoring"][0]["actie"] == "A1.1.1"
    assert part["monitoring"][0]["indicator"] == "Deelnemers met kansentarief"
    assert part["rollen"][0]["person_name"] == "Els Peeters"
    Netwerk.objects.all().delete()
    imported = import_document(exported)
    again = build_snapshot(imported)
    assert normalised(again)["samenwerking"] == normalised(exported)["samenwerking"]
    assert imported.monitoringafspraken.filter(indicator__name="Deelnemers met kansentarief").exists()


def test_a_version_1_document_still_imports(full_nota):  # noqa: F811
    document = json.loads(export_json(full_nota))
    document["format_version"] = 1
    del document["samenwerking"]  # version 1 knew no cooperation agreements
    Netwerk.objects.all().delete()
    imported = import_document(document)
    assert imported.strategische_doelstellingen.count() == 2
    assert not imported.overlegorganen.exists()
    assert build_snapshot(imported)["samenwerking"] is None


def test_problems_in_the_agreements_are_listed_by_place(full_nota):  # noqa: F811
    document = json.loads(export_json(full_nota))
    Netwerk.objects.all().delete()
    part = document["samenwerking"]
    part["overlegorganen"][0]["per_year"] = 0
    part["overlegorganen"][0]["partners"] = ["p-onbekend"]
    part["monitoring"][0]["actie"] = "A9.9.9"
    part["reflectiemomenten"][0]["year"] = 2040
    part["texts"]["iets"] = "<p>?</p>"
    with pytest.raises(ImportRefused) as refused:
        import_document(document)
    places = {p.path for p in refused.value.problems}
    assert places >= {
        "$.samenwerking.overlegorganen[0].per_year",
        "$.samenwerking.overlegorganen[0].partners",
        "$.samenwerking.monitoring[0].indicator",
        "$.samenwerking.reflectiemomenten[0].year",
        "$.samenwerking.texts.iets",
    }
    assert not Afsprakennota.objects.exists()


def test_unknown_versions_are_refused(db):
    with pytest.raises(ImportRefused) as refused:
        import_document({"format": "afsprakennota", "format_version": 3})
    assert refused.value.problems[0].path == "$.format_version"
