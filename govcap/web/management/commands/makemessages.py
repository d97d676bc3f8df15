"""``makemessages`` that also collects the plan documents' plural messages.

``govcap.reports.labels`` marks a message with plural forms as ``plural_noop(singular,
plural)``: the same role as ``ngettext_lazy`` without a number, which xgettext must be told; and ``in_context(context, message)``, the
role of ``pgettext_lazy``.
"""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    xgettext_options = [*makemessages.Command.xgettext_options, "--keyword=plural_noop:1,2",
                       "--keyword=in_context:1c,2"]
