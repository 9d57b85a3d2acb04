"""Interview evaluations, hires and incentive claims join the placement lifecycle in matching.

companies/0008 dropped the three models from its state without touching the database; here
matching takes them over in state on their existing tables (rows, constraints and indexes
stay as they are), then renames the tables to matching's names. The content types move too,
so permissions and admin history stay attached.
"""

import django.db.models.deletion
import womenup.privacy.private_files
from django.conf import settings
from django.db import migrations, models


MOVED_MODELS = ["candidateevaluation", "hireconfirmation", "incentiveclaim"]


def move_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="companies", model__in=MOVED_MODELS).update(
        app_label="matching"
    )


def move_content_types_back(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ContentType.objects.filter(app_label="matching", model__in=MOVED_MODELS).update(
        app_label="companies"
    )


class Migration(migrations.Migration):

    dependencies = [
        ('companies', '0008_placement_lifecycle_to_matching'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('matching', '0006_placement_within_seats'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='HireConfirmation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('hired_on', models.DateField(verbose_name='정규직 채용일')),
                        ('proof', models.FileField(max_length=200, upload_to=womenup.privacy.private_files.private_upload_path('company-hires', owner='company_id'), verbose_name='채용 증빙')),
                        ('proof_name', models.CharField(max_length=200, verbose_name='원래 파일 이름')),
                        ('proof_content_type', models.CharField(max_length=50, verbose_name='파일 형식')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='등록 시각')),
                        ('company', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='hires', to='companies.company')),
                        ('confirmed_by', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                        ('placement', models.OneToOneField(on_delete=django.db.models.deletion.PROTECT, related_name='hire_confirmation', to='matching.placement')),
                    ],
                    options={
                        'db_table': 'companies_hireconfirmation',
                        'verbose_name': '정규직 채용 확인',
                        'verbose_name_plural': '정규직 채용 확인',
                        'ordering': ['-created_at', 'pk'],
                    },
                ),
                migrations.CreateModel(
                    name='CandidateEvaluation',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('interview_at', models.DateTimeField(blank=True, null=True, verbose_name='면접 일시')),
                        ('interview_place', models.CharField(blank=True, max_length=200, verbose_name='면접 장소')),
                        ('video_link', models.URLField(blank=True, verbose_name='화상면접 링크')),
                        ('result', models.CharField(choices=[('pending', '결과 대기'), ('pass', '합격'), ('fail', '불합격')], default='pending', max_length=10, verbose_name='면접 결과')),
                        ('note', models.TextField(blank=True, verbose_name='메모')),
                        ('rank', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='선호 순위')),
                        ('updated_at', models.DateTimeField(auto_now=True)),
                        ('application', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='evaluations', to='matching.internshipapplication')),
                        ('role', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='evaluations', to='companies.role')),
                    ],
                    options={
                        'db_table': 'companies_candidateevaluation',
                        'verbose_name': '면접 평가',
                        'verbose_name_plural': '면접 평가',
                        'ordering': ['role_id', 'rank', 'pk'],
                        'constraints': [models.UniqueConstraint(fields=('role', 'application'), name='one_evaluation_per_role_and_application'), models.UniqueConstraint(condition=models.Q(('rank__isnull', False)), fields=('role', 'rank'), name='one_candidate_per_rank'), models.CheckConstraint(condition=models.Q(('rank__isnull', True), models.Q(('rank__gte', 1), ('result', 'pass')), _connector='OR'), name='only_passed_candidates_are_ranked')],
                    },
                ),
                migrations.CreateModel(
                    name='IncentiveClaim',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('amount_krw', models.PositiveIntegerField(default=3000000, verbose_name='금액(원)')),
                        ('status', models.CharField(choices=[('submitted', '신청'), ('approved', '승인'), ('rejected', '반려')], db_index=True, default='submitted', max_length=10, verbose_name='상태')),
                        ('decided_at', models.DateTimeField(blank=True, null=True, verbose_name='처리 시각')),
                        ('rejection_reason', models.TextField(blank=True, verbose_name='반려 사유')),
                        ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='신청 시각')),
                        ('company', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='incentive_claims', to='companies.company')),
                        ('decided_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='처리 담당자')),
                        ('hire', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='incentive_claims', to='matching.hireconfirmation')),
                    ],
                    options={
                        'db_table': 'companies_incentiveclaim',
                        'verbose_name': '고용장려금 신청',
                        'verbose_name_plural': '고용장려금 신청',
                        'ordering': ['-created_at', 'pk'],
                        'constraints': [models.CheckConstraint(condition=models.Q(('amount_krw__gt', 0)), name='incentive_amount_positive'), models.CheckConstraint(condition=models.Q(('status', 'submitted'), models.Q(('decided_at__isnull', False), ('decided_by__isnull', False)), _connector='OR'), name='incentive_decision_has_who_and_when'), models.CheckConstraint(condition=models.Q(models.Q(('status', 'rejected'), _negated=True), models.Q(('rejection_reason', ''), _negated=True), _connector='OR'), name='incentive_rejection_needs_a_reason'), models.UniqueConstraint(condition=models.Q(('status', 'rejected'), _negated=True), fields=('hire',), name='one_live_incentive_claim_per_hire')],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.AlterModelTable(name='candidateevaluation', table=None),
        migrations.AlterModelTable(name='hireconfirmation', table=None),
        migrations.AlterModelTable(name='incentiveclaim', table=None),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
