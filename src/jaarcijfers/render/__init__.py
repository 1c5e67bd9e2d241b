"""Renderers: each turns a published `Edition` into one output. A renderer never queries the warehouse."""

from __future__ import annotations

from pathlib import Path

from jaarcijfers.figures.model import Edition


def render_all(edition: Edition, out: Path) -> list[str]:
    """Write every output of the publication into `out`; returns the file names written."""
    from jaarcijfers.render.opendata import write_open_data
    from jaarcijfers.render.pdf import render_pdf
    from jaarcijfers.render.press import write_press
    from jaarcijfers.render.site import write_site
    from jaarcijfers.render.workbook import render_workbook

    return (
        write_open_data(edition, out)
        + render_workbook(edition, out)
        + render_pdf(edition, out)
        + write_site(edition, out)
        + write_press(edition, out)
    )
