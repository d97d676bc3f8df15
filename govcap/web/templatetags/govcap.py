from django import template
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def get(mapping, key):
    """`mapping|get:key` — a dictionary lookup with a variable key."""
    try:
        return mapping.get(key)
    except AttributeError:
        return None


@register.filter
def t(text):
    """An instrument string, marked when it fell back to English for want of a translation."""
    if getattr(text, "fallback", False):
        return format_html(
            '<span class="fallback" lang="{}">{}</span><span class="fallback-mark" '
            'title="{}">{}</span>',
            text.lang, str(text), _("Not translated yet: shown in English"), text.lang.upper(),
        )
    return text
