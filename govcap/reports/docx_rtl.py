"""A Word document laid out right to left (Arabic), made from the one the renderer built.

Word reads the direction from the XML, so the document is rewritten once it is built rather
than at every paragraph: each paragraph gets ``w:bidi`` (right to left, its first character
at the right; a paragraph with no Arabic the renderer marked `left_to_right` keeps its
``w:val="0"``), each table ``w:bidiVisual`` (its first column at the right), each page section
``w:bidi``, and each run of Arabic ``w:rtl`` with its complex-script font, size, bold and
italic (``w:cs``, ``w:szCs``, ``w:bCs``, ``w:iCs``: Word draws Arabic with those, not with
the Latin ones). Latin text (a name, a code, an amount) stays in runs of its own without
``w:rtl`` (:func:`govcap.reports.direction.runs`). The body, the header and footer and the
styles are all rewritten, so the table of contents and the page footer read right to left
too.
"""

from __future__ import annotations

import copy

from docx.opc.part import XmlPart
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from govcap.reports import direction

ARABIC_FONT = "Noto Sans Arabic"  # what the PDF and the charts use (fonts-noto-core)

# The schema's order of the children each element may have (Word refuses a file whose
# elements are out of order), as far as needed to place the ones added here.
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
             "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
             "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
             "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
             "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
             "sectPr", "pPrChange")
RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
             "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
             "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
             "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs",
             "em", "lang", "eastAsianLayout", "specVanish", "oMath")
TBLPR_ORDER = ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize",
               "tblStyleColBandSize", "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders",
               "shd", "tblLayout", "tblCellMar", "tblLook", "tblCaption", "tblDescription")
SECTPR_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type",
                "pgSz", "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols",
                "formProt", "vAlign", "noEndnote", "titlePg", "textDirection", "bidi",
                "rtlGutter", "docGrid", "printerSettings", "sectPrChange")
COMPLEX = {"sz": "szCs", "b": "bCs", "i": "iCs"}  # a Latin property → its Arabic twin


def right_to_left(word, language_tag: str) -> None:
    """Make `word` (a python-docx Document) read right to left in `language_tag`."""
    for part in word.part.package.iter_parts():
        if not isinstance(part, XmlPart):
            continue
        root = part.element
        if root.tag in (qn("w:document"), qn("w:hdr"), qn("w:ftr")):
            _text_part(root)
        elif root.tag == qn("w:styles"):
            _styles(root, language_tag)


def left_to_right(paragraph) -> None:
    """Lay a python-docx paragraph out left to right in a right-to-left document (a text
    with no Arabic, :func:`govcap.reports.direction.wholly_left_to_right`, as the PDF's
    ``dir="ltr"``): ``w:bidi w:val="0"``, which `right_to_left` keeps (a paragraph without
    it would take the styles' right to left)."""
    put(paragraph._p.get_or_add_pPr(), "bidi", PPR_ORDER).set(qn("w:val"), "0")
    # its runs are then left as written: no piece of it is Arabic (`_left_to_right`)


def _text_part(root) -> None:
    for p in root.iter(qn("w:p")):
        put(p.get_or_add_pPr(), "bidi", PPR_ORDER)
    for r in list(root.iter(qn("w:r"))):
        if not _left_to_right(r):
            _split(r)
    for tbl_pr in root.iter(qn("w:tblPr")):
        put(tbl_pr, "bidiVisual", TBLPR_ORDER)
    for sect_pr in root.iter(qn("w:sectPr")):
        put(sect_pr, "bidi", SECTPR_ORDER)
    for r_pr in root.iter(qn("w:rPr")):
        _complex_script(r_pr)


def _left_to_right(r) -> bool:
    """Whether run `r` is in a paragraph marked `left_to_right`: no Arabic in it, so none of
    its pieces is marked ``w:rtl`` (a closing "»" so marked would be drawn mirrored, "«")."""
    p = next(r.iterancestors(qn("w:p")), None)
    bidi = p.find(f"{qn('w:pPr')}/{qn('w:bidi')}") if p is not None else None
    return bidi is not None and bidi.get(qn("w:val")) == "0"


def _styles(root, language_tag: str) -> None:
    for p_pr in root.iter(qn("w:pPr")):
        put(p_pr, "bidi", PPR_ORDER)
    for r_pr in root.iter(qn("w:rPr")):
        _complex_script(r_pr)
        fonts = put(r_pr, "rFonts", RPR_ORDER)
        fonts.set(qn("w:cs"), ARABIC_FONT)
        fonts.attrib.pop(qn("w:cstheme"), None)  # a theme font would win over w:cs
    for lang in root.iter(qn("w:lang")):
        lang.set(qn("w:bidi"), language_tag)


def put(parent, tag: str, order: tuple[str, ...]):
    """`parent`'s child ``w:tag``, added in its place in the schema's order if missing."""
    found = parent.find(qn(f"w:{tag}"))
    if found is not None:
        return found
    element = OxmlElement(f"w:{tag}")
    later = {qn(f"w:{t}") for t in order[order.index(tag) + 1:]}
    for index, child in enumerate(parent):
        if child.tag in later:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element


def _complex_script(r_pr) -> None:
    """The Arabic size, bold and italic of a run (or a style) set as its Latin ones are."""
    for latin, arabic in COMPLEX.items():
        found = r_pr.find(qn(f"w:{latin}"))
        if found is not None:  # the template's own twin may say otherwise: made the same
            twin = put(r_pr, arabic, RPR_ORDER)
            twin.attrib.clear()
            twin.attrib.update(found.attrib)


def _split(r) -> None:
    """A run of text cut where Latin runs start and end; the Arabic pieces marked ``w:rtl``.
    A text with no Arabic that starts or ends with punctuation is held between
    left-to-right marks, so the paragraph's direction does not move its full stop."""
    texts = r.findall(qn("w:t"))
    others = [c for c in r if c.tag not in (qn("w:t"), qn("w:rPr"))]
    if len(texts) != 1 or others:
        return  # a field, a break, a picture: no words to order
    pieces = direction.runs(texts[0].text or "")
    if not pieces:
        return
    if len(pieces) == 1:
        text, ltr = pieces[0]
        if ltr:
            if not (text[0].isalnum() and text[-1].isalnum()):
                _set_text(texts[0], f"{direction.LRM}{text}{direction.LRM}")
        else:
            r.get_or_add_rPr().get_or_add_rtl()
        return
    anchor = r
    for text, ltr in pieces:
        piece = copy.deepcopy(r)
        _set_text(piece.find(qn("w:t")), text)
        if not ltr:
            piece.get_or_add_rPr().get_or_add_rtl()
        anchor.addnext(piece)
        anchor = piece
    r.getparent().remove(r)


def _set_text(t, text: str) -> None:
    t.text = text
    t.set(qn("xml:space"), "preserve")
