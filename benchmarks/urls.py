"""The example site's URLs with Wagtail's v3 REST API at ``/api/v3/``."""

from django.urls import path
from wagtail.api.v3.urls import api as v3_api

from example_site.urls import urlpatterns as site_urlpatterns

urlpatterns = [path("api/v3/", v3_api.urls), *site_urlpatterns]
