"""The portal's URLs plus ``/bench/trivial/``: one query through the same middleware.

The yardstick of ``bench/load.py``: every page's throughput is reported as a ratio to it.
"""

from django.http import HttpResponse
from django.urls import path

from womenup.models import Program
from womenup.urls import urlpatterns as portal_urlpatterns


def trivial(request):
    return HttpResponse(f"{Program.objects.filter(is_active=True).count()}")


urlpatterns = [path("bench/trivial/", trivial), *portal_urlpatterns]
