"""Reading an XLSForm the way the field tools do: through pyxform, into an XForm."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from pyxform.xls2xform import convert

XF = "{http://www.w3.org/2002/xforms}"


@dataclass(frozen=True)
class XForm:
    xml: str
    warnings: list[str]

    @property
    def root(self) -> ET.Element:
        return ET.fromstring(self.xml)

    def data(self) -> ET.Element:
        instance = self.root.find(f".//{XF}model/{XF}instance")
        assert instance is not None
        return instance[0]

    def leaves(self) -> list[tuple[str, ...]]:
        """Paths of the instance's leaf nodes, in document order (the tools' column order)."""
        found: list[tuple[str, ...]] = []

        def walk(node: ET.Element, path: tuple[str, ...]) -> None:
            for child in node:
                name = child.tag.removeprefix(XF)
                if len(child):
                    walk(child, (*path, name))
                else:
                    found.append((*path, name))

        walk(self.data(), ())
        return found

    def binds(self) -> dict[str, dict[str, str]]:
        return {b.attrib["nodeset"]: dict(b.attrib) for b in self.root.iter(f"{XF}bind")}

    def note_paths(self) -> set[tuple[str, ...]]:
        root = self.data().tag.removeprefix(XF)
        return {tuple(n.split("/")[2:]) for n, b in self.binds().items()
                if b.get("readonly") == "true()" and "calculate" not in b
                and n.startswith(f"/{root}/")}


def to_xform(xlsform: bytes | Path) -> XForm:
    """Convert with pyxform; ODK Validate (Java) is not run."""
    source = io.BytesIO(xlsform if isinstance(xlsform, bytes) else xlsform.read_bytes())
    warnings: list[str] = []
    result = convert(source, warnings=warnings, file_type=".xlsx")
    return XForm(result.xform, [*warnings, *(w for w in result.warnings if w not in warnings)])
