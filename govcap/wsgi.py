import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "govcap.settings")
application = get_wsgi_application()

# Only for bench/load.py (GOVCAP_BENCH_CEILINGS=1): see govcap/web/bench_ceilings.py.
from govcap.web.bench_ceilings import mounted  # noqa: E402

application = mounted(application)
