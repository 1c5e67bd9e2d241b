"""The figure catalogue (every figure declared once), the engine that computes it, and the data model."""
