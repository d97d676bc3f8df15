"""The document model as DOCX (python-docx): A4, chapters on new pages (a short one marked
``run_on`` goes on below the one before), wide chapters on landscape pages, table headers
repeated on every page, page numbers in the footer, charts as PNG. Arabic documents are laid
out right to left once built (:mod:`.docx_rtl`)."""

from __future__ import annotations

import copy
import io
import re
import struct

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt, RGBColor
from docx.table import Table as DocxTable

from govcap.reports import direction
from govcap.reports.docx_rtl import RPR_ORDER, left_to_right, put, right_to_left
from govcap.reports.figures import draw
from govcap.reports.model import (
    Bullets,
    Document,
    Figure,
    Heading,
    Money,
    Para,
    Section,
    Table,
    plain_text,
    utc_made,
)

A4 = (Cm(21.0), Cm(29.7))
MARGIN = Cm(1.8)
HEADER_FILL = "1F4E89"
TOTAL_FILL = "E8EEF6"
MUTED = RGBColor(0x4D, 0x4D, 0x4D)
LANGS = {"en": "en-GB", "fr": "fr-FR", "ar": "ar-SA", "sw": "sw-KE"}


def render_docx(doc: Document) -> bytes:
    word = new_docx()
    rtl = direction.is_rtl(doc.language)
    _styles(word, doc.language)
    _properties(word, doc)
    first = word.sections[0]
    _page(first, wide=False)
    _footer(first, doc)
    if doc.watermark:
        _watermark(first, doc.watermark)
    if doc.kind == "brief":  # one page: the title, then the text runs on
        _brief(word, doc, rtl=rtl)
    else:
        _cover(word, doc)
        _contents(word, doc)
        before: Section | None = None
        for section in doc.sections:
            # a short section runs on below the one before, as in the PDF, unless the page
            # turns (a landscape section after a portrait one, or back)
            if not (section.run_on and before is not None and before.wide == section.wide):
                part = word.add_section(WD_SECTION.NEW_PAGE)
                _page(part, wide=section.wide)
            _chapter(word, section, wide=section.wide, rtl=rtl)
            before = section
    english(word.element.body, doc.english)
    if rtl:
        right_to_left(word, LANGS.get(doc.language, doc.language))
    return _saved(word)


def english(body, texts: tuple[str, ...]) -> None:
    """Each of `texts` (English in another language's document: an instrument's section
    title for want of a translation, a note of a session held in English) in runs of its
    own said to be English (``w:lang w:val="en-GB"``), as the PDF's ``lang="en"``: Word
    then checks its spelling, and a screen reader reads it, as English rather than as the
    document's language. A text of several lines is looked for line by line, and a run
    holding line breaks is cut at them: every part of a note written over several lines
    (each line a text of its own in the run, or a paragraph of its own in an Arabic
    document) is marked, the breaks between its lines too."""
    lines = {line.strip() for t in texts for line in t.splitlines()}
    found = sorted((line for line in lines if len(line) > 3), key=len, reverse=True)
    if not found:
        return
    pattern = re.compile("|".join(re.escape(t) for t in found))
    said_tag, break_tag = qn("w:t"), qn("w:br")
    for r in list(body.iter(qn("w:r"))):
        parts = [c for c in r if c.tag != qn("w:rPr")]
        if not parts or any(c.tag not in (said_tag, break_tag) for c in parts):
            continue  # a field, a tab, a picture
        if not any(c.tag == said_tag and pattern.search(c.text or "") for c in parts):
            continue
        pieces: list[tuple[str | None, bool]] = []  # (text, English); None: a line break
        for part in parts:
            if part.tag == break_tag:  # English between two English lines
                pieces.append((None, bool(pieces) and pieces[-1][1]))
                continue
            said, at = part.text or "", 0
            for match in pattern.finditer(said):
                pieces += [(said[at:match.start()], False), (match.group(), True)]
                at = match.end()
            pieces.append((said[at:], False))
            pieces = [p for p in pieces if p[0] != ""]
        anchor = r
        for piece, is_english in pieces:
            run = copy.deepcopy(r)
            for part in [c for c in run if c.tag != qn("w:rPr")]:
                run.remove(part)
            if piece is None:
                run.append(OxmlElement("w:br"))
            else:
                t = OxmlElement("w:t")
                t.text = piece
                t.set(qn("xml:space"), "preserve")
                run.append(t)
            if is_english:
                put(run.get_or_add_rPr(), "lang", RPR_ORDER).set(qn("w:val"), LANGS["en"])
            anchor.addnext(run)
            anchor = run
        r.getparent().remove(r)


