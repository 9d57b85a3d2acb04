"""A completed portal course is its enrollment: CompletedTraining.course goes.

Rows naming a portal course whose enrollment for that applicant is completed repeat the
enrollment and are deleted. Any other row keeps what it said as free text: the course title
(and institution) are copied into the row before the link is dropped.
"""

from django.db import migrations, models


def trainings_to_free_text(apps, schema_editor):
    CompletedTraining = apps.get_model("applicants", "CompletedTraining")
    Enrollment = apps.get_model("courses", "Enrollment")
    if not any(field.name == "course" for field in CompletedTraining._meta.fields):
        return  # re-run on today's models (tests re-seed after a flush): nothing to convert
    linked = CompletedTraining.objects.filter(course__isnull=False).select_related(
        "course__institution"
    )
    for training in linked.iterator():
        completed = Enrollment.objects.filter(
            course_id=training.course_id, applicant_id=training.profile_id, status="completed"
        ).exists()
        if completed:
            training.delete()
            continue
        training.title = training.title or training.course.title[:150]
        training.institution = training.institution or training.course.institution.name[:120]
        training.save(update_fields=["title", "institution"])


class Migration(migrations.Migration):
    dependencies = [
        ("applicants", "0003_journey"),
        ("courses", "0005_follow_up_reminder_schedule"),
    ]

    operations = [
        migrations.RunPython(trainings_to_free_text, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name="completedtraining", name="training_names_a_course_or_a_title"
        ),
        migrations.RemoveField(model_name="completedtraining", name="course"),
        migrations.AlterField(
            model_name="completedtraining",
            name="title",
            field=models.CharField(max_length=150, verbose_name="교육명"),
        ),
        migrations.AddConstraint(
            model_name="completedtraining",
            constraint=models.CheckConstraint(
                condition=models.Q(("title", ""), _negated=True), name="training_has_a_title"
            ),
        ),
    ]
