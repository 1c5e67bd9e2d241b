"""One module per CLI command. Keep module-level imports light (typer, pathlib, typing only)."""
