"""Failures: the exceptions writes raise, and the one table that turns them into errors."""
