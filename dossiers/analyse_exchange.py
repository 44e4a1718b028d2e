"""The omgevingsanalyse in the dossier's JSON exchange format (dossiers/exchange.py).

The checker reads the part under `$.omgevingsanalyse` and reports every problem by its place;
the importer writes it into a new dossier. Indicator values are shared by all networks: an import
adds the values this installation lacks and never overwrites the ones it has. The drawn charts
and the ready-made tables in the document are derived data and are ignored.
"""

from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

from dossiers.vocab import Doelgroep, Drempel
from netwerken import bounds
from netwerken.numbers import format_count
from netwerken.models import Gemeente

from analyses.models import Indicator, IndicatorValue

from . import analyse_questions as questions
from .models import (
    Bevraging,
    Drempelbeschrijving,
    GekozenIndicator,
    Kansengroep,
    KwalitatieveAnalyse,
    SwotItem,
)


def _number(c, value, path):
    """A figure: a number or text with a decimal point, that fits the values' column."""
    try:
        number = None if isinstance(value, bool) else Decimal(str(value))
    except (InvalidOperation, ValueError):
        number = None
    if number is None or not number.is_finite():
        c.fail(path, _("“%(value)s” is not a number") % {"value": value})
        return None
    if abs(number) > bounds.FIGURE_MAX or number != number.quantize(Decimal(1).scaleb(-bounds.FIGURE_DECIMALS)):
        c.fail(path, _("a figure lies between -%(max)s and %(max)s with at most %(decimals)s decimals") % {
            "max": bounds.FIGURE_MAX, "decimals": bounds.FIGURE_DECIMALS})
        return None
    return number


def _years(c, mapping, path):
    for year, value in c.mapping(mapping, path).items():
        if not str(year).isdigit() or not bounds.YEAR_MIN <= int(year) <= bounds.YEAR_MAX:
            c.fail(f"{path}.{year}", _("“%(value)s” is not a year") % {"value": year})
        _number(c, value, f"{path}.{year}")


def _gemeenten(c, codes, path, nis_codes):
    for code in c.listing(codes, path):
        if code not in nis_codes:
            c.fail(path, _("not one of the participating municipalities"))


def validate_analyse(c, analyse, path, *, nis_codes):
    """Add every problem of the analysis part to the checker `c`. Reads, never writes."""
    if analyse is None:
        return
    analyse = c.mapping(analyse, path)
    known = set(Indicator.objects.values_list("code", flat=True))
    indicators = c.listing(analyse.get("indicators", []), f"{path}.indicators", bounds.ANALYSIS_INDICATORS)
    for i, ind in enumerate(indicators):
        here = f"{path}.indicators[{i}]"
        ind = c.mapping(ind, here)
        code = c.text(ind, "code", here, required=True, max_length=bounds.CODE)
        if code and code not in known:
            # An indicator this installation does not know is added from the document.
            c.text(ind, "name", here, required=True, max_length=bounds.NAME)
            c.text(ind, "publisher", here, required=True, max_length=bounds.NAME)
            c.text(ind, "unit", here, max_length=bounds.SHORT_TEXT)
            c.text(ind, "source_url", here, max_length=bounds.NAME)
        c.text(ind, "interpretation", here, max_length=bounds.TEXT)
        for nis_code, by_year in c.mapping(ind.get("values", {}), f"{here}.values").items():
            if nis_code not in nis_codes:
                c.fail(f"{here}.values.{nis_code}", _("not one of the participating municipalities"))
            _years(c, by_year, f"{here}.values.{nis_code}")
        _years(c, ind.get("reference", {}), f"{here}.reference")
    kinds = dict(questions.QUESTIONS)
    for i, part in enumerate(c.listing(analyse.get("kwalitatief", []), f"{path}.kwalitatief")):
        here = f"{path}.kwalitatief[{i}]"
        part = c.mapping(part, here)
        kind = c.choice(part, "kind", here, list(kinds), blank=False)
        keys = {key for key, _label in kinds.get(kind, [])}
        for key in c.mapping(part.get("answers", {}), f"{here}.answers"):
            if key not in keys:
                c.fail(f"{here}.answers.{key}", _("unknown question"))
            c.text(part["answers"], key, f"{here}.answers", max_length=bounds.TEXT)
    for i, item in enumerate(c.listing(analyse.get("swot", []), f"{path}.swot", bounds.ANALYSIS_ITEMS)):
        here = f"{path}.swot[{i}]"
        item = c.mapping(item, here)
        c.choice(item, "kind", here, SwotItem.Kind.values, blank=False)
        c.text(item, "text", here, required=True, max_length=bounds.TEXT)
        c.choice(item, "source", here, SwotItem.Source.values)
    for i, item in enumerate(c.listing(analyse.get("drempels", []), f"{path}.drempels", bounds.ANALYSIS_ITEMS)):
        here = f"{path}.drempels[{i}]"
        item = c.mapping(item, here)
        c.choice(item, "drempel", here, Drempel.values, blank=False)
        c.text(item, "description", here, required=True, max_length=bounds.TEXT)
        for value in c.listing(item.get("doelgroepen", []), f"{here}.doelgroepen"):
            if value not in Doelgroep.values:
                c.fail(f"{here}.doelgroepen", _("unknown target group “%(value)s”") % {"value": value})
        _gemeenten(c, item.get("gemeenten", []), f"{here}.gemeenten", nis_codes)
    kansengroepen = c.listing(analyse.get("kansengroepen", []), f"{path}.kansengroepen", bounds.ANALYSIS_ITEMS)
    for i, item in enumerate(kansengroepen):
        here = f"{path}.kansengroepen[{i}]"
        item = c.mapping(item, here)
        c.choice(item, "doelgroep", here, Doelgroep.values, blank=False)
        c.text(item, "name", here, max_length=bounds.NAME)
        c.text(item, "description", here, required=True, max_length=bounds.TEXT)
        _gemeenten(c, item.get("gemeenten", []), f"{here}.gemeenten", nis_codes)
    for i, item in enumerate(c.listing(analyse.get("bevragingen", []), f"{path}.bevragingen", bounds.ANALYSIS_ITEMS)):
        here = f"{path}.bevragingen[{i}]"
        item = c.mapping(item, here)
        c.choice(item, "method", here, Bevraging.Method.values, blank=False)
        c.text(item, "period", here, required=True, max_length=bounds.SHORT_TEXT)
        c.text(item, "description", here, max_length=bounds.TEXT)
        participants = item.get("participants")
        if not isinstance(participants, int) or isinstance(participants, bool) or participants < 1:
            c.fail(f"{here}.participants", _("expected a whole number of at least 1"))
        elif participants > bounds.PARTICIPANTS:
            c.fail(f"{here}.participants", _("at most %(limit)s people") % {"limit": format_count(bounds.PARTICIPANTS)})


