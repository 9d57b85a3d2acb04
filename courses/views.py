"""Public course pages: the catalogue, a course with her eligibility, applying and withdrawing;
her QR check-in and check-out."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from applicants.decorators import applicant_required
from applicants.selectors import profile_for_user
from applicants.services import profile_ensure
from courses import selectors, services
from courses.forms import ApplyForm, CatalogueFilterForm
from courses.models import Enrollment
from womenup.forms import add_service_errors

PAGE_SIZE = 20
OUTCOME_MESSAGES = {
    Enrollment.Status.ENROLLED: gettext_lazy(
        "선발되었습니다. 내 신청 현황에서 확인할 수 있습니다."
    ),
    Enrollment.Status.WAITLISTED: gettext_lazy(
        "정원이 차서 대기자로 등록되었습니다 (대기 %(position)s번)."
    ),
    Enrollment.Status.APPLIED: gettext_lazy(
        "신청이 접수되었습니다. 운영기관의 선발 결과를 기다려 주세요."
    ),
}


def catalogue(request):
    form = CatalogueFilterForm(request.GET or None)
    courses = selectors.courses_for_catalogue(on=timezone.localdate(), **form.filters())
    page = Paginator(courses, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "courses/catalogue.html", {"form": form, "page": page})


def detail(request, code: str):
    return _render_detail(
        request, get_object_or_404(selectors.course_for_public(code, on=timezone.localdate()))
    )


def _render_detail(request, course, form: ApplyForm | None = None, status: int = 200):
    context = {"course": course, "today": timezone.localdate()}
    if request.user.is_authenticated and request.user.is_applicant:
        profile = profile_for_user(request.user)
        enrollment = selectors.enrollment_for_course(profile, course)
        context["enrollment"] = enrollment
        context["can_withdraw"] = enrollment is not None and enrollment.status in Enrollment.OPEN
        context["verdict"] = selectors.course_eligibility(course, profile, on=context["today"])
        context["form"] = form or ApplyForm(action=reverse("courses:apply", args=[course.code]))
    return render(request, "courses/detail.html", context, status=status)


@applicant_required
@require_POST
def apply(request, code: str):
    course = get_object_or_404(selectors.course_for_public(code, on=timezone.localdate()))
    form = ApplyForm(request.POST, action=reverse("courses:apply", args=[course.code]))
    if not form.is_valid():
        return _render_detail(request, course, form=form, status=400)
    profile = profile_ensure(user=request.user)
    try:
        enrollment = services.enrollment_apply(
            course=course, applicant=profile, motivation=form.cleaned_data["motivation"]
        )
    except ValidationError as error:
        add_service_errors(form, error)
        return _render_detail(request, course, form=form, status=400)
    position = selectors.enrollment_for_course(profile, course).waitlist_position
    messages.success(request, OUTCOME_MESSAGES[enrollment.status] % {"position": position})
    return redirect("courses:detail", code=course.code)


@applicant_required
def withdraw(request, code: str):
    profile = profile_for_user(request.user)
    open_enrollments = selectors.enrollments_for_applicant(profile).filter(
        status__in=Enrollment.OPEN
    )
    enrollment = get_object_or_404(open_enrollments, course__code=code)
    if request.method == "POST":
        try:
            services.enrollment_withdraw(enrollment=enrollment)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
            return redirect("courses:detail", code=code)
        messages.success(
            request, _("%(course)s 신청을 취소했습니다.") % {"course": enrollment.course}
        )
        return redirect("applicants:dashboard")
    return render(request, "courses/withdraw_confirm.html", {"enrollment": enrollment})


CHECK_ACTIONS = {
    "check_in": (
        services.attendance_check_in,
        gettext_lazy("%(time)s에 입실했습니다 (%(status)s)."),
    ),
    "check_out": (
        services.attendance_check_out,
        gettext_lazy("%(time)s에 퇴실했습니다 (%(status)s)."),
    ),
}


@applicant_required
def attendance_check(request, token: str):
    """The page the day's QR code opens on her phone: her mark today, and 입실 or 퇴실."""
    profile = profile_ensure(user=request.user)
    errors: list[str] = []
    if request.method == "POST":
        action = CHECK_ACTIONS.get(request.POST.get("action", ""))
        if action is None:
            errors = [_("입실 또는 퇴실 버튼을 눌러 주세요.")]
        else:
            service, done = action
            try:
                row = service(token=token, applicant=profile)
            except ValidationError as error:
                errors = error.messages
            else:
                moment = row.checked_out_at or row.checked_in_at
                messages.success(
                    request,
                    done
                    % {
                        "time": timezone.localtime(moment).strftime("%H:%M"),
                        "status": row.get_status_display(),
                    },
                )
                return redirect("courses:attendance-check", token=token)
    scan = selectors.attendance_scan(token, profile, now=timezone.now())
    context = {
        "scan": scan,
        "errors": errors or scan.errors,
        "grace_minutes": settings.ATTENDANCE_GRACE_MINUTES,
    }
    return render(request, "courses/attendance_check.html", context, status=400 if errors else 200)
