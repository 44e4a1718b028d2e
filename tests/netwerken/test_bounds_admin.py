"""The admin holds the bounds of netwerken/bounds.py with the same Dutch messages."""

from netwerken.models import Partner


def partner(netwerk, **extra):
    return {
        "netwerk": netwerk.pk, "name": "OCMW Temse", "kind": "ocmw", "level": "uitvoerend",
        "involvement": "", "future_involvement": "", **extra,
    }


def test_the_admin_refuses_a_name_past_its_limit_and_takes_one_at_it(admin_user, client_for, netwerk_a):
    client = client_for(admin_user)
    url = "/beheer/netwerken/partner/add/"
    response = client.post(url, partner(netwerk_a, name="n" * 201, involvement="i" * 5001))
    assert response.status_code == 200
    assert "Maximaal 200 tekens (u typte 201)." in response.text
    assert "Maximaal 5.000 tekens (u typte 5.001)." in response.text
    assert not Partner.objects.filter(name__startswith="nnn").exists()
    response = client.post(url, partner(netwerk_a, name="n" * 200, involvement="i" * 5000))
    assert response.status_code == 302
    assert Partner.objects.filter(name="n" * 200).exists()


def test_a_round_in_the_admin_lasts_at_most_twelve_years(admin_user, client_for):
    client = client_for(admin_user)
    data = {
        "name": "Ronde 2040", "deadline_0": "2039-04-01", "deadline_1": "23:59:00",
        "first_year": "2040", "last_year": "2060", "min_action_years": "2", "min_indicators": "3",
        "required_partners-TOTAL_FORMS": "0", "required_partners-INITIAL_FORMS": "0",
    }
    response = client.post("/beheer/dossiers/indienronde/add/", data)
    assert response.status_code == 200
    assert "Een subsidieperiode duurt hoogstens 12 jaar." in response.text
    response = client.post("/beheer/dossiers/indienronde/add/", data | {"last_year": "2051"})
    assert response.status_code == 302
