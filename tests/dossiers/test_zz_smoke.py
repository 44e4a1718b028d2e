from dossiers.jaarrapport import build_document
from dossiers.pdf import render_pdf
from dossiers.services_jaarrapport import jaarrapport_of
from tests.dossiers.jaarrapport_data import started_year, fill_in, scan
from dossiers.models import Reflectiemoment, Bijsturing

def test_pdf(nota_a, coordinator_a, partner_org_a):
    jaar = fill_in(started_year(nota_a, coordinator_a, partner_org_a, actions=3))
    scan(nota_a.netwerk, coordinator_a)
    Reflectiemoment.objects.create(werkjaar=jaar, held_on="2027-06-01", participants="Stuurgroep", people_in_poverty=True, lessons="Meer vervoer", decisions="Busje huren")
    Bijsturing.objects.create(werkjaar=jaar, from_year=2028, description="Meer budget voor vervoer")
    pdf, pages, *_ = render_pdf(build_document(jaarrapport_of(jaar)), draft=True)
    open("/tmp/jr.pdf", "wb").write(pdf)
