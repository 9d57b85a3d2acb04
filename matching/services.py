"""Writes of the application side: an applicant's internship application and her answers.

Screening, shortlisting and matching (the weekly batch) live beside these and never change an
application that is still editable: draft or submitted without a screening result.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from applicants.models import ApplicantProfile
from applicants.selectors import applicant_facts, missing_required_consents, profile_missing_items
from companies.models import Role
from matching import selectors
from matching.models import ApplicationChoice, InternshipApplication, InterviewInvitation
from womenup.models import IntakeWindow
from womenup.programs.eligibility.reasons import render_all
from womenup.services import notification_queue_for_user


def _editable_or_refuse(application: InternshipApplication) -> None:
    if application.status == InternshipApplication.Status.WITHDRAWN:
        raise ValidationError(_("취소한 신청입니다. 다시 지원하려면 직무를 새로 담아 주세요."))
    if not selectors.is_editable(application):
        raise ValidationError(
            "주간 서류심사가 시작되어 더 이상 수정하거나 취소할 수 없습니다. "
            "문의는 서울우먼업 담당자에게 해 주세요."
        )


def _locked(application: InternshipApplication) -> InternshipApplication:
    return InternshipApplication.objects.select_for_update().get(pk=application.pk)


@transaction.atomic
def application_create(
    *, applicant: ApplicantProfile, intake: IntakeWindow
) -> InternshipApplication:
    """Her one application of the intake: created as a draft, or reopened if she withdrew it."""
    if not intake.is_open_on(timezone.localdate()):
        raise ValidationError(_("%(intake)s의 접수 기간이 아닙니다.") % {"intake": intake})
    application, created = InternshipApplication.objects.select_for_update().get_or_create(
        applicant=applicant, intake=intake
    )
    if application.status == InternshipApplication.Status.WITHDRAWN:
        application.status = InternshipApplication.Status.DRAFT
        application.withdrawn_at = None
        application.submitted_at = None
        application.save(update_fields=["status", "withdrawn_at", "submitted_at", "updated_at"])
    return application


def _roles_check(application: InternshipApplication, roles: Sequence[Role]) -> None:
    limit = settings.INTERNSHIP_MAX_CHOICES
    if len(roles) > limit:
        raise ValidationError(
            _("지망 직무는 최대 %(limit)d개까지 고를 수 있습니다.") % {"limit": limit}
        )
    if len({role.pk for role in roles}) != len(roles):
        raise ValidationError(_("같은 직무를 두 번 고를 수 없습니다."))
    open_ids = set(
        selectors.open_roles().filter(pk__in=[r.pk for r in roles]).values_list("pk", flat=True)
    )
    for role in roles:
        if role.pk not in open_ids:
            raise ValidationError(
                _("'%(title)s' 직무는 지금 모집 중이 아닙니다.") % {"title": role.title}
            )
        if role.program_id != application.intake.program_id:
            raise ValidationError(
                _(
                    "'%(title)s' 직무는 %(program)s 모집 직무가 아닙니다. "
                    "사업별로 따로 신청해 주세요."
                )
                % {"title": role.title, "program": application.intake.program.name}
            )
    gates = selectors.role_gates(roles, applicant_facts(application.applicant))
    for role in roles:
        if not gates[role.pk].allowed:
            raise ValidationError(
                _("'%(title)s' 직무에 지원할 수 없습니다: %(reasons)s")
                % {"title": role.title, "reasons": " ".join(render_all(gates[role.pk].reasons))}
            )


@transaction.atomic
def choices_set(
    *, application: InternshipApplication, roles: Sequence[Role]
) -> list[ApplicationChoice]:
    """Replace her ranked choices: ``roles[0]`` is her first choice."""
    application = _locked(application)
    _editable_or_refuse(application)
    roles = list(roles)
    _roles_check(application, roles)
    if application.status == InternshipApplication.Status.SUBMITTED and not roles:
        raise ValidationError(
            "제출한 신청에는 지망 직무가 하나 이상 있어야 합니다. 모두 빼려면 신청을 취소해 주세요."
        )
    application.choices.all().delete()
    choices = ApplicationChoice.objects.bulk_create(
        ApplicationChoice(application=application, role=role, rank=rank)
        for rank, role in enumerate(roles, start=1)
    )
    application.save(update_fields=["updated_at"])
    return choices


def _ranked_roles(application: InternshipApplication) -> list[Role]:
    choices = application.choices.select_related("role").order_by("rank")
    return [choice.role for choice in choices]


@transaction.atomic
def choice_add(*, applicant: ApplicantProfile, role: Role) -> InternshipApplication:
    """Put a role at the end of her application for the role's intake (created when needed)."""
    intake = selectors.intake_for_role(role)
    if intake is None:
        raise ValidationError(
            _("'%(title)s' 직무는 지금 모집 중이 아닙니다.") % {"title": role.title}
        )
    application = application_create(applicant=applicant, intake=intake)
    roles = _ranked_roles(application)
    if role in roles:
        raise ValidationError(
            _("'%(title)s' 직무는 이미 지망 목록에 있습니다.") % {"title": role.title}
        )
    choices_set(application=application, roles=[*roles, role])
    return application


