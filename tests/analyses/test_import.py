from decimal import Decimal

import pytest

from analyses.models import ImportBatch, ImportChange, IndicatorValue
from tests.analyses.conftest import csv_file, xlsx_file
from tests.factories import DeelnemendeGemeenteFactory, IndicatorValueFactory, gemeente


def values(ind):
    return {
        (str(v.gemeente) if v.gemeente else "Vlaanderen", v.year): v.value
        for v in IndicatorValue.objects.filter(indicator=ind).select_related("gemeente")
    }


def csv_with_names():
    # A title line, an empty line, the header, names in other capitals, Dutch decimal commas.
    return csv_file(
        "Kansarmoede-index per gemeente\n"
        "\n"
        "Gemeente;Jaar;Waarde\n"
        "SINT-NIKLAAS;2022;18,4\n"
        "sint-niklaas;2023;19,1\n"
        "\n"
        "temse;2023;12,3\n"
        "Vlaams Gewest;2023;15,6\n"
    )


def test_csv_import_end_to_end(upload, reviewer, kansarmoede, netwerk_a, client_for):
    batch, preview = upload(reviewer, kansarmoede, csv_with_names())
    assert batch.header_line == 3 and batch.match_by == "naam"
    assert "4 nieuwe waarden" in preview.text
    assert "Kijk de cijfers na voor ze geïmporteerd worden" in preview.text
    assert not IndicatorValue.objects.exists()

    response = client_for(reviewer).post(f"/cijfers/importeren/{batch.pk}/bevestigen/", follow=True)
    assert "Geïmporteerd: 4 nieuwe en 0 gewijzigde waarden; 0 stonden er al." in response.text
    assert values(kansarmoede) == {
        ("Sint-Niklaas", 2022): Decimal("18.4"),
        ("Sint-Niklaas", 2023): Decimal("19.1"),
        ("Temse", 2023): Decimal("12.3"),
        ("Vlaanderen", 2023): Decimal("15.6"),
    }
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.IMPORTED and batch.n_created == 4


def test_csv_by_nis_code_with_commas(upload, reviewer, kansarmoede, netwerk_a, client_for):
    temse = gemeente("Temse").nis_code
    file = csv_file(f'NIS,Gemeente,Jaar,Waarde\n{temse},Temse,2023,"12,3"\n02000,Vlaams Gewest,2023,15.6\n')
    batch, preview = upload(reviewer, kansarmoede, file)
    assert batch.match_by == "nis"
    client_for(reviewer).post(f"/cijfers/importeren/{batch.pk}/bevestigen/")
    assert values(kansarmoede) == {("Temse", 2023): Decimal("12.3"), ("Vlaanderen", 2023): Decimal("15.6")}


def test_xlsx_import_end_to_end(upload, reviewer, kansarmoede, netwerk_a, client_for):
    file = xlsx_file(
        [
            ["Bron: Opgroeien"],
            [],
            ["Gemeente", "Jaar", "Kansarmoede (%)"],
            ["Sint-Niklaas", 2023, 19.1],
            [],
            ["TEMSE", 2023, "12,3"],
            ["Vlaams Gewest", 2023, 15.6],
        ]
    )
    batch, preview = upload(reviewer, kansarmoede, file)
    assert "3 nieuwe waarden" in preview.text
    client_for(reviewer).post(f"/cijfers/importeren/{batch.pk}/bevestigen/")
    assert values(kansarmoede) == {
        ("Sint-Niklaas", 2023): Decimal("19.1"),
        ("Temse", 2023): Decimal("12.3"),
        ("Vlaanderen", 2023): Decimal("15.6"),
    }


def test_xlsx_with_a_column_per_year(upload, reviewer, kansarmoede, netwerk_a, client_for):
    file = xlsx_file([["Gemeente", 2021, 2022, 2023], ["Temse", 11.5, "n.b.", 12.3], ["Vlaams Gewest", 15, 15.2, 15.6]])
    batch, preview = upload(reviewer, kansarmoede, file)
    assert batch.layout == "breed"
    assert "5 nieuwe waarden" in preview.text
    client_for(reviewer).post(f"/cijfers/importeren/{batch.pk}/bevestigen/")
    assert values(kansarmoede)[("Temse", 2021)] == Decimal("11.5")
    assert ("Temse", 2022) not in values(kansarmoede)


