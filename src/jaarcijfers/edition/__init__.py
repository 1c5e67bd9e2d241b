"""The published edition: its model (`model`), disclosure control applied once (`publish`) and its files
(`files`: the one reader and writer of figures.csv, facts.csv and metadata.json)."""
