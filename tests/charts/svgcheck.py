"""What every govcap SVG must satisfy, as one reusable check."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

NS = "{http://www.w3.org/2000/svg}"
FORBIDDEN_TAGS = {"style", "script", "foreignObject", "image", "use", "a", "iframe", "link"}


def local(tag: str) -> str:
    return tag.split("}", 1)[-1]


def parse(markup: str) -> ET.Element:
    return ET.fromstring(markup)


def texts(root: ET.Element) -> list[str]:
    """Visible text of each <text> element, with bidi embedding marks removed."""
    return [
        (el.text or "").replace("\u202b", "").replace("\u202c", "") for el in root.iter(f"{NS}text")
    ]


def titles(root: ET.Element) -> list[str]:
    return [el.text or "" for el in root.iter(f"{NS}title")]


def assert_csp_safe_and_accessible(markup: str) -> ET.Element:
    root = parse(markup)
    assert local(root.tag) == "svg"
    links = [e for e in root.iter() if local(e.tag) == "a"]
    assert root.get("role") == ("group" if links else "img")  # links may not sit in an image
    ids = {el.get("id") for el in root.iter() if el.get("id")}
    labelled = (root.get("aria-labelledby") or "").split()
    assert len(labelled) == 2 and all(ref in ids for ref in labelled)
    first, second = list(root)[:2]
    assert (local(first.tag), local(second.tag)) == ("title", "desc")
    assert [first.get("id"), second.get("id")] == labelled
    assert (first.text or "").strip() and (second.text or "").strip()
    for el in root.iter():
        if local(el.tag) == "a":  # the one link a chart may hold: a path of this site
            href = el.attrib.pop("href")
            assert re.fullmatch(r"/(?!/)[A-Za-z0-9/_.~%?=&-]*", href), href
            assert not el.attrib, el.attrib
        assert local(el.tag) not in FORBIDDEN_TAGS - {"a"}, el.tag
        for name, value in el.attrib.items():
            bare = local(name).lower()
            assert bare != "style", f"style attribute on <{local(el.tag)}>"
            assert not bare.startswith("on"), f"event handler {name} on <{local(el.tag)}>"
            assert "href" not in bare and bare != "src"
            assert "javascript:" not in value.lower()
            for ref in re.findall(r"url\(([^)]*)\)", value):
                assert ref.startswith("#") and ref[1:] in ids, f"non-local reference {ref}"
        # text only where a reader expects it: no stray strings between elements
        if local(el.tag) not in ("text", "title", "desc"):
            assert not (el.text or "").strip(), f"stray text in <{local(el.tag)}>: {el.text!r}"
        assert not (el.tail or "").strip(), f"stray text after <{local(el.tag)}>: {el.tail!r}"
    assert "<style" not in markup and "<script" not in markup
    assert "http" not in markup.replace('xmlns="http://www.w3.org/2000/svg"', "")
    return root
