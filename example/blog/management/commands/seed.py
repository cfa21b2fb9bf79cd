"""``manage.py seed``: load idempotent demo content, users and fresh API tokens.

Safe to run repeatedly: existing content is found and kept, only the API tokens
are replaced (their raw keys cannot be recovered, so new ones are printed and
written to ``example/.tokens.json`` for scripts and tests). A re-run says so: which
earlier tokens stopped working (a client still sending one is anonymous, not refused),
and how to start from a new database, whose ids the docs' examples assume.
"""

import json
import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from blog.seeding import accounts, seed_site

# example/.tokens.json (commands -> management -> blog -> example)
TOKENS_FILE = Path(__file__).resolve().parents[3] / ".tokens.json"
DEFAULT_DATABASE = TOKENS_FILE.parent / "db.sqlite3"  # example_site.settings without DATABASE_URL


FIRST_QUERY = """\
mutation {
  createBlogPage(
    parent: "/blog/"
    input: { title: "My first GraphQL post", intro: { html: "<p>Hello from GraphQL</p>" } }
  ) {
    page { id title live url }
    errors { __typename message path }
  }
}"""


class Command(BaseCommand):
    help = "Create the example site's demo pages, snippets, users and API tokens."

    def handle(self, *args, **options):
        seeded = seed_site()
        self._write_tokens(seeded.tokens)
        self._report([seeded.home, seeded.index, *seeded.posts], seeded.tokens)
        if seeded.reseeded:
            self._report_reseed(seeded.replaced_tokens)

    def _write_tokens(self, tokens):
        # Owner-only permissions: the file holds live credentials.
        fd = os.open(TOKENS_FILE, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            json.dump(tokens, fh, indent=2)
            fh.write("\n")

    def _report(self, page_list, tokens):
        base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        out = self.stdout
        out.write(self.style.SUCCESS("Seeded the example site."))
        out.write("\nPages:")
        for page in page_list:
            state = "live" if page.live else "draft"
            out.write(f"  id={page.pk:<3} {state:<5} {page.get_url():<40} {page.title}")
        out.write(f"\nUsers (password {accounts.PASSWORD!r}): {', '.join(tokens)}")
        out.write("\nAPI tokens (send as  Authorization: Bearer <token>):")
        for username, token in tokens.items():
            out.write(f"  {username:<11} {token}")
        out.write(f"\n(also written to {TOKENS_FILE})")
        out.write(f"\nGraphQL endpoint: {base}/graphql/")
        out.write(f"Wagtail admin:    {base}/admin/")
        out.write("\nOpen GraphiQL, add the header (Headers tab)")
        out.write(f'  {{"Authorization": "Bearer {tokens["editor"]}"}}')
        out.write("and paste this first query:\n")
        out.write(FIRST_QUERY)

    def _report_reseed(self, replaced):
        out = self.stdout
        out.write("")
        if replaced:
            out.write(
                self.style.WARNING(
                    f"Replaced the earlier API tokens of {', '.join(replaced)}: requests "
                    "that still send an old token are anonymous now. Use the tokens above."
                )
            )
        out.write(
            self.style.WARNING(
                "This database was seeded before: its content is kept, so pages you make "
                "now get later ids than the docs' examples show."
            )
        )
        out.write(f"To start fresh: {fresh_start_hint()}")


def fresh_start_hint(database=None):
    """How to get a new database, for ``database`` (default: the one this site uses)."""
    database = database or settings.DATABASES["default"]
    if not database["ENGINE"].endswith("sqlite3"):
        return (
            f"drop and re-create the database {database['NAME']!r}, then run "
            "`manage.py migrate` and `manage.py seed` again."
        )
    path = Path(database["NAME"])
    if path == DEFAULT_DATABASE:
        return "make demo-fresh   (deletes example/db.sqlite3, then migrates, seeds and serves)"
    return f"delete {path}, then run `manage.py migrate` and `manage.py seed` again."
