"""Settings shared by every environment; deploy-time values come from the environment."""

from pathlib import Path

import environ
from csp.constants import NONE, SELF
from django.utils.translation import gettext_lazy as _

from womenup.programs.catalogue import SITE

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="dev-only-insecure-key-change-me")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1"])

INSTALLED_APPS = [
    "modeltranslation",  # before the admin, so its admin classes see the translated fields
    "womenup.apps.WomenUpAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.kakao",
    "allauth.socialaccount.providers.naver",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_celery_beat",
    "simple_history",
    "import_export",
    "phonenumber_field",
    "womenup",
    "applicants",
    "companies",
    "courses",
    "matching",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "womenup.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "womenup.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "womenup.middleware.SessionLifetimeMiddleware",
    "womenup.middleware.RecentLoginRequiredMiddleware",
    "womenup.middleware.NoStoreForPrivateResponsesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "womenup.middleware.StaffMFARequiredMiddleware",
]

ROOT_URLCONF = "womenup.urls"
WSGI_APPLICATION = "womenup.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "womenup.context_processors.navigation",
            ],
        },
    },
]

# Database: an embedded SQLite file unless DATABASE_URL names PostgreSQL.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis: the cache (rate limits need a shared one) and the Celery broker. An outage degrades,
# never breaks (DESIGN.md §7): the cache fails open after a short timeout (womenup/cache.py),
# sessions stay in the database, and the outbox keeps what the broker could not take.
REDIS_URL = env("REDIS_URL", default="")
REDIS_TIMEOUT_SECONDS = env.float("REDIS_TIMEOUT_SECONDS", default=0.5)
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "womenup.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="womenup"),
            "OPTIONS": {
                "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
                "socket_timeout": REDIS_TIMEOUT_SECONDS,
                "RETRY_AFTER": env.float("REDIS_RETRY_AFTER_SECONDS", default=5),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
SESSION_ENGINE = "django.contrib.sessions.backends.db"  # never the cache: see above

CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_TASK_ALWAYS_EAGER = env.bool(
    "CELERY_TASK_ALWAYS_EAGER", default=not (REDIS_URL or env("CELERY_BROKER_URL", default=""))
)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TIMEZONE = "Asia/Seoul"
CELERY_BEAT_SCHEDULER = "django_celery_beat.schedulers:DatabaseScheduler"
CELERY_BROKER_CONNECTION_TIMEOUT = REDIS_TIMEOUT_SECONDS
CELERY_BROKER_TRANSPORT_OPTIONS = {  # a publish gives up fast; the outbox sweep sends later
    "socket_connect_timeout": REDIS_TIMEOUT_SECONDS,
    "socket_timeout": REDIS_TIMEOUT_SECONDS,
    "max_retries": 0,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1

AUTH_USER_MODEL = "womenup.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "womenup.accounts.passwords.EmailLocalPartValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"

# django-allauth: e-mail login, mandatory verification, no user enumeration, rate limits on.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SIGNUP_FORM_CLASS = "womenup.accounts.forms.SignupForm"
ACCOUNT_ADAPTER = "womenup.accounts.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "womenup.accounts.adapters.SocialAccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
# The site's brand (one deployment per site or city; defaults: the seed catalogue's SITE). The
# portal name is in every page title and e-mail subject (allauth's and the outbox's); the
# operator is the city government whose staff verify and approve ("서울시 담당자").
PORTAL_NAME = env("PORTAL_NAME", default=SITE["portal_name"])
PORTAL_NAME_EN = env("PORTAL_NAME_EN", default=SITE["portal_name_en"])
PORTAL_OPERATOR = env("PORTAL_OPERATOR", default=SITE["operator"])
PORTAL_OPERATOR_EN = env("PORTAL_OPERATOR_EN", default=SITE["operator_en"])
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{PORTAL_NAME}] "
# The site's address for links in notifications sent by a worker (no request to ask).
PORTAL_URL = env("PORTAL_URL", default="http://127.0.0.1:8000")
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "WomenUp"

# Account takeover and lockout (DESIGN.md §7): changing an e-mail address, the password or
# two-step verification asks for the password again (valid 5 minutes); the old address is told
# of changes; an owner locked out by someone guessing her password can log in with a code
# e-mailed to her. TOTP secrets are encrypted with MFA_ENCRYPTION_KEY (any long random string;
# several, comma-separated, newest first, to rotate); empty means derived from SECRET_KEY,
# which only development and tests allow.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300
MFA_REAUTHENTICATION_REQUIRED = True
ACCOUNT_EMAIL_NOTIFICATIONS = True
ACCOUNT_LOGIN_BY_CODE_ENABLED = True
MFA_ADAPTER = "womenup.accounts.mfa.MFAAdapter"
MFA_ENCRYPTION_KEY = env("MFA_ENCRYPTION_KEY", default="")
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_PROVIDERS = {"kakao": {}, "naver": {}}

# Language and time: Korean first, English second; Seoul time.
LANGUAGE_CODE = "ko"
LANGUAGES = [("ko", _("한국어")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Catalogue data (programmes, job categories, districts, intakes, institutions, courses) has a
# Korean and an English column per text (django-modeltranslation, womenup/translation.py,
# courses/translation.py); an empty English value falls back to the Korean one.
MODELTRANSLATION_DEFAULT_LANGUAGE = "ko"
MODELTRANSLATION_LANGUAGES = ("ko", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("ko",)
MODELTRANSLATION_AUTO_POPULATE = False
TIME_ZONE = "Asia/Seoul"
USE_I18N = True
USE_TZ = True

# Phone numbers (womenup/phones.py): typed as 010-4821-7793, stored as +821048217793, shown
# in the national format wherever a number is printed.
PHONENUMBER_DEFAULT_REGION = "KR"
PHONENUMBER_DB_FORMAT = "E164"
PHONENUMBER_DEFAULT_FORMAT = "NATIONAL"

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=10 * 1024 * 1024)
CLAMD_SOCKET = env("CLAMD_SOCKET", default="")  # clamd's unix socket: uploads are scanned
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default=SITE["from_email"])
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Text limits shown with a live counter, never cut by the browser (womenup/forms.py).
FORM_RENDERER = "womenup.forms.PortalFormRenderer"
# Text messages (SMS, KakaoTalk 알림톡): a backend class like EMAIL_BACKEND; empty = none sent and
# none offered on the notification settings page (womenup/notifications/sms.py).
SMS_BACKEND = env("SMS_BACKEND", default="")
SOLAPI = {
    "api_url": env("SOLAPI_API_URL", default="https://api.solapi.com"),
    "api_key": env("SOLAPI_API_KEY", default=""),
    "api_secret": env("SOLAPI_API_SECRET", default=""),
    "sender": env("SOLAPI_SENDER", default=""),
    "kakao_pf_id": env("SOLAPI_KAKAO_PF_ID", default=""),
    "kakao_templates": env.dict("SOLAPI_KAKAO_TEMPLATES", default={}),
    "timeout_seconds": env.float("SOLAPI_TIMEOUT_SECONDS", default=10.0),
}
# The outbox tries each channel again after a failure: base × 2^(attempt − 1) seconds, at most
# the maximum, and gives up after OUTBOX_MAX_ATTEMPTS attempts (then only "retry now" in admin).
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=8)
OUTBOX_RETRY_BASE_SECONDS = env.int("OUTBOX_RETRY_BASE_SECONDS", default=60)
OUTBOX_RETRY_MAX_SECONDS = env.int("OUTBOX_RETRY_MAX_SECONDS", default=6 * 3600)

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# How many proxies of ours stand in front of the site (the TLS proxy = 1): the client address
# for the access log and per-IP rate limits is read from X-Forwarded-For behind them.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

SESSION_COOKIE_HTTPONLY = True
# Sessions end STAFF_SESSION_IDLE_SECONDS after a staff member's last request, and everyone's
# SESSION_ABSOLUTE_LIFETIME_SECONDS after log-in (womenup.middleware.SessionLifetimeMiddleware).
STAFF_SESSION_IDLE_SECONDS = env.int("STAFF_SESSION_IDLE_SECONDS", default=30 * 60)
SESSION_ABSOLUTE_LIFETIME_SECONDS = env.int("SESSION_ABSOLUTE_LIFETIME_SECONDS", default=12 * 3600)
# The language switch's cookie is read only by the server.
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Content-Security-Policy (django-csp): scripts, styles and everything else from this origin
# only, no inline script or style. Forms may also lead to the Kakao and Naver log-in pages
# (the social log-in form redirects there, and browsers apply form-action to redirects).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "img-src": [SELF, "data:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF, "https://kauth.kakao.com", "https://nid.naver.com"],
        "frame-ancestors": [NONE],
    }
}
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=()"
)