def test_a_file_with_problems_shows_all_of_them_and_imports_nothing(
    upload, reviewer, kansarmoede, netwerk_a, client_for
):
    file = csv_file(
        "Gemeente;Jaar;Waarde\n"
        "Sint-Nicolaas;2023;18,4\n"  # 2: unknown municipality
        "Temse;2023;twaalf\n"  # 3: not a number
        "Temse;1850;12,1\n"  # 4: year out of range
        "Lokeren;2023;10,5\n"
        "lokeren;2023;10,6\n"  # 6: duplicate
        "Vlaams Gewest;2023;15,6\n"
    )
    batch, preview = upload(reviewer, kansarmoede, file)
    assert "Het bestand heeft 4 problemen. Er wordt niets geïmporteerd." in preview.text
    for row, message in [
        (2, "‘Sint-Nicolaas’ is geen gekende Vlaamse gemeente of district."),
        (3, "‘twaalf’ is geen getal."),
        (4, "Het jaar 1850 valt buiten 1990–"),
        (6, "Lokeren, 2023 staat al in rij 5."),
    ]:
        assert f'<th scope="row">{row}</th><td>{message}' in preview.text
    assert "Deze cijfers importeren" not in preview.text

    response = client_for(reviewer).post(f"/cijfers/importeren/{batch.pk}/bevestigen/", follow=True)
    assert "Het bestand heeft nog problemen, dus er is niets geïmporteerd." in response.text
    assert not IndicatorValue.objects.exists()
    assert ImportBatch.objects.get(pk=batch.pk).status == ImportBatch.Status.MAPPED


def test_importing_the_same_file_twice_changes_nothing_the_second_time(
    upload, reviewer, kansarmoede, netwerk_a, client_for
):
    first, _preview = upload(reviewer, kansarmoede, csv_with_names())
    client_for(reviewer).post(f"/cijfers/importeren/{first.pk}/bevestigen/")
    before = values(kansarmoede)

    second, preview = upload(reviewer, kansarmoede, csv_with_names())
    assert "Er zou niets veranderen: alle cijfers uit het bestand staan er al." in preview.text
    assert "Dit bestand werd al geïmporteerd op" in preview.text
    response = client_for(reviewer).post(f"/cijfers/importeren/{second.pk}/bevestigen/", follow=True)
    assert "Er is niets veranderd: alle 4 waarden uit het bestand stonden er al." in response.text
    assert values(kansarmoede) == before
    assert not ImportChange.objects.filter(batch=second).exists()
    assert set(IndicatorValue.objects.values_list("batch", flat=True)) == {first.pk}


def test_undo_restores_the_previous_values_exactly(upload, reviewer, kansarmoede, netwerk_a, client_for):
    client = client_for(reviewer)
    first, _ = upload(reviewer, kansarmoede, csv_file("Gemeente;Jaar;Waarde\nTemse;2023;12,3\n"))
    client.post(f"/cijfers/importeren/{first.pk}/bevestigen/")
    second, preview = upload(
        reviewer, kansarmoede, csv_file("Gemeente;Jaar;Waarde\nTemse;2023;13\nTemse;2022;11\n")
    )
    assert "1 waarde verandert" in preview.text
    client.post(f"/cijfers/importeren/{second.pk}/bevestigen/")
    assert values(kansarmoede) == {("Temse", 2023): Decimal("13"), ("Temse", 2022): Decimal("11")}

    # The first import cannot be undone while a later one changed the same figure.
    response = client.post(f"/cijfers/importeren/{first.pk}/ongedaan-maken/", follow=True)
    assert "Een latere import wijzigde dezelfde cijfers. Maak die eerst ongedaan" in response.text
    assert values(kansarmoede)[("Temse", 2023)] == Decimal("13")

    confirm = client.get(f"/cijfers/importeren/{second.pk}/ongedaan-maken/")
    assert "Deze import ongedaan maken?" in confirm.text
    response = client.post(f"/cijfers/importeren/{second.pk}/ongedaan-maken/", follow=True)
    assert "De import is ongedaan gemaakt: de vorige cijfers staan er weer." in response.text
    assert values(kansarmoede) == {("Temse", 2023): Decimal("12.3")}
    assert IndicatorValue.objects.get().batch_id == first.pk

    client.post(f"/cijfers/importeren/{first.pk}/ongedaan-maken/")
    assert not IndicatorValue.objects.exists()
    response = client.post(f"/cijfers/importeren/{first.pk}/ongedaan-maken/", follow=True)
    assert "Alleen een uitgevoerde import kan ongedaan gemaakt worden." in response.text


def test_coordinator_imports_only_the_own_municipalities(
    upload, coordinator_a, netwerk_b, kansarmoede, client_for
):
    IndicatorValueFactory(indicator=kansarmoede, gemeente=None, year=2023, value=Decimal("15.0"))
    file = csv_file(
        "Gemeente;Jaar;Waarde\nTemse;2023;12,3\nRiemst;2023;8\nVlaams Gewest;2023;15,6\nVlaams Gewest;2022;15,1\n"
    )
    batch, preview = upload(coordinator_a, kansarmoede, file)
    assert "Niet in een netwerk dat u coördineert" in preview.text
    # The Flemish reference is compared with every network's municipalities: staff set it.
    assert "Alleen medewerkers van publiq kunnen de Vlaamse referentie instellen" in preview.text
    assert "1 nieuwe waarde" in preview.text
    client_for(coordinator_a).post(f"/cijfers/importeren/{batch.pk}/bevestigen/")
    assert values(kansarmoede) == {("Temse", 2023): Decimal("12.3"), ("Vlaanderen", 2023): Decimal("15.0")}