def _properties(word, doc: Document) -> None:
    """What a file browser and a document system show: title, subject, author, keywords."""
    props = word.core_properties
    props.title = plain_text(doc.title)
    props.subject = plain_text(doc.subtitle or doc.title)
    props.author = "govcap"
    props.last_modified_by = plain_text(doc.made_by) or "govcap"
    # python-docx's template says 2013-12-23 23:15, revision 1: the document's own time
    made = utc_made(doc.made)  # naive UTC: python-docx writes it with a "Z"
    props.created = props.modified = made
    props.revision = max(doc.revision, 1)
    props.category = "brief" if doc.kind == "brief" else "training plan"
    props.keywords = "; ".join(plain_text(v) for _k, v in doc.cover[:3])
    props.comments = plain_text(doc.footer)
    props.language = LANGS.get(doc.language, doc.language)


def _contents(word, doc: Document) -> None:
    """A table of contents on its own page: a TOC field Word refreshes on opening (page
    numbers), holding the chapter list so it reads right before that too."""
    word.add_page_break()
    word.add_heading(plain_text(doc.contents_label), level=1)
    p = word.add_paragraph()
    begin, instr, separate, end = (OxmlElement("w:fldChar"), OxmlElement("w:instrText"),
                                   OxmlElement("w:fldChar"), OxmlElement("w:fldChar"))
    begin.set(qn("w:fldCharType"), "begin")
    begin.set(qn("w:dirty"), "true")  # Word updates the field when it opens the file
    instr.set(qn("xml:space"), "preserve")
    instr.text = 'TOC \\o "1-1" \\h \\z \\u'
    separate.set(qn("w:fldCharType"), "separate")
    end.set(qn("w:fldCharType"), "end")
    for element in (begin, instr, separate):
        p.add_run()._r.append(element)
    for number, section in enumerate(doc.sections):
        if number:
            p.add_run().add_break()
        p.add_run(plain_text(f"{section.number}. {section.heading}"))
    p.add_run()._r.append(end)
    settings = word.settings.element
    update = OxmlElement("w:updateFields")
    update.set(qn("w:val"), "true")
    settings.append(update)


def _saved(word) -> bytes:
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _brief(word, doc: Document, *, rtl: bool) -> None:
    word.add_paragraph(plain_text(doc.sections[0].heading), style="Title")
    p = word.add_paragraph()
    run = p.add_run(plain_text(doc.subtitle))
    run.font.color.rgb = MUTED
    if doc.cover_note:
        run = word.add_paragraph().add_run(plain_text(doc.cover_note))
        run.italic = True
        run.font.size = Pt(9)
    _blocks(word, doc.sections[0], wide=False, rtl=rtl)


def _styles(word, language: str) -> None:
    normal = word.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(10)
    rpr = normal.element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANGS.get(language, language))
    rpr.append(lang)
    for name, size in (("Title", 26), ("Heading 1", 16), ("Heading 2", 12.5),
                       ("Heading 3", 11)):
        style = word.styles[name]
        style.font.size = Pt(size)
        style.font.color.rgb = RGBColor(0x1F, 0x4E, 0x89)
    for name in ("Heading 1", "Heading 2", "Heading 3"):
        word.styles[name].paragraph_format.keep_with_next = True


def _page(section, *, wide: bool) -> None:
    width, height = A4
    section.orientation = WD_ORIENT.LANDSCAPE if wide else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (height, width) if wide else (width, height)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, MARGIN)


def _usable(section) -> tuple[int, int]:
    return (section.page_width - section.left_margin - section.right_margin,
            section.page_height - section.top_margin - section.bottom_margin)


