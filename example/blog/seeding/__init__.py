"""Idempotent demo data for the example site, used by ``manage.py seed``.

Each module creates one kind of data and looks up what already exists first,
so running the seed twice neither fails nor duplicates anything.
"""
