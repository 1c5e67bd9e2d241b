"""The analyst's reflection (`reflectie-YYYY.md`) as HTML for the site and as text blocks for the PDF.

One parser for both: markdown-it-py (CommonMark, linear time in the length of the text) with raw HTML
off, so HTML in the reflection is shown as text and never reaches the page as markup. Images are off
(a reflection has none and the site loads nothing from elsewhere). A link keeps its target only when it
is `http(s)://`, `mailto:` or a `#` anchor; any other link (`javascript:`, a relative path) is shown as
its text only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

#: The longest Markdown text the parser takes (64 KiB: some twenty pages of commentary). The parser is
#: linear in the length of the text, but a pathological text (`[a](` repeated) costs about 1 s per
#: 100 KiB in pure Python; the reader of the file (`build`) refuses a longer one with a clear message.
MAX_SIZE = 64 * 1024

SAFE_LINK = re.compile(r"^(?:https?://|mailto:|#)", re.IGNORECASE)


def _drop_unsafe_links(state: StateCore) -> None:
    """Remove the link tokens around the text of every link whose target is not safe."""
    for token in state.tokens:
        if token.type != "inline" or not token.children:
            continue
        kept: list[Token] = []
        open_links: list[bool] = []
        for child in token.children:
            if child.type == "link_open":
                safe = bool(SAFE_LINK.match(str(child.attrGet("href") or "")))
                open_links.append(safe)
                if safe:
                    kept.append(child)
            elif child.type == "link_close":
                if open_links.pop():
                    kept.append(child)
            else:
                kept.append(child)
        token.children = kept


@lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    class Parser(MarkdownIt):
        def validateLink(self, url: str) -> bool:  # noqa: N802 - markdown-it's name
            return True  # every link is parsed; `_drop_unsafe_links` keeps only the safe ones

    md = Parser("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.disable(["image", "html_block", "html_inline"])
    md.core.ruler.push("drop_unsafe_links", _drop_unsafe_links)
    md.add_render_rule("heading_open", _heading)
    md.add_render_rule("heading_close", _heading)
    return md


def _heading(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    """A heading moved down by `env["heading_offset"]` levels (at most h6)."""
    t = tokens[idx]
    level = min(6, int(t.tag[1:]) + env.get("heading_offset", 0))
    return f"<h{level}>" if t.nesting == 1 else f"</h{level}>\n"


@lru_cache(maxsize=2)
def _tokens(text: str) -> tuple[Token, ...]:
    """The parsed reflection, once per text (the site and the PDF read the same tokens; never changed)."""
    if len(text.encode("utf-8")) > MAX_SIZE:
        raise ValueError(f"Markdown text longer than {MAX_SIZE} bytes")
    return tuple(parser().parse(text))


def to_html(text: str, heading_offset: int = 2) -> str:
    """The reflection as HTML: `#` becomes `<h3>` (with the default offset, under the chapter heading)."""
    md = parser()
    return md.renderer.render(list(_tokens(text)), md.options, {"heading_offset": heading_offset}).rstrip(
        "\n"
    )


def _runs(inline: Token) -> list[dict[str, Any]]:
    """The inline content as runs of text with their style: {text, bold, italic, code, url}."""
    runs: list[dict[str, Any]] = []
    style: dict[str, Any] = {}
    for child in inline.children or []:
        if child.type in ("strong_open", "strong_close"):
            style["bold"] = child.type == "strong_open"
        elif child.type in ("em_open", "em_close"):
            style["italic"] = child.type == "em_open"
        elif child.type == "link_open":
            style["url"] = str(child.attrGet("href"))
        elif child.type == "link_close":
            style["url"] = None
        elif child.content or child.type in ("softbreak", "hardbreak"):
            text = " " if child.type in ("softbreak", "hardbreak") else child.content
            run: dict[str, Any] = {"text": text, **{k: v for k, v in style.items() if v}}
            if child.type == "code_inline":
                run["code"] = True
            if runs and {k: v for k, v in runs[-1].items() if k != "text"} == {
                k: v for k, v in run.items() if k != "text"
            }:
                runs[-1]["text"] += text
            else:
                runs.append(run)
    return runs


def to_blocks(text: str) -> list[dict[str, Any]]:
    """The reflection as blocks for the PDF: headings, paragraphs, bullet lists (`list`) and numbered
    lists (`enum`), each made of runs of plain text (the Typst template never reads them as markup). A
    list item holds the text of everything in it (a nested list included)."""
    blocks: list[dict[str, Any]] = []
    depth = 0  # list nesting
    items: list[list[dict[str, Any]]] = []
    kind = ""
    heading = False
    for t in _tokens(text):
        if t.type in ("bullet_list_open", "ordered_list_open"):
            if depth == 0:
                kind, items = ("list" if t.type == "bullet_list_open" else "enum"), []
            depth += 1
        elif t.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
            if depth == 0:
                blocks.append({"kind": kind, "items": items})
        elif t.type == "list_item_open" and depth == 1:
            items.append([])
        elif t.type == "heading_open":
            heading = True
        elif t.type == "heading_close":
            heading = False
        elif t.type in ("inline", "code_block", "fence"):
            runs = _runs(t) if t.type == "inline" else [{"text": t.content.rstrip("\n"), "code": True}]
            if depth:
                if items[-1] and runs:
                    items[-1].append({"text": " "})
                items[-1].extend(runs)
            elif runs:
                blocks.append({"kind": "heading" if heading else "para", "runs": runs})
    return blocks
