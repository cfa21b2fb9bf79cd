"""``path("graphql/", include("wagtail_graphql_write.urls"))``."""

from django.urls import path

from wagtail_graphql_write.http.views import graphql_view

app_name = "wagtail_graphql_write"

urlpatterns = [path("", graphql_view, name="graphql")]
