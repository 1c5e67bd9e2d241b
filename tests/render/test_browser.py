"""The report site and the press summary in a real browser (Debian chromium), opened from disk with the
network blocked: drawn charts, tooltips, an accessibility audit, text sizes on a phone, screenshots.

The audit is axe-core (`tests/browser/node_modules/axe-core/axe.min.js`, installed from the npm registry at
the version of `tests/browser/package-lock.json` by `make test-slow`; nothing is fetched here), injected
into the page and run with the WCAG 2.1 A and AA rules on `index.html` and `persbericht.html`, at 1280 and
at 390 px wide, with and without JavaScript: no violation is allowed. axe needs JavaScript itself (its
checks wait on timers, which never fire in a page with JavaScript switched off), so "without JavaScript"
is audited on a copy of the page with its scripts removed: the same document and style sheet as a browser
without JavaScript shows. The charts' text is measured in a page with JavaScript switched off as well.

axe cannot compute the contrast of text inside an SVG; the test checks it itself: every chart text is
drawn in a colour of at least 4.5:1 on the charts' white background, at 12 px or more at either width.

The screenshots of every figure at 1280 and 390 px are saved under `test-artifacts/figuren/` for review.
These tests fail, never skip, without chromium or axe-core (`make test-slow` installs both).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from jaarcijfers.render import render_all

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
AXE = ROOT / "tests" / "browser" / "node_modules" / "axe-core" / "axe.min.js"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"
WIDTHS = (1280, 390)
WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = ("index.html", "persbericht.html")
ALL_DRAWN = (
    "document.querySelectorAll('.grafiek.interactief').length === "
    "document.querySelectorAll('figure.figuur').length"
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(autouse=True)
def _tools() -> None:
    """Without Debian's chromium or axe-core the test fails (make test-slow installs them); never skipped."""
    assert CHROMIUM.exists(), "/usr/bin/chromium is not installed: run `make debs`"
    assert AXE.exists(), f"{AXE} is missing: run `make test-slow` (npm ci in tests/browser)"


@pytest.fixture(scope="module")
def site(reference_edition, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """The whole publication of the reference edition, and a copy of each page without its scripts."""
    out = tmp_path_factory.mktemp("publicatie")
    render_all(reference_edition, out)
    for name in PAGES:
        text = (out / name).read_text(encoding="utf-8")
        stripped = re.sub(r"(?is)<script\b[^>]*>.*?</script\s*>", "", text)
        (out / f"zonder-js-{name}").write_text(stripped, encoding="utf-8")
    return out


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield b
        finally:
            b.close()


def offline(page, attempted: list[str]) -> None:  # type: ignore[no-untyped-def]
    def block(route):  # type: ignore[no-untyped-def]
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    page.route("**/*", block)


def axe_violations(page) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        WCAG,
    )
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]][:5],
            "count": len(v["nodes"]),
        }
        for v in result["violations"]
    ]


CHART_TEXT = """() => {
  const rgb = s => (s.match(/[\\d.]+/g) || []).slice(0, 3).map(Number);
  const lum = c => {
    const l = c.map(v => { v /= 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
    return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
  };
  const out = [];
  for (const t of document.querySelectorAll('figure.figuur .grafiek svg text')) {
    const box = t.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || t.textContent.trim() === '') continue;
    const m = t.getScreenCTM();
    const style = getComputedStyle(t);
    const size = parseFloat(style.fontSize) * Math.hypot(m.a, m.b);
    const contrast = 1.05 / (lum(rgb(style.fill)) + 0.05);
    out.push({figure: t.closest('figure').id, text: t.textContent, size: size, contrast: contrast});
  }
  return out;
}"""


def chart_texts(page) -> list[dict[str, Any]]:  # type: ignore[no-untyped-def]
    texts: list[dict[str, Any]] = page.evaluate(CHART_TEXT)
    return texts


