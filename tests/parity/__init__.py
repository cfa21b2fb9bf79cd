"""Parity with the admin: the same write through Wagtail's admin views and through GraphQL.

``harness.assert_parity(Write(...), errors)`` posts the admin's own create/edit view with
Django's test client (logged in as the user) and runs the GraphQL mutation with the same
data as the same user, each from the same database state, and compares: for invalid
data, the set of fields with errors; for valid data, the stored values, the revisions,
the audit-log entries in order and the signals sent in order.

Model-agnostic, so both the example site's suite and the ``wagtail.test.testapp`` suite
use it; a scenario gives its values in the shape Wagtail stores them (``convert``).
"""
