"""The site's URLs plus the benchmark's floor: the cheapest authenticated page there can be.

Only bench/run.py uses this URLconf; the site never serves the floor.
"""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import path
from django.views.decorators.http import require_GET

from config.urls import urlpatterns as site_urlpatterns


@login_required
@require_GET
def floor(request):
    """base.html with an empty content block: the same middleware, session, user, context
    processors and page chrome as every dossier page, and nothing of the dossier."""
    return render(request, "base.html")


urlpatterns = [path("bench/floor/", floor, name="bench_floor"), *site_urlpatterns]
