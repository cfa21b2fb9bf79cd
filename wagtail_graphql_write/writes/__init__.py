"""Mutation resolvers: each ends in a Wagtail action, inside one atomic block."""
