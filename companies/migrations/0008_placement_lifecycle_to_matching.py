"""Interview evaluations, hires and incentive claims move to the matching app.

Only Django's model state changes here: the tables and their rows stay, and
matching/0007_placement_lifecycle_from_companies takes them over.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("companies", "0007_incentive_claim_refiling"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="IncentiveClaim"),
                migrations.DeleteModel(name="HireConfirmation"),
                migrations.DeleteModel(name="CandidateEvaluation"),
            ],
            database_operations=[],
        ),
    ]
