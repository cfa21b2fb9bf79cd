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
from django.db import transaction

from blog.seeding import accounts, content, pages, workflows

# example/.tokens.json (commands -> management -> blog -> example)
TOKENS_FILE = Path(__file__).resolve().parents[3] / ".tokens.json"


class Command(BaseCommand):
    help = "Create the example site's demo pages, snippets, users and API tokens."

    def handle(self, *args, **options):
        with transaction.atomic():
            groups = accounts.ensure_groups()
            users = accounts.ensure_users(groups)
            workflows.ensure_workflow(groups["Moderators"])
            admin = users["admin"]
            image = content.ensure_image()
            categories = content.ensure_categories()
            people = content.ensure_people(admin, image)
            home = pages.ensure_home()
            index = pages.ensure_blog_index(home)
            posts = pages.ensure_posts(index, image, categories, people, admin)
            tokens = accounts.rotate_tokens(users)

        self._write_tokens(tokens)
        self._report([home, index, *posts], tokens)

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
