"""The figures page renders its figures once per revision of the dossier
(dossiers/fragments.py): an import, an import that changes figures in place, undoing it, the
Flemish reference and publiq's edit of an indicator all show on the very next page."""

import re

from dossiers.models import GekozenIndicator
from tests.analyses.conftest import csv_file


def table(client, nota, indicator):
    """{row label: [numbers, without their unit]} of the indicator's table on the figures page."""
    text = client.get(f"/dossiers/{nota.pk}/omgevingsanalyse/cijfers/").text
    section = re.search(rf'id="indicator-{indicator.code}".*?</section>', text, re.S).group(0)
    rows = re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', section, re.S)
    return {
        label: [c.split("\xa0")[0] for c in re.findall(r'<td class="text-end">([^<]*)</td>', cells)]
        for label, cells in rows
    }


def test_imports_and_their_undo_show_at_once(
    upload, reviewer, kansarmoede, nota_a, coordinator_client, client_for
):
    GekozenIndicator.objects.create(nota=nota_a, indicator=kansarmoede)
    assert "Temse" not in table(coordinator_client, nota_a, kansarmoede)
    importer = client_for(reviewer)

    first, _ = upload(reviewer, kansarmoede, csv_file("Gemeente;Jaar;Waarde\nTemse;2023;12,3\n"))
    importer.post(f"/cijfers/importeren/{first.pk}/bevestigen/")
    assert "12,3" in table(coordinator_client, nota_a, kansarmoede)["Temse"]

    # The same figure changed in place: no new row, the same number of values.
    second, _ = upload(reviewer, kansarmoede, csv_file("Gemeente;Jaar;Waarde\nTemse;2023;13\n"))
    importer.post(f"/cijfers/importeren/{second.pk}/bevestigen/")
    cells = table(coordinator_client, nota_a, kansarmoede)["Temse"]
    assert cells == ["13,0"]

    importer.post(f"/cijfers/importeren/{second.pk}/ongedaan-maken/")
    assert "12,3" in table(coordinator_client, nota_a, kansarmoede)["Temse"]


def test_the_flemish_reference_shows_at_once(
    upload, reviewer, kansarmoede, nota_a, coordinator_client, client_for
):
    GekozenIndicator.objects.create(nota=nota_a, indicator=kansarmoede)
    before = table(coordinator_client, nota_a, kansarmoede)
    assert not any("15,6" in cells for cells in before.values())

    flemish = csv_file("Gemeente;Jaar;Waarde\nVlaams Gewest;2023;15,6\n")
    batch, _ = upload(reviewer, kansarmoede, flemish)
    client_for(reviewer).post(f"/cijfers/importeren/{batch.pk}/bevestigen/")
    after = table(coordinator_client, nota_a, kansarmoede)
    assert any("15,6" in cells for cells in after.values())


def test_publiqs_edit_of_an_indicator_shows_at_once(kansarmoede, nota_a, coordinator_client):
    GekozenIndicator.objects.create(nota=nota_a, indicator=kansarmoede)
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/omgevingsanalyse/cijfers/").text
    assert "de nieuwe uitgever" not in page
    kansarmoede.publisher = "de nieuwe uitgever"
    kansarmoede.source_url = ""
    kansarmoede.save()
    page = coordinator_client.get(f"/dossiers/{nota_a.pk}/omgevingsanalyse/cijfers/").text
    assert "de nieuwe uitgever" in page
