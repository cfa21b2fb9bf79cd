"""GraphQL input -> the admin form data Wagtail validates: values, rich text, streams, forms."""