@transaction.atomic
def choice_move(*, application: InternshipApplication, role: Role, offset: int) -> None:
    """Move a choice up (-1) or down (+1) in her ranking."""
    roles = _ranked_roles(application)
    index = roles.index(role)
    target = min(max(index + offset, 0), len(roles) - 1)
    roles.insert(target, roles.pop(index))
    choices_set(application=application, roles=roles)


@transaction.atomic
def choice_remove(*, application: InternshipApplication, role: Role) -> None:
    roles = [chosen for chosen in _ranked_roles(application) if chosen != role]
    choices_set(application=application, roles=roles)


@transaction.atomic
def application_submit(*, application: InternshipApplication) -> InternshipApplication:
    """Submit for the next weekly screening: needs choices, required consents and a full profile."""
    application = _locked(application)
    _editable_or_refuse(application)
    if application.status == InternshipApplication.Status.SUBMITTED:
        raise ValidationError(_("이미 제출한 신청입니다."))
    profile = application.applicant
    if missing := missing_required_consents(profile):
        raise ValidationError(
            _("제출하려면 다음 동의가 필요합니다: %(items)s.") % {"items": ", ".join(missing)}
        )
    if missing := profile_missing_items(profile):
        raise ValidationError(
            _("프로필에서 다음 항목을 채워 주세요: %(items)s.") % {"items": ", ".join(missing)}
        )
    roles = _ranked_roles(application)
    if not roles:
        raise ValidationError(_("지망 직무를 하나 이상 골라 주세요."))
    _roles_check(application, roles)
    application.status = InternshipApplication.Status.SUBMITTED
    application.submitted_at = timezone.now()
    application.save(update_fields=["status", "submitted_at", "updated_at"])
    choices = ", ".join(f"{rank}. {role.title}" for rank, role in enumerate(roles, start=1))
    notification_queue_for_user(
        user=profile.user,
        subject=_("인턴십 신청이 접수되었습니다"),
        body=_(
            "%(intake)s 신청이 접수되었습니다. 지망 직무: %(choices)s. "
            "매주 월요일 서류심사 전까지는 순위를 바꾸거나 취소할 수 있습니다."
        )
        % {"intake": application.intake, "choices": choices},
        dedupe_key=f"internship-submitted-{application.pk}-{application.submitted_at:%Y%m%d%H%M%S}",
    )
    return application


@transaction.atomic
def application_withdraw(*, application: InternshipApplication) -> InternshipApplication:
    application = _locked(application)
    _editable_or_refuse(application)
    application.status = InternshipApplication.Status.WITHDRAWN
    application.withdrawn_at = timezone.now()
    application.save(update_fields=["status", "withdrawn_at", "updated_at"])
    return application


@transaction.atomic
def invitation_respond(*, invitation: InterviewInvitation, accept: bool) -> InterviewInvitation:
    """Accept or decline an interview invitation (once)."""
    invitation = (
        InterviewInvitation.objects.select_for_update()
        .select_related("application")
        .get(pk=invitation.pk)
    )
    if invitation.status != InterviewInvitation.Status.INVITED:
        raise ValidationError(
            _("이미 응답한 면접 제안입니다 (%(status)s).")
            % {"status": invitation.get_status_display()}
        )
    if invitation.application.status == InternshipApplication.Status.WITHDRAWN:
        raise ValidationError(_("취소한 신청의 면접 제안에는 응답할 수 없습니다."))
    invitation.status = (
        InterviewInvitation.Status.ACCEPTED if accept else InterviewInvitation.Status.DECLINED
    )
    invitation.responded_at = timezone.now()
    invitation.save(update_fields=["status", "responded_at"])
    return invitation