@pytest.mark.parametrize("width", WIDTHS)
def test_site_with_javascript(site, browser, reference_edition, width) -> None:  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    attempted: list[str] = []
    errors: list[str] = []
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    offline(page, attempted)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((site / "index.html").as_uri())
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.evaluate("typeof window.vegaEmbed") == "function"
    assert page.locator("figure.figuur").count() == len(reference_edition.figures)
    page.wait_for_function(ALL_DRAWN, timeout=60_000)
    layout = "breed" if width >= 1000 else "smal"
    for fig in reference_edition.figures:
        el = page.locator(f"#figuur-{fig.id.lower()}")
        live = el.locator(".grafiek-interactief svg.marks")
        assert live.count() == 1, fig.id
        assert el.locator(".grafiek-interactief").get_attribute("data-layout") == layout, fig.id
        box = live.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 80, fig.id
        assert live.locator("[role='graphics-symbol']").count() > 0, fig.id  # marks drawn
        assert not el.locator(".grafiek-statisch.breed").is_visible(), fig.id
        assert not el.locator(".grafiek-statisch.smal").is_visible(), fig.id
        assert el.locator("table caption").count() == len(fig.blocks), fig.id
        assert el.locator("table th[scope='row']").count() > 0, fig.id
    # every chart text is at least 12 px on screen and dark enough on the white chart background
    texts = chart_texts(page)
    assert len(texts) > 1000
    assert [t for t in texts if t["size"] < 11.99] == []
    assert [t for t in texts if t["contrast"] < 4.5] == []
    # the accessibility audit: no violation of WCAG 2.1 A and AA
    assert axe_violations(page) == []
    # the table of contents links to every chapter; the downloads link to the other outputs, which exist
    for target in ("introductie", "hoofdstuk-1", "hoofdstuk-2", "hoofdstuk-3", "hoofdstuk-4", "colofon"):
        assert page.locator(f"nav a[href='#{target}']").count() == 1
        assert page.locator(f"#{target}").count() == 1
    hrefs = page.eval_on_selector_all("nav.downloads a", "as => as.map(a => a.getAttribute('href'))")
    assert hrefs == [
        "jaarcijfers-2024.pdf",
        "jaarcijfers-2024.xlsx",
        "open-data/datapackage.json",
        "persbericht.html",
    ]
    assert all((site / h).is_file() for h in hrefs)
    # hovering a point or bar shows its published value; a protected cell shows its symbol
    tip = page.locator("#vg-tooltip-element")
    page.locator("#figuur-1 .grafiek-interactief [aria-roledescription='point']").last.hover()
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Geregistreerde slachtoffers, 2024: 944")
    page.locator(
        "#figuur-2 .grafiek-interactief [aria-roledescription='point'][aria-label*='<5']"
    ).first.hover()
    expect(tip).to_contain_text("Gedwongen orgaanverwijdering, 2020: <5")
    page.locator("#figuur-16 .grafiek-interactief [aria-roledescription='bar']").first.hover()
    expect(tip).to_contain_text("Seksuele uitbuiting, 2020: 177")
    page.mouse.move(0, 0)
    # the screenshots for review: every figure, and the whole page
    folder = ARTIFACTS / "figuren" / str(width)
    folder.mkdir(parents=True, exist_ok=True)
    for fig in reference_edition.figures:
        page.locator(f"#figuur-{fig.id.lower()}").screenshot(
            path=str(folder / f"figuur-{fig.id.lower()}.png")
        )
    page.screenshot(path=str(ARTIFACTS / f"site-{width}.png"), full_page=True)
    if width == WIDTHS[0]:  # print shows the wide static SVG
        page.emulate_media(media="print")
        assert page.locator("#figuur-12 .grafiek-statisch.breed").is_visible()
        assert not page.locator("#figuur-12 .grafiek-interactief").is_visible()
        page.emulate_media(media="screen")
    # the press summary: audited, and linked back to the site
    page.goto((site / "persbericht.html").as_uri())
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert axe_violations(page) == []
    assert page.locator("a[href='index.html']").count() >= 1
    page.screenshot(path=str(ARTIFACTS / f"persbericht-{width}.png"), full_page=True)
    context.close()
    assert attempted == [], f"network requests attempted: {attempted}"
    assert errors == []


