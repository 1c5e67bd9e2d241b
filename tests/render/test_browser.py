"""The report site in a real browser (Debian chromium), opened from disk with the network blocked."""

from __future__ import annotations

from pathlib import Path

import pytest

from jaarcijfers.render.press import write_press
from jaarcijfers.render.site import write_site

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(autouse=True)
def _chromium() -> None:
    """Without Debian's chromium the test fails (make test-slow installs it); it is never skipped."""
    assert CHROMIUM.exists(), "/usr/bin/chromium is not installed: run `make debs`"


def test_site_offline_in_chromium(reference_edition, tmp_path):
    from playwright.sync_api import expect, sync_playwright

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
            assert page.evaluate("typeof window.vegaEmbed") == "function"
            figures = page.locator("figure.figuur")
            assert figures.count() == len(reference_edition.figures)
            # every chart is drawn by vega-embed (the static SVG is then hidden)
            page.wait_for_function(
                "document.querySelectorAll('.grafiek.interactief').length === "
                "document.querySelectorAll('figure.figuur').length",
                timeout=30_000,
            )
            for fig in reference_edition.figures:
                el = page.locator(f"#figuur-{fig.id.lower()}")
                live = el.locator(".grafiek-interactief.vega-embed svg.marks")
                assert live.count() == 1, fig.id
                box = live.bounding_box()
                assert box is not None and box["width"] > 200 and box["height"] > 80, fig.id
                assert live.locator("[role='graphics-symbol']").count() > 0, fig.id  # marks drawn
                assert not el.locator(".grafiek-statisch").is_visible(), fig.id
                assert el.locator(".grafiek-statisch svg [role='graphics-symbol']").count() > 0, (
                    fig.id
                )  # fallback
                assert el.locator("table caption").count() == len(fig.blocks), fig.id
                assert el.locator("table th[scope='row']").count() > 0, fig.id
            # the table of contents links to every chapter
            for target in ("introductie", "hoofdstuk-1", "hoofdstuk-2", "hoofdstuk-3", "hoofdstuk-4"):
                assert page.locator(f"nav a[href='#{target}']").count() == 1
                assert page.locator(f"#{target}").count() == 1
            # hovering a point or bar shows its published value; a protected cell shows its symbol
            tip = page.locator("#vg-tooltip-element")
            page.locator("#figuur-1 .grafiek-interactief [aria-roledescription='point']").last.hover()
            expect(tip).to_be_visible()
            expect(tip).to_contain_text("Geregistreerde slachtoffers, 2024: ")
            page.locator(
                "#figuur-2 .grafiek-interactief [aria-roledescription='point'][aria-label*='<5']"
            ).first.hover()
            expect(tip).to_contain_text("Gedwongen orgaanverwijdering, 2020: <5")
            page.locator("#figuur-16 .grafiek-interactief [aria-roledescription='bar']").first.hover()
            expect(tip).to_contain_text("Seksuele uitbuiting, 2020: 177")
            page.mouse.move(0, 0)
            page.screenshot(path=str(ARTIFACTS / "site-top.png"))
            for fid in ("1", "6", "20"):
                page.locator(f"#figuur-{fid}").screenshot(path=str(ARTIFACTS / f"site-figuur-{fid}.png"))
            page.screenshot(path=str(ARTIFACTS / "site-full.png"), full_page=True)
            page.emulate_media(media="print")  # print shows the static SVG
            assert page.locator("#figuur-12 .grafiek-statisch").is_visible()
            assert not page.locator("#figuur-12 .grafiek-interactief").is_visible()
            page.locator("#figuur-12").screenshot(path=str(ARTIFACTS / "site-print-figuur-12.png"))
            page.emulate_media(media="screen")
            page.goto((tmp_path / "persbericht.html").as_uri())
            page.screenshot(path=str(ARTIFACTS / "persbericht.png"), full_page=True)
        finally:
            browser.close()
    assert attempted == [], f"network requests attempted: {attempted}"
    assert errors == []


def test_site_without_javascript_shows_the_static_charts(reference_edition, tmp_path):
    from playwright.sync_api import sync_playwright

    write_site(reference_edition, tmp_path)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.route(
                "**/*",
                lambda route: route.continue_() if route.request.url.startswith("file://") else route.abort(),
            )
            page.goto((tmp_path / "index.html").as_uri())
            for fig in reference_edition.figures:
                el = page.locator(f"#figuur-{fig.id.lower()}")
                static = el.locator(".grafiek-statisch svg")
                assert static.is_visible(), fig.id
                box = static.bounding_box()
                assert box is not None and box["width"] > 200 and box["height"] > 80, fig.id
                assert not el.locator(".grafiek-interactief").is_visible(), fig.id
            page.locator("#figuur-2").screenshot(path=str(ARTIFACTS / "site-zonder-js-figuur-2.png"))
        finally:
            browser.close()
