"""Module codes in running text stay on one line (a right-to-left page broke "(CHG-" / "901)")."""

from govcap.web.templatetags.govcap import codes


def test_each_module_code_is_kept_whole_and_the_rest_escaped():
    html = codes('Plan CHG-901 instead of CHG-101 <b>"now"</b>')
    assert html == ('Plan <span class="code">CHG-901</span> instead of '
                    '<span class="code">CHG-101</span> &lt;b&gt;&quot;now&quot;&lt;/b&gt;')


def test_text_without_codes_is_only_escaped():
    assert codes("2025-05-06 & KE 2026.1") == "2025-05-06 &amp; KE 2026.1"
