"""Update the message catalogues (`src/jaarcijfers/locales/<lang>.po`) from the code: every word of the
figure catalogue, the sections and the policies under its key (`edition.translate.catalogue_words`), and
every fixed text of the renderers (`_("...")` in Python and in the Jinja templates). Existing
translations are kept; an entry whose source is gone is dropped. Deterministic (sorted, no dates), no
network. Usage: `python scripts/messages.py` (then translate the empty entries; docs/language.md).
"""

from __future__ import annotations

import sys

from jaarcijfers.language import catalogue_path
from jaarcijfers.translations import source_messages


def main() -> int:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    for code in ("en",):
        path = catalogue_path(code)
        old = {}
        if path.exists():
            with path.open("rb") as f:
                old = {(m.context or "", m.id): m.string for m in read_po(f, locale=code) if m.id}
        catalogue = Catalog(locale=code, project="jaarcijfers", fuzzy=False)
        for ctx, msgid, where in source_messages():
            catalogue.add(msgid, old.get((ctx, msgid), ""), context=ctx or None, auto_comments=(where,))
        with path.open("wb") as f:
            write_po(f, catalogue, width=100, omit_header=True, sort_output=True)
        empty = sum(1 for m in catalogue if m.id and not m.string)
        print(f"{path}: {len(catalogue)} entries, {empty} without translation", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
