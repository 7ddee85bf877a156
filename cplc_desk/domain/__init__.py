"""Plain-Python domain: records, enums, validation, identifiers, normalisation (stdlib only)."""