def _field(paragraph, code: str) -> None:
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"),
                       ("end", None)):
        if kind is not None:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == code:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {code} "
            run._r.append(el)
        else:
            t = OxmlElement("w:t")
            t.text = text
            run._r.append(t)


def _footer(section, doc: Document) -> None:
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(f"{plain_text(doc.footer)} · {doc.page_label} ")
    run.font.size = Pt(8)
    run.font.color.rgb = MUTED
    _field(p, "PAGE")
    p.add_run(f" {doc.page_of} ")
    _field(p, "NUMPAGES")
    for r in p.runs:
        r.font.size = Pt(8)


def _watermark(section, text: str) -> None:
    """A mark at the top of every page (the later sections inherit this header)."""
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(plain_text(text))
    run.bold = True
    run.font.size = Pt(11)
    run.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)


def _cover(word, doc: Document) -> None:
    for _ in range(4):
        word.add_paragraph()
    word.add_paragraph(plain_text(doc.title), style="Title")
    if doc.subtitle:
        p = word.add_paragraph()
        run = p.add_run(plain_text(doc.subtitle))
        run.font.size = Pt(16)
        run.bold = True
    word.add_paragraph()
    table = word.add_table(rows=0, cols=2)
    table.style = word.styles["Table Grid"]
    for key, value in doc.cover:
        cells = table.add_row().cells
        _text(cells[0], key, bold=True, size=10)
        _text(cells[1], value, size=10)
    _widths(table, [Cm(5), Cm(11.4)])
    if doc.signatures:
        p = word.add_paragraph()
        p.paragraph_format.space_before = Pt(14)
        run = p.add_run(plain_text(doc.sign_title))
        run.bold = True
        signs = word.add_table(rows=0, cols=2)
        for who, line in doc.signatures:
            cells = signs.add_row().cells
            _text(cells[0], who, bold=True, size=10)
            _text(cells[1], line, size=10)
        _widths(signs, [Cm(5), Cm(11.4)])
    p = word.add_paragraph()
    p.paragraph_format.space_before = Pt(18)
    run = p.add_run(plain_text(doc.cover_note))
    run.italic = True
    run.font.color.rgb = MUTED


def _chapter(word, section: Section, *, wide: bool, rtl: bool) -> None:
    word.add_heading(plain_text(f"{section.number}. {section.heading}"), level=1)
    _blocks(word, section, wide=wide, rtl=rtl)


def _blocks(word, section: Section, *, wide: bool, rtl: bool) -> None:
    """The section's blocks; in a right-to-left document a paragraph or a bullet with no
    Arabic (an English description) is laid out left to right, and a quotation in another
    script as the PDF sets it (:func:`_quoting`)."""
    width, height = _usable(word.sections[-1])
    for block in section.blocks:
        if isinstance(block, Heading):
            heading = word.add_heading(plain_text(block.text), level=block.level)
            heading.paragraph_format.page_break_before = block.new_page
        elif isinstance(block, Para):
            p = word.add_paragraph()
            for run in _quoting(word, p, plain_text(block.text), rtl):
                _para_run(p, run, block.kind)
        elif isinstance(block, Bullets):
            for item in block.items:
                p = word.add_paragraph(style="List Bullet")
                for run in _quoting(word, p, plain_text(item), rtl, bullet=True):
                    run.font.size = Pt(9)
        elif isinstance(block, Table):
            _table(word, block, width)
            word.add_paragraph()
        elif isinstance(block, Figure):
            for png in draw(block.kind, block.data, "png"):
                _picture(word, png, width, int(height * 0.74),  # room for the headings
                         alt=block.caption)


def _para_run(p, run, kind: str) -> None:
    if kind == "note":
        p.paragraph_format.keep_with_next = True  # a note introduces what follows
        run.italic = True
        run.font.size = Pt(9)
        run.font.color.rgb = MUTED
    elif kind == "intro":
        p.paragraph_format.keep_with_next = True
    elif kind == "lead":
        run.bold = True
        p.paragraph_format.keep_with_next = True


