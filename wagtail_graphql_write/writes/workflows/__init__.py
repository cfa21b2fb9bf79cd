"""Workflow transitions (``steps``) and their mutations (``mutations``)."""
