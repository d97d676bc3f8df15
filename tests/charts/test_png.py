from __future__ import annotations

import struct

from govcap.charts.data import SectionLevel
from govcap.charts.png import heatmap_png, level_profile_png

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def size(png: bytes) -> tuple[int, int]:
    assert png.startswith(PNG_SIGNATURE)
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def test_the_profile_png_is_a_png() -> None:
    png = level_profile_png(
        [
            SectionLevel("agile", "2. Incorporating a distributed leadership perspective", 2),
            SectionLevel("policy-influence", "6. Policy <&>", None),
        ],
        "Profile & <title>",
        {"agile": 3},
        dpi=60,
    )
    width, height = size(png)
    assert width > 200 and height > 100


def test_the_heatmap_png_grows_with_rows() -> None:
    columns = ["1. Systems", "2. Leadership", "3. Projects"]
    small = heatmap_png(["A"], columns, [[1, 2, None]], "H", dpi=40)
    names = ["وزارة الاتصالات", "<script>", *[f"Org {i}" for i in range(10)]]
    tall = heatmap_png(names, columns, [[3, None, 1]] * len(names), "H", dpi=40)
    assert size(tall)[1] > size(small)[1]
