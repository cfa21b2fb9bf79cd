"""``manage.py seed``: load idempotent demo content, users and fresh API tokens.

Safe to run repeatedly: existing content is found and kept, only the API tokens
are replaced (their raw keys cannot be recovered, so new ones are printed and
written to ``example/.tokens.json`` for scripts and tests).
"""

import json
import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from blog.seeding import accounts, seed_site

# example/.tokens.json (commands -> management -> blog -> example)
TOKENS_FILE = Path(__file__).resolve().parents[3] / ".tokens.json"


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
