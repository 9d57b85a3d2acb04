"""The seats trigger checks a whole INSERT at once: one query per statement, not per row.

Checked row by row (``0006``), the weekly batch's one INSERT of thousands of placements counted
the role's placements once per row, on statistics taken before the stage wrote any: a plan that
grows with the square of the rows. An INSERT is now checked after the statement, over the rows it
added (a transition table): the roles they fill are locked in id order, then any role holding
more active placements than seats refuses the whole statement. An UPDATE of the status or the
role is still checked row by row, as before. On the embedded SQLite fallback (development only)
no trigger is installed.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION matching_placements_within_seats() RETURNS trigger AS $$
DECLARE
    full_role record;
BEGIN
    PERFORM 1 FROM companies_role
        WHERE id IN (SELECT role_id FROM added WHERE status <> 'cancelled')
        ORDER BY id FOR UPDATE;
    SELECT r.id, r.seats, count(*) AS taken INTO full_role
        FROM companies_role r
        JOIN matching_placement p ON p.role_id = r.id
        WHERE r.id IN (SELECT role_id FROM added WHERE status <> 'cancelled')
            AND p.status <> 'cancelled'
        GROUP BY r.id, r.seats
        HAVING count(*) > r.seats
        ORDER BY r.id
        LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'role % has no free seat (% placements for % seats)',
            full_role.id, full_role.taken, full_role.seats
            USING ERRCODE = 'check_violation', CONSTRAINT = 'placement_within_role_seats';
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS placement_within_role_seats ON matching_placement;
CREATE TRIGGER placement_within_role_seats
    BEFORE UPDATE OF status, role_id ON matching_placement
    FOR EACH ROW EXECUTE FUNCTION matching_placement_within_seats();
DROP TRIGGER IF EXISTS placements_within_role_seats ON matching_placement;
CREATE TRIGGER placements_within_role_seats
    AFTER INSERT ON matching_placement REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION matching_placements_within_seats();
"""

DROP = """
DROP TRIGGER IF EXISTS placements_within_role_seats ON matching_placement;
DROP FUNCTION IF EXISTS matching_placements_within_seats();
DROP TRIGGER IF EXISTS placement_within_role_seats ON matching_placement;
CREATE TRIGGER placement_within_role_seats
    BEFORE INSERT OR UPDATE OF status, role_id ON matching_placement
    FOR EACH ROW EXECUTE FUNCTION matching_placement_within_seats();
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
        ("matching", "0019_contract_acknowledgement"),
    ]
    operations = [migrations.RunPython(install, uninstall)]
