"""The report site in a real browser (Debian chromium), opened from disk with the network blocked."""

from __future__ import annotations

from pathlib import Path

import pytest

from jaarcijfers.render.press import write_press
from jaarcijfers.render.site import write_site

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed (make test installs it)"),
]


def test_site_offline_in_chromium(reference_edition, tmp_path):
    from playwright.sync_api import sync_playwright

    write_site(reference_edition, tmp_path)
    write_press(reference_edition, tmp_path)
    ARTIFACTS.mkdir(exist_ok=True)
    attempted: list[str] = []
    errors: list[str] = []

    def block(route):  # type: ignore[no-untyped-def]
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.route("**/*", block)
            page.on("pageerror", lambda exc: errors.append(str(exc)))
            page.goto((tmp_path / "index.html").as_uri())
            assert page.evaluate("document.documentElement.lang") == "nl"
            figures = page.locator("figure.figuur")
            assert figures.count() == len(reference_edition.figures)
            for fig in reference_edition.figures:
                el = page.locator(f"#figuur-{fig.id.lower()}")
                assert el.locator("svg, canvas").count() >= 1, fig.id
                box = el.locator(".grafiek svg").first.bounding_box()
                assert box is not None and box["width"] > 200 and box["height"] > 80, fig.id
                assert el.locator(".grafiek svg [role='graphics-symbol']").count() > 0, fig.id  # marks drawn
                assert el.locator("table caption").count() == len(fig.blocks), fig.id
                assert el.locator("table th[scope='row']").count() > 0, fig.id
            # the table of contents links to every chapter
            for target in ("introductie", "hoofdstuk-1", "hoofdstuk-2", "hoofdstuk-3", "hoofdstuk-4"):
                assert page.locator(f"nav a[href='#{target}']").count() == 1
                assert page.locator(f"#{target}").count() == 1
            # hovering a bar shows its published value
            mark = page.locator("#figuur-1 .grafiek [role='graphics-symbol'][aria-roledescription='point']").first
            mark.hover()
            tip = page.locator("#tip")
            assert tip.is_visible() and "Geregistreerde slachtoffers" in tip.inner_text()
            page.mouse.move(0, 0)
            page.screenshot(path=str(ARTIFACTS / "site-top.png"))
            for fid in ("1", "6", "20"):
                page.locator(f"#figuur-{fid}").screenshot(path=str(ARTIFACTS / f"site-figuur-{fid}.png"))
            page.screenshot(path=str(ARTIFACTS / "site-full.png"), full_page=True)
            page.emulate_media(media="print")
            page.locator("#figuur-12").screenshot(path=str(ARTIFACTS / "site-print-figuur-12.png"))
            page.emulate_media(media="screen")
            page.goto((tmp_path / "persbericht.html").as_uri())
            page.screenshot(path=str(ARTIFACTS / "persbericht.png"), full_page=True)
        finally:
            browser.close()
    assert attempted == [], f"network requests attempted: {attempted}"
    assert errors == []
