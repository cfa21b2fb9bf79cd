"""Wagtail's test-app URLs plus the GraphQL endpoint, before the pages' catch-all."""

from django.urls import include, path
from wagtail.test.urls import urlpatterns as wagtail_test_urlpatterns

urlpatterns = [
    path("graphql/", include("wagtail_graphql_write.urls")),
    *wagtail_test_urlpatterns,
]