# Personal data (DESIGN.md §7): how long after a program ends personal data is kept.
PERSONAL_DATA_RETENTION_DAYS = env.int("PERSONAL_DATA_RETENTION_DAYS", default=365 * 3)
ACCESS_LOG_RETENTION_DAYS = env.int("ACCESS_LOG_RETENTION_DAYS", default=365 * 2)
# The auditor's monthly review lists a person who viewed, exported or downloaded more records
# than this in one day.
ACCESS_REVIEW_DAILY_RECORDS = env.int("ACCESS_REVIEW_DAILY_RECORDS", default=200)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
}

# Internship applications: how many ranked role choices one application may hold.
INTERNSHIP_MAX_CHOICES = env.int("INTERNSHIP_MAX_CHOICES", default=5)

# Weekly batch: interview invitations per role = open seats × this factor (DESIGN.md §5).
MATCHING_INTERVIEW_FACTOR = env.int("MATCHING_INTERVIEW_FACTOR", default=3)
# Admin home: an interview invitation still unanswered after this many days is staff work.
INTERVIEW_REPLY_OVERDUE_DAYS = env.int("INTERVIEW_REPLY_OVERDUE_DAYS", default=3)

# QR attendance: a check-in this many minutes after a session starts is still on time, and a
# check-out this many minutes before it ends is not an early leave.
ATTENDANCE_GRACE_MINUTES = env.int("ATTENDANCE_GRACE_MINUTES", default=10)
