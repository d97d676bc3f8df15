"""A translator's comment never hides the string it is about (issue 15: the session header's
"8 of 8 sections rated" stayed English in French and Arabic). makemessages turns a template
into Python for xgettext, and a `{% comment %}Translators: …{% endcomment %}` followed by the
string on the same line becomes `# Translators: … ngettext(…)`: the call is inside the
comment, so the string never reaches the catalogues and no translator sees it. The comment
goes on the line before the string."""

from __future__ import annotations

import re
from pathlib import Path

from django.conf import settings
from django.utils.translation.template import templatize

PACKAGE = Path(settings.LOCALE_PATHS[0]).parent
SWALLOWED = re.compile(r"#.*\b(?:n?gettext|pgettext|npgettext)\(")


def test_no_translatable_string_is_inside_a_translators_comment():
    swallowed = []
    for path in sorted(PACKAGE.rglob("templates/**/*.html")):
        for number, line in enumerate(templatize(path.read_text(), origin=str(path))
                                      .splitlines(), 1):
            if SWALLOWED.search(line):
                swallowed.append(f"{path.relative_to(PACKAGE)}:{number}")
    assert swallowed == []
