# The portal's image: web (gunicorn), worker and beat all run from it.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=womenup.settings.production

WORKDIR /app
RUN apt-get update \
    && apt-get install -y --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

COPY pyproject.toml ./
COPY womenup ./womenup
COPY applicants ./applicants
COPY companies ./companies
COPY courses ./courses
COPY matching ./matching
RUN pip install --no-cache-dir .

COPY . .
# Static files are collected into the image (hashed names, compressed; WhiteNoise serves them).
# The values below exist only for this build step; the running container gets the real ones.
RUN DJANGO_SECRET_KEY=build-only DJANGO_ALLOWED_HOSTS=localhost \
    MFA_ENCRYPTION_KEY=YnVpbGQtb25seS1ub3QtYS1zZWNyZXQtMzItYnl0ZXM= \
    python manage.py collectstatic --noinput

RUN useradd --create-home --uid 1000 womenup && mkdir -p /app/media && chown womenup /app/media
USER womenup
EXPOSE 8000
CMD ["gunicorn", "womenup.wsgi", "--bind", "0.0.0.0:8000", "--workers", "3", "--threads", "4"]
