"""publiq's view of a whole round: every network's dossier, the coverage of Flanders, and their
exports. Only for publiq staff and administrators (OVERSEE); everyone else gets 404."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from .access import ronde_for
from .comparison import round_comparison
from .coverage import round_coverage
from .models import Indienronde
from .overview import SORT_KEYS, build_overview, filter_choices
from .ronde_export import (
    comparison_table,
    coverage_table,
    missing_partners_table,
    overview_table,
    to_csv,
    to_xlsx,
)

PER_PAGE = 25


def _filters(request) -> dict:
    sort = request.GET.get("sort", "netwerk")
    return {
        "status": request.GET.get("status", ""),
        "reviewer": request.GET.get("reviewer", ""),
        "regio": request.GET.get("regio", ""),
        "sort": sort if sort.lstrip("-") in SORT_KEYS else "netwerk",
    }


@login_required
@require_GET
def overview(request, pk=None):
    ronde, _access = ronde_for(request.user, pk)
    filters = _filters(request)
    result = build_overview(ronde, **filters)
    page = Paginator(result.rows, PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "ronde": ronde,
        "rondes": Indienronde.objects.order_by("deadline"),
        "overview": result,
        "page": page,
        "filters": filters,
        "filtered": any(filters[k] for k in ("status", "reviewer", "regio")),
        "choices": filter_choices(),
    }
    return render(request, "dossiers/ronde/overview.html", context)


@login_required
@require_GET
def coverage(request, pk):
    ronde, _access = ronde_for(request.user, pk)
    context = {"ronde": ronde, "coverage": round_coverage(ronde), "rondes": Indienronde.objects.order_by("deadline")}
    return render(request, "dossiers/ronde/coverage.html", context)


@login_required
@require_GET
def comparison(request, pk):
    ronde, _access = ronde_for(request.user, pk)
    context = {"ronde": ronde, "comparison": round_comparison(ronde), "rondes": Indienronde.objects.order_by("deadline")}
    return render(request, "dossiers/ronde/comparison.html", context)


TABLES = {
    "overzicht": lambda ronde, request: overview_table(build_overview(ronde, **_filters(request))),
    "dekking": lambda ronde, request: coverage_table(round_coverage(ronde)),
    "partners": lambda ronde, request: missing_partners_table(round_coverage(ronde)),
    "vergelijking": lambda ronde, request: comparison_table(round_comparison(ronde)),
}
FORMATS = {
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", to_xlsx),
    "csv": ("text/csv; charset=utf-8", to_csv),
}


@login_required
@require_GET
def export(request, pk, kind, fmt):
    ronde, _access = ronde_for(request.user, pk)
    if kind not in TABLES or fmt not in FORMATS:
        raise Http404
    content_type, write = FORMATS[fmt]
    table = TABLES[kind](ronde, request)
    response = HttpResponse(write(table), content_type=content_type)
    name = f"{kind}-{slugify(ronde.name)}-{timezone.localdate():%Y-%m-%d}.{fmt}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
