from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeliveryConfig(AppConfig):
    name = "govcap.delivery"
    label = "delivery"
    verbose_name = _("Delivery")

    def ready(self) -> None:
        # models are importable only once the apps are ready
        from govcap.delivery import history, privacy
        from govcap.planning import inputs_db

        privacy.register()
        # the next round's plan reads what was delivered, not only what was planned
        inputs_db.read_deliveries_with(history.courses_of)