def test_preview_shows_which_other_networks_use_a_changed_value(
    upload, coordinator_a, netwerk_b, kansarmoede
):
    DeelnemendeGemeenteFactory(netwerk=netwerk_b, gemeente=gemeente("Temse"))
    IndicatorValueFactory(indicator=kansarmoede, gemeente=gemeente("Temse"), year=2023, value=Decimal("11"))
    _batch, preview = upload(coordinator_a, kansarmoede, csv_file("Gemeente;Jaar;Waarde\nTemse;2023;12,3\n"))
    assert "Ook gebruikt door" in preview.text
    assert "Netwerk Haspengouw" in preview.text
    assert "11,0\u00a0%" in preview.text and "12,3\u00a0%" in preview.text


def test_someone_without_import_rights_gets_403(partner_client, outsider_client, kansarmoede):
    assert partner_client.get("/cijfers/importeren/").status_code == 403
    # A coordinator of another network may import, but not see someone else's import.
    assert outsider_client.get("/cijfers/importeren/").status_code == 200


def test_bad_input_is_explained_where_the_user_is(coordinator_client, upload, coordinator_a, kansarmoede):
    response = coordinator_client.post("/cijfers/importeren/", {"indicator": kansarmoede.pk})
    assert "Dit veld is verplicht." in response.text
    response = coordinator_client.post(
        "/cijfers/importeren/", {"indicator": kansarmoede.pk, "file": csv_file("  \n", name="leeg.csv")}
    )
    assert "Het bestand is leeg." in response.text

    coordinator_client.post(
        "/cijfers/importeren/",
        {"indicator": kansarmoede.pk, "file": csv_file("Gemeente;Jaar;Waarde\nTemse;2023;12,3\n")},
    )
    batch = ImportBatch.objects.latest("pk")
    response = coordinator_client.post(
        f"/cijfers/importeren/{batch.pk}/kolommen/",
        {"header_line": 1, "layout": "lang", "gemeente_column": 0, "match_by": "naam",
         "year_column": "", "fixed_year": "", "value_column": 0},
    )
    assert "Het cijfer kan niet in de kolom van de gemeente staan." in response.text
    assert "Kies de kolom met het jaar, of geef het jaar op." in response.text
    response = coordinator_client.post(
        f"/cijfers/importeren/{batch.pk}/kolommen/",
        {"header_line": 1, "layout": "breed", "gemeente_column": 0, "match_by": "naam"},
    )
    assert "Geen enkele kolomnaam op de gekozen regel is een jaar" in response.text


def test_a_fixed_year_for_files_without_a_year_column(upload, coordinator_a, kansarmoede, client_for):
    file = csv_file("Gemeente;Waarde\nTemse;12,3\n")
    batch, preview = upload(coordinator_a, kansarmoede, file, year_column="", fixed_year=2023, value_column=1)
    assert "1 nieuwe waarde" in preview.text
    client_for(coordinator_a).post(f"/cijfers/importeren/{batch.pk}/bevestigen/")
    assert values(kansarmoede) == {("Temse", 2023): Decimal("12.3")}


def test_cancel_keeps_nothing(upload, coordinator_a, kansarmoede, client_for):
    batch, _preview = upload(coordinator_a, kansarmoede, csv_file("Gemeente;Jaar;Waarde\nTemse;2023;1\n"))
    response = client_for(coordinator_a).post(f"/cijfers/importeren/{batch.pk}/annuleren/", follow=True)
    assert "De import is geannuleerd; er is niets veranderd." in response.text
    batch.refresh_from_db()
    assert batch.status == ImportBatch.Status.CANCELLED and batch.rows == []
    response = client_for(coordinator_a).post(f"/cijfers/importeren/{batch.pk}/bevestigen/", follow=True)
    assert "Deze import is al uitgevoerd of geannuleerd." in response.text
    assert not IndicatorValue.objects.exists()


@pytest.mark.parametrize("size", [5, 60])
def test_preview_query_count_does_not_grow_with_the_file(
    size, upload, reviewer, kansarmoede, client_for, django_assert_max_num_queries
):
    from netwerken.fusies import fusie_by_code
    from netwerken.models import Gemeente

    # Merged municipalities whose name survived mean the old one before 2025: see test_mergers.
    gemeenten = Gemeente.objects.filter(kind="gemeente").exclude(nis_code__in=fusie_by_code())
    names = list(gemeenten.order_by("name").values_list("name", flat=True)[:size])
    lines = "".join(f"{name};{year};{n % 30},5\n" for n, name in enumerate(names) for year in (2021, 2022, 2023))
    batch, _preview = upload(reviewer, kansarmoede, csv_file("Gemeente;Jaar;Waarde\n" + lines))
    client = client_for(reviewer)
    with django_assert_max_num_queries(8):
        response = client.get(f"/cijfers/importeren/{batch.pk}/")
    assert f"{size * 3} nieuwe waarden" in response.text
