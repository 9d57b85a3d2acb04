from django.apps import AppConfig
from django.utils.translation import pgettext_lazy

from applicants.dashboard import register_section
from applicants.facts import register_fact_source, register_training_source
from applicants.next_steps import register_next_step
from womenup.kpi import register_metric
from womenup.plugins import register_demo_loader
from womenup.privacy.retention import register_activity_source, register_anonymiser


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = pgettext_lazy("admin app", "교육과정")

    def ready(self) -> None:
        from courses import admin_home, dashboard, demo, kpi, next_steps, retention, selectors

        register_fact_source(selectors.completed_course_facts, absent=selectors.NO_COMPLETED_COURSE)
        register_training_source(selectors.completed_course_trainings)
        register_section(20, dashboard.applicant_section)
        register_next_step("courses.Enrollment", next_steps.enrollment_next_step)
        register_section(4, dashboard.centre_requests_section)
        register_section(5, dashboard.counselling_section)
        register_demo_loader(10, demo.load)
        register_metric("courses", kpi.outcomes_table, order=30)
        register_metric("counselling", kpi.counselling_table, order=35)
        register_activity_source(retention.course_activity)
        register_anonymiser(10, retention.enrollment_anonymise)
        register_activity_source(retention.counselling_activity)
        register_anonymiser(11, retention.counselling_notes_anonymise)
        admin_home.register()
