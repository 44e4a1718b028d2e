"""`manage.py verify_versions`: every submitted version still matches its SHA-256."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from dossiers.models import DossierVersion
from dossiers.services import dossier_freeze


@pytest.fixture
def versions(nota_a, coordinator_a):
    return [dossier_freeze(nota=nota_a, user=coordinator_a) for _ in range(2)]


def _run(**options):
    out, err = StringIO(), StringIO()
    call_command("verify_versions", stdout=out, stderr=err, **options)
    return out.getvalue(), err.getvalue()


def test_intact_versions_pass_in_silence(versions):
    assert _run() == ("", "")
    out, _err = _run(verbosity=2)
    assert out.strip() == "Alle 2 ingediende versies kloppen met hun SHA-256."


def test_a_tampered_snapshot_is_reported_and_fails(versions):
    tampered = versions[0]
    snapshot = tampered.snapshot
    snapshot["netwerk"]["name"] = "Een ander netwerk"
    DossierVersion.objects.filter(pk=tampered.pk).update(snapshot=snapshot)
    err = StringIO()
    with pytest.raises(
        CommandError, match="1 van de 2 ingediende versies kloppen niet met hun SHA-256."
    ):
        call_command("verify_versions", stdout=StringIO(), stderr=err)
    lines = err.getvalue().strip().splitlines()
    assert len(lines) == 1
    assert (
        f"Dossier {tampered.nota_id} (Netwerk Waasland, 2027-2032), versie {tampered.number}:"
        in lines[0]
    )
    assert f"bewaard {tampered.sha256}" in lines[0]
