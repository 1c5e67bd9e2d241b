"""The analyst's reflection: one Markdown parser for the site and the PDF, safe and linear-time."""

from __future__ import annotations

import html
import re

import pytest

from jaarcijfers.render.markdown import MAX_SIZE, to_blocks, to_html

SAMPLE = (
    "# Kop\n\nTekst met **vet**, *cursief* en [link](https://example.org) <script>alert(1)</script>.\n\n"
    "- een\n- twee\n\n1. a\n2. b\n\n[kwaad](javascript:alert(1)) [relatief](pagina.html) "
    '<img src=x onerror="alert(1)"> [mail](mailto:nrm@example.org) [anker](#tekens)'
)


def test_html_subset():
    out = to_html(SAMPLE)
    assert "<h3>Kop</h3>" in out  # under the chapter heading
    assert "<strong>vet</strong>" in out and "<em>cursief</em>" in out
    assert '<a href="https://example.org">link</a>' in out
    assert "<ul>\n<li>een</li>\n<li>twee</li>\n</ul>" in out and "<ol>\n<li>a</li>" in out
    assert '<a href="mailto:nrm@example.org">mail</a>' in out and '<a href="#tekens">anker</a>' in out


def test_no_html_or_script_gets_through():
    out = to_html(SAMPLE)
    assert "<script>" not in out and "&lt;script&gt;alert(1)&lt;/script&gt;" in out
    assert "<img" not in out and "&lt;img" in out
    # an unsafe or relative link is its text only
    assert "javascript:" not in out and "pagina.html" not in out
    assert "kwaad" in out and "relatief" in out
    assert set(re.findall(r"<(/?[a-z0-9]+)", out)) - {
        "/a",
        "/strong",
        "/em",
        "/h3",
        "/ul",
        "/ol",
        "/li",
        "/p",
    } == {
        "a",
        "strong",
        "em",
        "h3",
        "ul",
        "ol",
        "li",
        "p",
    }  # the only elements there are


def test_pathological_input_is_escaped_text():
    """Unfinished links up to the size limit: a hand-written regex parser took quadratic time on this
    (300 KB: 150 s). The one parser is linear (markdown-it-py); the output is the input as escaped text in
    one paragraph. A longer text is refused (the reader of the file says so first)."""
    text = "[a](" * (MAX_SIZE // 4)
    out = to_html(text)
    assert out == f"<p>{html.escape(text, quote=False)}</p>"
    (block,) = to_blocks(text)
    assert block == {"kind": "para", "runs": [{"text": text}]}
    with pytest.raises(ValueError, match="longer than"):
        to_html(text + "x")


@pytest.mark.parametrize("unit", ["[a](", "[", "**_", "*a", "![a](", "[a](<", "[a]: "])
def test_parsing_work_grows_linearly(unit):
    """The work of the parser, counted as Python function calls (deterministic, unlike time), doubles at
    most when the text doubles: no pathological input is superlinear."""
    import sys

    from jaarcijfers.render.markdown import _tokens

    def calls(text: str) -> int:
        count = 0

        def profile(frame, event, arg):  # type: ignore[no-untyped-def]
            nonlocal count
            if event == "call":
                count += 1

        _tokens.cache_clear()
        sys.setprofile(profile)
        try:
            _tokens(text)
        finally:
            sys.setprofile(None)
        return count

    small, large = calls(unit * 1000), calls(unit * 2000)
    assert large <= 2.2 * small, (unit, small, large)


def test_blocks_for_the_pdf():
    blocks = to_blocks(
        "# Kop\n\nEen **vette** [link](https://example.org) en `x`.\n\n- een\n- twee\n\n1. a\n"
    )
    assert [b["kind"] for b in blocks] == ["heading", "para", "list", "enum"]
    runs = blocks[1]["runs"]
    assert {"text": "vette", "bold": True} in runs
    assert {"text": "link", "url": "https://example.org"} in runs
    assert {"text": "x", "code": True} in runs
    assert blocks[2]["items"] == [[{"text": "een"}], [{"text": "twee"}]]


def test_blocks_keep_unsafe_links_as_text():
    (para,) = to_blocks("[kwaad](javascript:alert(1)) <b>vet</b>")
    assert para["runs"] == [{"text": "kwaad <b>vet</b>"}]
