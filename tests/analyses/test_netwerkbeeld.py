from analyses.netwerkbeeld import netwerkbeeld
from tests.factories import PartnerFactory, gemeente


def url(nota):
    return f"/dossiers/{nota.pk}/omgevingsanalyse/netwerkbeeld/"


def test_blind_spots_are_shown_in_words_and_in_the_picture(partner_client, nota_a, netwerk_a):
    PartnerFactory(netwerk=netwerk_a, name="Cultuurdienst Temse", kind="cultuurdienst", gemeente=gemeente("Temse"))
    page = partner_client.get(url(nota_a)).text
    assert "Blinde vlekken" in page
    assert "werkt voor: Sint-Niklaas, Temse." in page
    assert "Nog geen partner van deze soorten:" in page and "bibliotheek" in page
    assert 'role="img"' in page and "De partners van het netwerk per soort en per gemeente" in page
    assert "style=" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]
    assert "<strong>Cultuurdienst:</strong> Cultuurdienst Temse" in page


def test_a_local_poverty_organisation_closes_the_blind_spot(nota_a, netwerk_a, partner_org_a):
    PartnerFactory(netwerk=netwerk_a, name="De Klink", kind="vereniging_armen", gemeente=gemeente("Temse"))
    picture = netwerkbeeld(list(netwerk_a.deelnemende_gemeenten.select_related("gemeente")), list(netwerk_a.partners.all()))
    assert picture.without_poverty == ["Sint-Niklaas"]
    assert "Sint-Niklaas ×" in picture.svg and "Temse ×" not in picture.svg


def test_a_regional_poverty_organisation_softens_it(partner_client, nota_a, netwerk_a):
    PartnerFactory(netwerk=netwerk_a, name="De Keeting", kind="vereniging_armen", gemeente=None)
    page = partner_client.get(url(nota_a)).text
    assert "De Keeting werkt voor het hele werkingsgebied, maar geen armoedeorganisatie werkt lokaal in: Sint-Niklaas, Temse." in page
    assert "Sint-Niklaas ×" not in page


def test_a_municipality_without_any_partner_is_a_blind_spot(partner_client, nota_a, netwerk_a):
    PartnerFactory(netwerk=netwerk_a, name="Cultuurdienst Temse", kind="cultuurdienst", gemeente=gemeente("Temse"))
    page = partner_client.get(url(nota_a)).text
    assert "Nog geen enkele partner werkt voor: Sint-Niklaas." in page
