"""The input contract: schema, code lists, readers, validation and the report."""