def _indicator(ind) -> Indicator:
    indicator, _created = Indicator.objects.get_or_create(
        code=ind["code"],
        defaults={
            "name": ind["name"],
            "unit": ind.get("unit", ""),
            "publisher": ind["publisher"],
            "source_url": ind.get("source_url", ""),
            "higher_is_worse": bool(ind.get("higher_is_worse", True)),
            "definition": "",
        },
    )
    return indicator


def _missing_values(indicator, ind, gemeenten):
    """The values of the document this installation does not hold yet."""
    wanted = {
        (gemeenten[nis_code].pk, int(year)): Decimal(str(value))
        for nis_code, by_year in ind.get("values", {}).items()
        for year, value in by_year.items()
    }
    wanted.update({(None, int(year)): Decimal(str(value)) for year, value in ind.get("reference", {}).items()})
    have = set(
        IndicatorValue.objects.filter(indicator=indicator).values_list("gemeente_id", "year")
    )
    return [
        IndicatorValue(indicator=indicator, gemeente_id=gemeente_id, year=year, value=value)
        for (gemeente_id, year), value in wanted.items()
        if (gemeente_id, year) not in have
    ]


def import_analyse(nota, analyse):
    """Write a checked analysis part into the new dossier `nota` (inside its transaction)."""
    if not analyse:
        return
    codes = set()
    for kind in ("drempels", "kansengroepen"):
        for item in analyse.get(kind, []):
            codes.update(item.get("gemeenten", []))
    for ind in analyse.get("indicators", []):
        codes.update(ind.get("values", {}))
    gemeenten = Gemeente.objects.in_bulk(codes, field_name="nis_code")

    new_values = []
    for ind in analyse.get("indicators", []):
        indicator = _indicator(ind)
        GekozenIndicator.objects.create(nota=nota, indicator=indicator, interpretation=ind.get("interpretation", ""))
        new_values += _missing_values(indicator, ind, gemeenten)
    IndicatorValue.objects.bulk_create(new_values)

    for part in analyse.get("kwalitatief", []):
        if part.get("answers"):
            KwalitatieveAnalyse.objects.create(nota=nota, kind=part["kind"], answers=part["answers"])
    SwotItem.objects.bulk_create(
        SwotItem(nota=nota, kind=s["kind"], text=s["text"], source=s.get("source") or "")
        for s in analyse.get("swot", [])
    )
    for d in analyse.get("drempels", []):
        drempel = Drempelbeschrijving.objects.create(
            nota=nota, drempel=d["drempel"], description=d["description"], doelgroepen=d.get("doelgroepen", [])
        )
        drempel.gemeenten.set([gemeenten[code] for code in d.get("gemeenten", [])])
    for k in analyse.get("kansengroepen", []):
        groep = Kansengroep.objects.create(
            nota=nota, doelgroep=k["doelgroep"], name=k.get("name", ""), description=k["description"]
        )
        groep.gemeenten.set([gemeenten[code] for code in k.get("gemeenten", [])])
    Bevraging.objects.bulk_create(
        Bevraging(
            nota=nota,
            method=b["method"],
            period=b["period"],
            participants=b["participants"],
            description=b.get("description", ""),
        )
        for b in analyse.get("bevragingen", [])
    )
