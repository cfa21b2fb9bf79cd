"""The example site's home page app."""
