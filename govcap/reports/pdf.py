"""The document model as PDF: HTML from ``templates/plan.html`` + ``plan.css``, WeasyPrint.

Every text is HTML-escaped; charts are inline SVG images (``data:`` URLs). The URL fetcher
serves only the template folder and ``data:`` URLs, so rendering never reaches the
network, whatever a name or a note contains.
"""

from __future__ import annotations

import base64
import html
from pathlib import Path
from string import Template
from urllib.parse import unquote, urlparse

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
    return html.escape(plain_text(value), quote=True)


def render_html(doc: Document) -> str:
    if doc.kind == "brief":
        return _brief_html(doc)
    template = Template((TEMPLATES / "plan.html").read_text(encoding="utf-8"))
    cover = "".join(f"<tr><th>{esc(k)}</th><td>{esc(v)}</td></tr>" for k, v in doc.cover)
    subtitle = f'<p class="cover-subtitle">{esc(doc.subtitle)}</p>' if doc.subtitle else ""
    return template.substitute(
        lang=esc(doc.language), title=esc(doc.title), subtitle=subtitle, cover=cover,
        cover_note=esc(doc.cover_note), footer=esc(doc.footer),
        footer_short=esc(doc.cover[0][1] if doc.cover else ""), page_label=esc(doc.page_label),
        watermark=esc(doc.watermark),
        chapters="\n".join(_chapter(s) for s in doc.sections))


def _brief_html(doc: Document) -> str:
    """One page: the title and the facts at the top, then the text, no cover."""
    template = Template((TEMPLATES / "brief.html").read_text(encoding="utf-8"))
    note = f'<p class="cover-note">{esc(doc.cover_note)}</p>' if doc.cover_note else ""
    return template.substitute(
        lang=esc(doc.language), title=esc(doc.sections[0].heading),
        facts=esc(doc.subtitle), note=note, footer=esc(doc.footer),
        page_label=esc(doc.page_label), watermark=esc(doc.watermark),
        body=_blocks(doc.sections[0]))


def render_pdf(doc: Document) -> bytes:
    from weasyprint import HTML

    page = HTML(string=render_html(doc), base_url=TEMPLATES.as_uri() + "/",
                url_fetcher=local_fetcher())
    # PDF/UA-1: a tagged structure (headings, lists, tables, figures with their alt text)
    # that screen readers follow, the document's language and title in its metadata.
    pdf: bytes = page.write_pdf(pdf_variant="pdf/ua-1", custom_metadata=True)
    return pdf


def _chapter(section: Section) -> str:
    return "\n".join([f'<section class="chapter{" wide" if section.wide else ""}" '
                      f'id="{esc(section.key)}">',
                      f"<h1>{section.number}. {esc(section.heading)}</h1>",
                      _blocks(section), "</section>"])


def _blocks(section: Section) -> str:
    parts: list[str] = []
    for block in section.blocks:
        if isinstance(block, Heading):
            new_page = ' class="new-page"' if block.new_page else ""
            parts.append(f"<h{block.level}{new_page}>{esc(block.text)}</h{block.level}>")
        elif isinstance(block, Para):
            parts.append(f'<p class="{esc(block.kind)}">{esc(block.text)}</p>')
        elif isinstance(block, Bullets):
            parts.append("<ul>" + "".join(f"<li>{esc(i)}</li>" for i in block.items) + "</ul>")
        elif isinstance(block, Table):
            parts.append(_table(block))
        elif isinstance(block, Figure):
            for svg in draw(block.kind, block.data, "svg"):
                data = base64.b64encode(svg).decode("ascii")
                parts.append(f'<figure><img src="data:image/svg+xml;base64,{data}" '
                             f'alt="{esc(block.caption)}"></figure>')
    return "\n".join(parts)


def _cell(value: Cell, kind: str) -> str:
    number = kind != "text" or isinstance(value, Money)
    text = f"{value:.2f}" if isinstance(value, float) else str(value)
    return f'<td class="num">{esc(text)}</td>' if number else f"<td>{esc(text)}</td>"


def _table(block: Table) -> str:
    header = any(c.label for c in block.columns)
    total = sum(c.width for c in block.columns)
    classes = "data" + (" small" if len(block.columns) > 6 else "") + ("" if header else " facts")
    classes += " keep" if len(block.rows) <= 12 else ""
    cols = "".join(f'<col style="width: {100 * c.width / total:.1f}%">' for c in block.columns)
    out = [f'<table class="{classes}"><colgroup>{cols}</colgroup>']
    if header:
        out.append("<thead><tr>" + "".join(
            f'<th{" class=num" if c.kind != "text" else ""}>{esc(c.label)}</th>'
            for c in block.columns) + "</tr></thead>")
    out.append("<tbody>")
    for row in block.rows:
        out.append("<tr>" + "".join(_cell(v, c.kind) for v, c in zip(row, block.columns,
                                                                      strict=True)) + "</tr>")
    if block.total:
        out.append('<tr class="total">' + "".join(
            _cell(v, c.kind) for v, c in zip(block.total, block.columns, strict=True)) + "</tr>")
    out.append("</tbody></table>")
    return "".join(out)
