"""A role never gets more active placements than its seats: a PostgreSQL constraint trigger.

The weekly batch also locks the roles it matches; this holds for every other writer too. On the
embedded SQLite fallback (development only) the trigger is not installed.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION matching_placement_within_seats() RETURNS trigger AS $$
DECLARE
    role_seats integer;
    taken integer;
BEGIN
    IF NEW.status = 'cancelled' THEN
        RETURN NEW;
    END IF;
    SELECT seats INTO role_seats FROM companies_role WHERE id = NEW.role_id FOR UPDATE;
    SELECT count(*) INTO taken FROM matching_placement
        WHERE role_id = NEW.role_id AND status <> 'cancelled' AND id IS DISTINCT FROM NEW.id;
    IF taken >= role_seats THEN
        RAISE EXCEPTION 'role % has no free seat (% of % taken)', NEW.role_id, taken, role_seats
            USING ERRCODE = 'check_violation', CONSTRAINT = 'placement_within_role_seats';
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS placement_within_role_seats ON matching_placement;
CREATE TRIGGER placement_within_role_seats
    BEFORE INSERT OR UPDATE OF status, role_id ON matching_placement
    FOR EACH ROW EXECUTE FUNCTION matching_placement_within_seats();
"""

DROP = """
DROP TRIGGER IF EXISTS placement_within_role_seats ON matching_placement;
DROP FUNCTION IF EXISTS matching_placement_within_seats();
"""


def install(apps, schema_editor):
    """Idempotent: the test suite re-runs data steps after flushing tables."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0005_weekly_batch_schedule"),
        ("companies", "0001_initial"),
    ]
    operations = [migrations.RunPython(install, uninstall)]