@pytest.mark.parametrize("width", WIDTHS)
def test_site_without_javascript(site, browser, reference_edition, width) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False, viewport={"width": width, "height": 900})
    page = context.new_page()
    attempted: list[str] = []
    offline(page, attempted)
    page.goto((site / "index.html").as_uri())
    shown, hidden = ("breed", "smal") if width >= 1000 else ("smal", "breed")
    for fig in reference_edition.figures:
        el = page.locator(f"#figuur-{fig.id.lower()}")
        static = el.locator(f".grafiek-statisch.{shown} svg")
        assert static.is_visible(), fig.id
        assert not el.locator(f".grafiek-statisch.{hidden}").is_visible(), fig.id
        box = static.bounding_box()
        assert box is not None and box["width"] > 200 and box["height"] > 80, fig.id
        assert not el.locator(".grafiek-interactief").is_visible(), fig.id
    texts = chart_texts(page)
    assert len(texts) > 1000
    assert [t for t in texts if t["size"] < 11.99] == []
    assert [t for t in texts if t["contrast"] < 4.5] == []
    folder = ARTIFACTS / "figuren" / f"{width}-zonder-js"
    folder.mkdir(parents=True, exist_ok=True)
    for fig in reference_edition.figures:
        page.locator(f"#figuur-{fig.id.lower()}").screenshot(
            path=str(folder / f"figuur-{fig.id.lower()}.png")
        )
    context.close()
    assert attempted == []
    # the audit, on the same document without its scripts (axe itself needs JavaScript)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    offline(page, attempted)
    for name in PAGES:
        page.goto((site / f"zonder-js-{name}").as_uri())
        assert page.locator("script").count() == 0
        assert axe_violations(page) == [], name
    context.close()
    assert attempted == []


@pytest.fixture(scope="module")
def both_sites(reference_edition, tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    """The reference edition published in Dutch and English (`--lang nl,en`, docs/language.md)."""
    from jaarcijfers.language import EN, NL

    out = tmp_path_factory.mktemp("publicatie-nl-en")
    render_all(reference_edition, out, languages=(NL, EN))
    for name in ("index.html", "press-release.html"):
        text = (out / "en" / name).read_text(encoding="utf-8")
        stripped = re.sub(r"(?is)<script\b[^>]*>.*?</script\s*>", "", text)
        (out / "en" / f"no-js-{name}").write_text(stripped, encoding="utf-8")
    return out


@pytest.mark.parametrize("width", WIDTHS)
def test_english_site(both_sites, browser, reference_edition, width) -> None:  # type: ignore[no-untyped-def]
    """The English edition in the browser: its language declared, every chart drawn, no accessibility
    violation with and without JavaScript, the language switch to the Dutch edition and back."""
    attempted: list[str] = []
    errors: list[str] = []
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    offline(page, attempted)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((both_sites / "en" / "index.html").as_uri())
    assert page.evaluate("document.documentElement.lang") == "en"
    assert page.locator("figure.figuur").count() == len(reference_edition.figures)
    page.wait_for_function(ALL_DRAWN, timeout=60_000)
    texts = chart_texts(page)
    assert len(texts) > 1000
    assert [t for t in texts if t["size"] < 11.99] == []
    assert [t for t in texts if t["contrast"] < 4.5] == []
    assert axe_violations(page) == []
    assert page.locator("#glossary dt").count() > 10
    hrefs = page.eval_on_selector_all("nav.downloads a", "as => as.map(a => a.getAttribute('href'))")
    assert all((both_sites / "en" / h).is_file() for h in hrefs)
    # the language switch: to the Dutch page, which links back
    page.locator("a[hreflang='nl']").first.click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "nl"
    assert page.url.endswith("/index.html") and "/en/" not in page.url
    page.wait_for_function(ALL_DRAWN, timeout=60_000)
    assert axe_violations(page) == []  # the Dutch page with its language switch
    page.locator("a[hreflang='en']").first.click()
    page.wait_for_load_state()
    assert page.evaluate("document.documentElement.lang") == "en"
    page.screenshot(path=str(ARTIFACTS / f"site-en-{width}.png"), full_page=True)
    page.goto((both_sites / "en" / "press-release.html").as_uri())
    assert page.evaluate("document.documentElement.lang") == "en"
    assert axe_violations(page) == []
    for name in ("index.html", "press-release.html"):
        page.goto((both_sites / "en" / f"no-js-{name}").as_uri())
        assert page.locator("script").count() == 0
        assert axe_violations(page) == [], name
    context.close()
    assert attempted == [], f"network requests attempted: {attempted}"
    assert errors == []
