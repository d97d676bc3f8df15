"""Amounts as people read them — the one formatting of money, for the plan pages and the
plan documents (DOCX, PDF) and the number format of the XLSX.

Amounts are whole cents of the plan's currency. English writes ``USD 12,345.67``; French
``12 345,67 USD`` (narrow no-break space between thousands, no-break space before the code).
"""

from __future__ import annotations


def format_money(cents: int, currency: str, language: str = "en") -> str:
    """``USD 12,345.00`` in English, ``12 345,00 USD`` in French."""
    sign = "-" if cents < 0 else ""
    units, rest = divmod(abs(cents), 100)
    if language == "fr":
        return f"{sign}{units:,}".replace(",", "\u202f") + f",{rest:02d}\u00a0{currency}"
    return f"{currency}\u00a0{sign}{units:,}.{rest:02d}"


def spreadsheet_format(currency: str, language: str = "en") -> str:
    """The same layout as a spreadsheet number format (the code placed as `format_money`)."""
    code = "".join(ch for ch in currency if ch.isalnum())[:3] or "USD"
    return f'#,##0.00 "{code}"' if language == "fr" else f'"{code}" #,##0.00'
