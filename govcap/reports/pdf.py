"""The document model as PDF: HTML from ``templates/plan.html`` + ``plan.css``, WeasyPrint.

Every text is HTML-escaped; charts are inline SVG images (``data:`` URLs). The URL fetcher
serves only the template folder and ``data:`` URLs, so rendering never reaches the
network, whatever a name or a note contains.

Right to left (Arabic): ``<html dir="rtl">`` and the stylesheet's logical properties mirror
the pages (tables, lists, the cover); Latin text inside is isolated (``<bdi dir="ltr">``,
:mod:`.direction`) so names, codes and amounts read as written.
"""

from __future__ import annotations

import base64
import html
import math
import re
from collections.abc import Callable
from pathlib import Path
from string import Template
from urllib.parse import unquote, urlparse

from govcap.reports import direction
from govcap.reports.figures import draw
from govcap.reports.model import (
    Bullets,
    Cell,
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

TEMPLATES = Path(__file__).resolve().parent / "templates"


class RefusedURL(ValueError):
    """A document asked for something outside the template folder."""


def check_url(url: str) -> Path | None:
    """A template file's path, None for a ``data:`` URL; :class:`RefusedURL` otherwise."""
    parsed = urlparse(url)
    if parsed.scheme == "data":
        return None
    if parsed.scheme == "file":
        path = Path(unquote(parsed.path)).resolve()
        if path.is_relative_to(TEMPLATES) and path.is_file():
            return path
    raise RefusedURL(f"refused to fetch {url[:80]!r}: plan documents use local files only")


def local_fetcher() -> object:
    """A WeasyPrint URL fetcher serving ``data:`` URLs and files under ``templates/`` only."""
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class LocalFetcher(URLFetcher):
        def fetch(self, url: str, headers: object = None) -> URLFetcherResponse:
            path = check_url(url)
            if path is None:
                return super().fetch(url, headers)
            return URLFetcherResponse(url, path.read_bytes(),
                                      {"Content-Type": _mime(path)})

    return LocalFetcher(allowed_protocols=("data", "file"), allow_redirects=False)


def _mime(path: Path) -> str:
    return {".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}.get(
        path.suffix, "application/octet-stream")


def esc(value: object) -> str:
    """Text as HTML (a right-to-left document's text goes through :func:`rtl_text`)."""
    return html.escape(plain_text(value), quote=True)


def rtl_text(value: object) -> str:
    """Text as HTML in a right-to-left document: each Latin run (or a text with no Arabic,
    whole) in ``<bdi dir="ltr">`` so its punctuation stays where it was written."""
    return "".join(f'<bdi dir="ltr">{esc(piece)}</bdi>' if ltr else esc(piece)
                   for piece, ltr in direction.runs(plain_text(value)))


def _quoted(value: object, text: Callable[[object], str]) -> str:
    """A line of a right-to-left document that quotes a text in another script
    (:func:`.direction.held_quotation`), the quotation in its own language's marks, one
    style for every note ("« Propos : P3 : “le PMO…” … »" for French words, a quotation
    inside between the other pair). After an Arabic label ("الملاحظات:") the quotation is
    a block of its own below it, left to right: run on in the Arabic line, a wrapped
    quotation's marks came out at the wrong ends of its lines. A participant's words with
    only their code ("P4 : « … »") are one left-to-right run, set at the item's start (the
    right) as the other items. Any other text as `text` writes it."""
    found = direction.held_quotation(plain_text(value)) if text is rtl_text else None
    if found is None:
        return text(value)
    before, shown, after, own = found
    if own:
        return f'<bdi dir="ltr">{esc(before + shown + after)}</bdi>'
    return (f"{text(before)}"
            f'<span class="quoted" dir="ltr" style="display: block">'
            f"{esc(shown)}</span>{text(after) if after else ''}")


def _block_dir(value: object, text: Callable[[object], str]) -> str:
    """A paragraph with no Arabic in a right-to-left document (a module's description the
    catalogue has in English only) is laid out left to right, as its language reads. A
    participant's quoted words with their code ("P4: «…»") are not: they are a run of
    their own in the right-to-left line (:func:`_quoted`), so that a bullet before them
    stays at the right as the other items'."""
    if text is not rtl_text:
        return ""
    said = plain_text(value)
    if direction.held_quotation(said) is not None:
        return ""
    return ' dir="ltr"' if direction.wholly_left_to_right(said) else ""


def _attr(value: object, rtl: bool) -> str:
    """Text for an attribute (a running footer's words): isolate marks, not markup."""
    text = plain_text(value)
    return esc(direction.isolated(text) if rtl else text)


def render_html(doc: Document) -> str:
    rtl = direction.is_rtl(doc.language)
    text = rtl_text if rtl else esc
    if doc.kind == "brief":
        return _brief_html(doc, text, rtl)
    template = Template((TEMPLATES / "plan.html").read_text(encoding="utf-8"))
    cover = "".join(f"<tr><th>{text(k)}</th><td>{text(v)}</td></tr>" for k, v in doc.cover)
    subtitle = f'<p class="cover-subtitle">{text(doc.subtitle)}</p>' if doc.subtitle else ""
    signatures = (f'<h2 class="cover-sign-title">{text(doc.sign_title)}</h2>'
                  '<table class="cover-sign"><tbody>'
                  + "".join(f"<tr><th>{text(k)}</th><td>{text(v)}</td></tr>"
                            for k, v in doc.signatures)
                  + "</tbody></table>") if doc.signatures else ""
    return template.substitute(
        lang=esc(doc.language), dir="rtl" if rtl else "ltr", title=text(doc.title),
        meta_title=esc(doc.title), meta_dates=_meta_dates(doc), subtitle=subtitle, cover=cover, signatures=signatures,
        cover_note=text(doc.cover_note), footer=_attr(doc.footer, rtl),
        footer_short=text(doc.cover[0][1] if doc.cover else ""),
        page_label=_attr(doc.page_label, rtl), page_of=_attr(doc.page_of, rtl),
        watermark=_attr(doc.watermark, rtl),
        chapters=english("\n".join(_chapter(s, text) for s in doc.sections), doc.english))


_TEXT_NODE = re.compile(r">([^<]+)<")


def english(markup: str, texts: tuple[str, ...]) -> str:
    """`markup` with each of `texts` (English for want of a translation: an instrument's
    section title) said to be English where it is read, ``<span lang="en">``, as the pages'
    ``|t`` marks it: a screen reader then reads it as English, not with the document's
    language's rules. Only text between tags is looked at, never an attribute."""
    found = [esc(t) for t in sorted(set(texts), key=len, reverse=True) if t.strip()]
    if not found:
        return markup
    pattern = re.compile("|".join(re.escape(t) for t in found))

    def node(match: re.Match[str]) -> str:
        return ">" + pattern.sub(lambda m: f'<span lang="en">{m.group()}</span>',
                                 match.group(1)) + "<"

    return _TEXT_NODE.sub(node, markup)


def _meta_dates(doc: Document) -> str:
    """The PDF's creation and modification dates (WeasyPrint reads them from these): the
    document's own time, as the DOCX's properties."""
    made = f"{utc_made(doc.made):%Y-%m-%dT%H:%M:%SZ}"
    return (f'<meta name="dcterms.created" content="{made}">'
            f'<meta name="dcterms.modified" content="{made}">')


def _brief_html(doc: Document, text: Callable[[object], str], rtl: bool) -> str:
    """One page: the title and the facts at the top, then the text, no cover."""
    template = Template((TEMPLATES / "brief.html").read_text(encoding="utf-8"))
    note = f'<p class="cover-note">{text(doc.cover_note)}</p>' if doc.cover_note else ""
    return template.substitute(
        lang=esc(doc.language), dir="rtl" if rtl else "ltr",
        title=text(doc.sections[0].heading), meta_title=esc(doc.sections[0].heading),
        meta_dates=_meta_dates(doc),
        facts=text(doc.subtitle), note=note, footer=_attr(doc.footer, rtl),
        page_label=_attr(doc.page_label, rtl), page_of=_attr(doc.page_of, rtl),
        watermark=_attr(doc.watermark, rtl),
        body=english(_blocks(doc.sections[0], text), doc.english))


def render_pdf(doc: Document) -> bytes:
    from weasyprint import HTML

    page = HTML(string=render_html(doc), base_url=TEMPLATES.as_uri() + "/",
                url_fetcher=local_fetcher())
    # PDF/UA-1: a tagged structure (headings, lists, tables, figures with their alt text)
    # that screen readers follow, the document's language and title in its metadata.
    pdf: bytes = page.write_pdf(pdf_variant="pdf/ua-1", custom_metadata=True)
    return pdf


Text = Callable[[object], str]


def _chapter(section: Section, text: Text = esc) -> str:
    classes = "chapter" + (" wide" if section.wide else "") + (" run-on" if section.run_on else "")
    return "\n".join([f'<section class="{classes}" '
                      f'id="{esc(section.key)}">',
                      f"<h1>{section.number}. {text(section.heading)}</h1>",
                      _blocks(section, text), "</section>"])


def _blocks(section: Section, text: Text = esc) -> str:
    parts: list[str] = []
    for block, after in zip(section.blocks, [*section.blocks[1:], None], strict=True):
        if isinstance(block, Heading):
            new_page = ' class="new-page"' if block.new_page else ""
            parts.append(f"<h{block.level}{new_page}>{text(block.text)}</h{block.level}>")
        elif isinstance(block, Para):
            # a note closing the text before a heading belongs to that text: not held with
            # the heading and what it keeps whole (a figure), which left half a page blank
            kind = block.kind + (" closing" if isinstance(after, Heading) else "")
            parts.append(f'<p class="{esc(kind)}"{_block_dir(block.text, text)}>'
                         f"{_quoted(block.text, text)}</p>")
        elif isinstance(block, Bullets):
            parts.append("<ul>" + "".join(f"<li{_block_dir(i, text)}>{_quoted(i, text)}</li>"
                                          for i in block.items) + "</ul>")
        elif isinstance(block, Table):
            parts.append(_table(block, text))
        elif isinstance(block, Figure):
            for svg in draw(block.kind, block.data, "svg"):
                data = base64.b64encode(svg).decode("ascii")
                parts.append(f'<figure><img src="data:image/svg+xml;base64,{data}" '
                             f'alt="{esc(block.caption)}"></figure>')
    return "\n".join(parts)


def _cell(value: Cell, kind: str, text: Text = esc) -> str:
    number = kind != "text" or isinstance(value, Money)
    shown = f"{value:.2f}" if isinstance(value, float) else str(value)
    if number:
        return f'<td class="num">{text(shown)}</td>'
    if "\n" in shown:  # one a line (a course's organisations): each line held whole
        return "<td>" + "".join(f'<span class="line">{text(line)}</span>'
                                for line in shown.split("\n")) + "</td>"
    return f"<td>{text(shown)}</td>"


# A table kept whole (``keep``) is moved to the next page when it does not fit below what
# comes before it: kept only when it is short in height, at most ``_KEEP_MM`` (what twelve
# one-line rows take), so moving it leaves at most that much of a page blank. Counted in
# rows only, twelve rows of three-line cells ("Who to nominate") were kept whole and left
# the chapter's heading and opening lines alone on a page.
_KEEP_MM = 80.0
_ROW_MM, _LINE_MM, _HEADER_MM = 2.0, 3.7, 8.0  # a row's padding, an 8 pt line, the header
_BODY_MM, _CHAR_MM = 178.0, 1.5  # a portrait page's text width; an average character at 8 pt


def _short(block: Table) -> bool:
    """Whether ``block`` is short enough to be kept on one page: its height estimated from
    the lines its cells wrap to in their columns' widths."""
    total = sum(c.width for c in block.columns) or 1
    chars = [max(4.0, (_BODY_MM * c.width / total - 3.0) / _CHAR_MM) for c in block.columns]
    height = _HEADER_MM
    for row in [*block.rows, *([block.total] if block.total else [])]:
        lines = max((sum(max(1, math.ceil(len(part) / per)) for part in str(v).split("\n"))
                     for v, per in zip(row, chars, strict=True)), default=1)
        height += _ROW_MM + lines * _LINE_MM
    return height <= _KEEP_MM


def _table(block: Table, text: Text = esc) -> str:
    header = any(c.label for c in block.columns)
    total = sum(c.width for c in block.columns)
    classes = "data" + (" small" if len(block.columns) > 6 else "") + ("" if header else " facts")
    classes += " keep" if _short(block) else ""
    cols = "".join(f'<col style="width: {100 * c.width / total:.1f}%">' for c in block.columns)
    out = [f'<table class="{classes}"><colgroup>{cols}</colgroup>']
    if header:
        out.append("<thead><tr>" + "".join(
            f'<th{" class=num" if c.kind != "text" else ""}>{text(c.label)}</th>'
            for c in block.columns) + "</tr></thead>")
    out.append("<tbody>")
    for row in block.rows:
        out.append("<tr>" + "".join(_cell(v, c.kind, text)
                                    for v, c in zip(row, block.columns, strict=True)) + "</tr>")
    if block.total:
        out.append('<tr class="total">' + "".join(
            _cell(v, c.kind, text) for v, c in zip(block.total, block.columns, strict=True))
            + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)
