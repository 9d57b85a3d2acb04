"""Settings of ``bench/load.py``'s gunicorn: production's, with the bench-only URL module.

Only the benchmark puts ``bench/`` on the path, so the trivial view never reaches production.
"""

from womenup.settings.production import *  # noqa: F403

ROOT_URLCONF = "load_urls"
