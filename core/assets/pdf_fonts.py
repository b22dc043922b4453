"""Composite fonts whose codes pypdf would read one byte at a time.

A Type0 font may carry its encoding as an embedded CMap stream instead of a name ("Identity-H"): WeasyPrint does so
for the regular weight of Noto Sans CJK, and so do other writers. pypdf 7 knows only named CMaps and falls back to
a one-byte encoding, so a Chinese resume's body came out as "9A×To BƒÖOx{œ°O…" while its bold headings read well.
The font's ToUnicode map is keyed by the same two-byte codes, so telling pypdf the codes are two bytes wide
(Identity-H) gives it back the text; an embedded CMap whose codes are not all two bytes wide is left alone.
"""

from __future__ import annotations

import re
from typing import Any

from pypdf.generic import DictionaryObject, NameObject, StreamObject

_CODESPACE = re.compile(rb"begincodespacerange(.*?)endcodespacerange", re.DOTALL)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")
MAX_FORMS = 64  # nested form XObjects looked into per page: a page drawn in a thousand forms is no resume


def mend_two_byte_cmaps(page: Any) -> int:
    """Give every Type0 font of `page` (and of its forms) whose embedded CMap has two-byte codes the Identity
    encoding of the same width; returns how many fonts were mended."""
    mended, forms, seen = 0, 0, set()
    pending = [page.get("/Resources")]
    while pending:
        resources = _resolved(pending.pop())
        if not isinstance(resources, DictionaryObject) or id(resources) in seen:
            continue
        seen.add(id(resources))
        fonts = _resolved(resources.get("/Font"))
        if isinstance(fonts, DictionaryObject):
            mended += sum(_mend(_resolved(font)) for font in fonts.values())
        xobjects = _resolved(resources.get("/XObject"))
        if isinstance(xobjects, DictionaryObject):
            for xobject in xobjects.values():
                form = _resolved(xobject)
                if isinstance(form, StreamObject) and form.get("/Subtype") == "/Form" and forms < MAX_FORMS:
                    forms += 1
                    pending.append(form.get("/Resources"))
    return mended


def _mend(font: Any) -> int:
    if not isinstance(font, DictionaryObject) or font.get("/Subtype") != "/Type0":
        return 0
    encoding = _resolved(font.get("/Encoding"))
    if not isinstance(encoding, StreamObject) or not _two_byte_codes(encoding):
        return 0
    vertical = _resolved(encoding.get("/WMode")) == 1
    font[NameObject("/Encoding")] = NameObject("/Identity-V" if vertical else "/Identity-H")
    return 1


def _two_byte_codes(cmap: StreamObject) -> bool:
    """True when every code space range of the CMap is two bytes wide ("<0000> <ffff>")."""
    try:
        data = cmap.get_data()
    except Exception:  # a damaged stream: pypdf reads it as it would have
        return False
    ranges = _CODESPACE.findall(data[:4096])
    bounds = [bound for block in ranges for bound in _HEX.findall(block)]
    return bool(bounds) and all(len(bound) == 4 for bound in bounds)


def _resolved(value: Any) -> Any:
    return value.get_object() if value is not None and hasattr(value, "get_object") else value
