from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliveryConfig(AppConfig):
    name = "govcap.delivery"
    label = "delivery"
    verbose_name = _("Delivery")

    def ready(self) -> None:
        # models are importable only once the apps are ready
        from govcap.delivery import carried, history, plan_side, privacy
        from govcap.planning import committed, delivered, inputs_db

        privacy.register()
        # the next round's plan reads what was delivered, not only what was planned
        inputs_db.read_deliveries_with(history.courses_of)
        delivered.read_with(plan_side.deliveries_of)  # planned vs delivered, on the plan page
        # a new version keeps the courses under way; approving it carries their deliveries
        committed.read_with(carried.committed_of, carried.carry_over)
