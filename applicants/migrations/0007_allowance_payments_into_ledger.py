"""The job-seeking allowance's payments move into the one payment ledger (womenup.LedgerEntry).

Every AllowancePayment becomes the ledger's allowance row for its activity report and month,
with its amount, status, approver and times, then the old table goes.
"""

from django.db import migrations


def into_ledger(apps, schema_editor):
    AllowancePayment = apps.get_model("applicants", "AllowancePayment")
    LedgerEntry = apps.get_model("womenup", "LedgerEntry")
    ContentType = apps.get_model("contenttypes", "ContentType")
    payments = AllowancePayment.objects.select_related("report", "application__intake")
    if not payments.exists():
        return
    report_type, _ = ContentType.objects.get_or_create(
        app_label="applicants", model="activityreport"
    )
    for payment in payments.order_by("pk"):
        LedgerEntry.objects.get_or_create(
            kind="allowance",
            source_type=report_type,
            source_id=payment.report_id,
            month=payment.report.month,
            corrects=None,
            defaults={
                "program_id": payment.application.intake.program_id,
                "amount_krw": payment.amount_krw,
                "basis": {
                    "monthly_krw": payment.amount_krw,
                    "report_month": f"{payment.report.month:%Y-%m}",
                    "migrated_from": f"AllowancePayment #{payment.pk}",
                    "released_at": payment.created_at.isoformat(),
                },
                "status": payment.status,
                "approved_by_id": payment.approved_by_id,
                "approved_at": payment.approved_at,
            },
        )


def out_of_ledger(apps, schema_editor):
    """Back to AllowancePayment (pending rows only can leave the ledger)."""
    AllowancePayment = apps.get_model("applicants", "AllowancePayment")
    LedgerEntry = apps.get_model("womenup", "LedgerEntry")
    ActivityReport = apps.get_model("applicants", "ActivityReport")
    rows = LedgerEntry.objects.filter(kind="allowance", corrects=None)
    for entry in rows:
        report = ActivityReport.objects.get(pk=entry.source_id)
        AllowancePayment.objects.create(
            report=report,
            application_id=report.application_id,
            amount_krw=entry.amount_krw,
            status=entry.status,
            approved_by_id=entry.approved_by_id,
            approved_at=entry.approved_at,
        )


class Migration(migrations.Migration):
    dependencies = [
        ("applicants", "0006_typed_date_ranges"),
        ("womenup", "0010_ledger_immutable_once_approved"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(into_ledger, out_of_ledger),
        migrations.DeleteModel(name="AllowancePayment"),
    ]
