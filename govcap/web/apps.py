from django.apps import AppConfig
from django.db.backends.signals import connection_created


class WebConfig(AppConfig):
    name = "govcap.web"

    def ready(self) -> None:
        # app code: not before the registry is ready
        from govcap.translations import install_pseudo_locales
        from govcap.web import storage_full

        # Answerable only for a code of settings.LANGUAGES (GOVCAP_PSEUDO_LOCALES).
        install_pseudo_locales()

        connection_created.connect(storage_full.limit_sqlite_pages,
                                   dispatch_uid="govcap.web.storage_full.limit_sqlite_pages")
