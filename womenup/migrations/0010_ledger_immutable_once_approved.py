"""An approved ledger row never changes and is never deleted, and no row's derived values
(kind, programme, month, amount, evidence, rate, basis, what it corrects) change after it is
written: a PostgreSQL trigger, so this holds for every writer, not only the services.

On the embedded SQLite fallback (development only) the trigger is not installed.
"""

from django.db import migrations

CREATE = """
CREATE OR REPLACE FUNCTION womenup_ledger_entry_immutable() RETURNS trigger AS $$
BEGIN
    IF OLD.status = 'approved' THEN
        RAISE EXCEPTION 'ledger entry % is approved and cannot change', OLD.id
            USING ERRCODE = 'restrict_violation', CONSTRAINT = 'ledger_approved_is_immutable';
    END IF;
    IF TG_OP = 'UPDATE' AND (
        NEW.kind, NEW.program_id, NEW.month, NEW.amount_krw, NEW.source_type_id, NEW.source_id,
        NEW.rate_id, NEW.basis, NEW.corrects_id, NEW.reason, NEW.created_at, NEW.created_by_id
    ) IS DISTINCT FROM (
        OLD.kind, OLD.program_id, OLD.month, OLD.amount_krw, OLD.source_type_id, OLD.source_id,
        OLD.rate_id, OLD.basis, OLD.corrects_id, OLD.reason, OLD.created_at, OLD.created_by_id
    ) THEN
        RAISE EXCEPTION 'ledger entry % is derived and cannot be edited', OLD.id
            USING ERRCODE = 'restrict_violation', CONSTRAINT = 'ledger_derived_is_immutable';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

DROP TRIGGER IF EXISTS ledger_entry_immutable ON womenup_ledgerentry;
CREATE TRIGGER ledger_entry_immutable
    BEFORE UPDATE OR DELETE ON womenup_ledgerentry
    FOR EACH ROW EXECUTE FUNCTION womenup_ledger_entry_immutable();
"""

DROP = """
DROP TRIGGER IF EXISTS ledger_entry_immutable ON womenup_ledgerentry;
DROP FUNCTION IF EXISTS womenup_ledger_entry_immutable();
"""


def install(apps, schema_editor):
    """Idempotent: the test suite re-runs data steps after flushing tables."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE, params=None)


def uninstall(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP, params=None)


class Migration(migrations.Migration):
    dependencies = [("womenup", "0009_payment_ledger")]
    operations = [migrations.RunPython(install, uninstall)]
