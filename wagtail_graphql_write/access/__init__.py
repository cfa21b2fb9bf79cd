"""Visibility and permission facts that reads, writes and generated fields share.

Sits below ``generation`` because generated field resolvers (a page chooser, a
foreign key to a page) must apply the same visibility rules as top-level queries.
"""