def _quoting(word, p, text: str, rtl: bool, *, bullet: bool = False) -> list:
    """The runs of paragraph `p` saying `text`. In a right-to-left document a line quoting a
    Latin text is written as the PDF writes it (:func:`.direction.held_quotation`): the
    quotation in its own language's marks, one style for every note; after an Arabic label
    it is a paragraph of its own below the label, left to right (its marks at its own
    ends); a participant's words with only their code ("P4 : « … »") stay in the
    right-to-left paragraph as one left-to-right run, so that its bullet is at the right
    as the other items'. Any other text is one run (:func:`_direction`)."""
    found = direction.held_quotation(text) if rtl else None
    if found is None:
        return [p.add_run(_direction(p, text, rtl))]
    before, shown, after, own = found
    if own:
        return [p.add_run(before + shown + after)]
    runs = [p.add_run(before)]
    p.paragraph_format.keep_with_next = True  # the label with its quotation
    quoted = word.add_paragraph()
    left_to_right(quoted)
    if bullet:  # under the item's text, not under its bullet
        quoted.paragraph_format.right_indent = Cm(0.63)
    runs.append(quoted.add_run(shown))
    if after:
        runs.append(word.add_paragraph().add_run(after))
    return runs


def _direction(p, text: str, rtl: bool) -> str:
    """`text` for paragraph `p`; in a right-to-left document a text with no Arabic sets `p`
    left to right whole, its isolate marks then needless (:func:`left_to_right`)."""
    if rtl and direction.wholly_left_to_right(text):
        left_to_right(p)
        return text.replace(direction.LRI, "").replace(direction.PDI, "")
    return text


def _picture(word, png: bytes, width: int, height: int, alt: str = "") -> None:
    w_px, h_px = struct.unpack(">II", png[16:24])
    scale = min(width / w_px, height / h_px)
    shape = word.add_picture(io.BytesIO(png), width=Emu(int(w_px * scale)))
    if alt:  # read by screen readers and shown when the image cannot be
        shape._inline.docPr.set("descr", plain_text(alt))
        shape._inline.docPr.set("title", plain_text(alt))
    word.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _table(word, block: Table, width: int) -> None:
    header = any(c.label for c in block.columns)
    table = word.add_table(rows=1 if header else 0, cols=len(block.columns))
    table.style = word.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    size = 8 if len(block.columns) > 4 else 9
    if header:
        row = table.rows[0]
        _repeat_header(row)
        for cell, column in zip(row.cells, block.columns, strict=True):
            _text(cell, column.label, bold=True, size=size, colour=RGBColor(255, 255, 255),
                  right=column.kind != "text")
            _shade(cell, HEADER_FILL)
    lines = [(r, False) for r in block.rows] + ([(block.total, True)] if block.total else [])
    for values, is_total in lines:
        cells = table.add_row().cells
        for cell, column, value in zip(cells, block.columns, values, strict=True):
            right = column.kind != "text" or isinstance(value, Money)
            _text(cell, _show(value), size=size, bold=is_total or (not header and
                                                                   column is block.columns[0]),
                  right=right)
            if is_total:
                _shade(cell, TOTAL_FILL)
    total = sum(c.width for c in block.columns)
    _widths(table, [Emu(int(width * c.width / total)) for c in block.columns])


def _show(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.2f}"
    return str(value)


def _text(cell, text: object, *, bold: bool = False, size: float = 9,
          colour: RGBColor | None = None, right: bool = False) -> None:
    p = cell.paragraphs[0]
    p.paragraph_format.space_after = Pt(0)
    if right:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = p.add_run(plain_text(text))
    run.bold = bold
    run.font.size = Pt(size)
    if colour is not None:
        run.font.color.rgb = colour


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _repeat_header(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):  # the schema's order
        el = OxmlElement(tag)
        el.set(qn("w:val"), "true")
        trpr.append(el)


def _widths(table: DocxTable, widths: list) -> None:
    table.autofit = False
    # autofit False writes <w:tblLayout w:type="fixed"/>: Word keeps the widths given here
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
