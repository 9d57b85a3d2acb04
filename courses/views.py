"""Public course pages: the catalogue, a course with her eligibility, applying and withdrawing;
the job-centre counsellor pages (clients, acting for them, sessions) and her claim link;
her QR check-in and check-out."""

from allauth.account import app_settings as account_settings
from allauth.account.utils import perform_login
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.forms import SetPasswordForm
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from applicants.dashboard import sections_for
from applicants.decorators import applicant_required
from applicants.forms import AllowanceApplyForm, DocumentForm, ProfileForm
from applicants.next_steps import next_step
from applicants.selectors import (
    active_proxy_consent,
    profile_for_edit,
    profile_for_user,
    profile_missing_items,
)
from applicants.services import (
    allowance_apply,
    document_upload,
    profile_ensure,
    profile_update,
    proxy_consent_record,
)
from courses import forms, selectors, services
from courses.decorators import counsellor_required
from courses.forms import ApplyForm, CatalogueFilterForm
from courses.hooks import client_actions
from courses.models import ClientRequest, Enrollment
from womenup import phones
from womenup.cache import COURSES, cached_object_or_404
from womenup.forms import add_service_errors
from womenup.models import PersonalDataAccess
from womenup.pagination import lazy_page
from womenup.privacy.downloads import private_file_response
from womenup.privacy.services import personal_data_access_record

PAGE_SIZE = 20
OUTCOME_MESSAGES = {
    Enrollment.Status.ENROLLED: gettext_lazy(
        "선발되었습니다. 개강일, 교육 장소와 준비물을 아래에서 확인하세요. 내 신청 현황에도 "
        "보입니다."
    ),
    Enrollment.Status.WAITLISTED: gettext_lazy(
        "정원이 차서 대기자로 등록되었습니다 (대기 %(position)s번). 자리가 나면 순서대로 자동 "
        "선발되고 메일로 알려 드립니다."
    ),
    Enrollment.Status.APPLIED: gettext_lazy(
        "신청이 접수되었습니다. 운영기관이 선발 결과를 정하면 메일과 내 신청 현황으로 알려 "
        "드립니다."
    ),
}


def catalogue(request):
    form = CatalogueFilterForm(request.GET or None)
    courses = selectors.courses_for_catalogue(on=timezone.localdate(), **form.filters())
    page = lazy_page(courses, PAGE_SIZE, request.GET.get("page"))  # read on a cache miss
    return render(request, "courses/catalogue.html", {"form": form, "page": page})


def detail(request, code: str):
    course = cached_object_or_404(
        (COURSES,),
        f"course:{code}",
        lambda: selectors.course_for_public(code, on=timezone.localdate()),
    )
    return _render_detail(request, course)


def _render_detail(request, course, form: ApplyForm | None = None, status: int = 200):
    context = {"course": course, "today": timezone.localdate()}
    if request.user.is_authenticated and request.user.is_applicant:
        profile = profile_for_user(request.user)
        enrollment = selectors.enrollment_for_course(profile, course)
        context["enrollment"] = enrollment
        if enrollment is not None:
            context["next_step"] = next_step(enrollment)
            context["before_start"] = (
                enrollment.status == Enrollment.Status.ENROLLED
                and context["today"] < course.starts_on
            )
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
    position = None
    if enrollment.status == Enrollment.Status.WAITLISTED:  # only that message says her place
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
            request,
            _("%(course)s 신청을 취소했습니다. 접수 기간 안에는 다시 신청할 수 있습니다.")
            % {"course": enrollment.course},
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


# --- Counsellor pages (여성새로일하기센터) ----------------------------------------------------
# Every client is looked up through the counsellor's own centres (clients_for_counsellor), so a
# client of another centre is a 404; every look at or change of her data is in the access log.


def _client(request, pk: int):
    return get_object_or_404(selectors.clients_for_counsellor(request.user), pk=pk)


def _log(request, client, action: str, what: str) -> None:
    personal_data_access_record(
        actor=request.user,
        subject=client.profile.user,
        action=action,
        target=f"상담 참여자 #{client.pk}: {what}",
        request=request,
    )


def _report(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@counsellor_required
def client_list(request):
    clients = selectors.clients_for_counsellor(request.user)
    page = Paginator(clients, PAGE_SIZE).get_page(request.GET.get("page"))
    personal_data_access_record(
        actor=request.user,
        subject=None,
        action=PersonalDataAccess.Action.VIEW,
        target="상담 참여자 목록",
        request=request,
        records=len(page.object_list),
    )
    requests = selectors.client_requests_for_counsellor(request.user)
    context = {"page": page, "requests": requests}
    return render(request, "courses/counsel/client_list.html", context)


@counsellor_required
def client_create(request):
    """Register a woman by e-mail or mobile number; one who already has an account gets the
    centre's request instead, and the counsellor sees only that it is waiting."""
    centres = list(selectors.centres_for_counsellor(request.user)[:2])
    form = forms.ClientCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            invited = services.client_invite(
                centre=centres[0],
                counsellor=request.user,
                site_url=request.build_absolute_uri("/"),
                **form.cleaned_data,
            )
        except (ValidationError, IndexError) as error:
            if isinstance(error, IndexError):
                error = ValidationError(_("소속 센터가 없습니다. 관리자에게 문의해 주세요."))
            add_service_errors(form, error)
        else:
            return _invited(request, invited)
    return render(request, "courses/counsel/client_form.html", {"form": form})


def _invited(request, invited):
    if isinstance(invited, ClientRequest):
        personal_data_access_record(
            actor=request.user,
            subject=invited.user,
            action=PersonalDataAccess.Action.CHANGE,
            target=f"상담 참여 요청 #{invited.pk}",
            request=request,
        )
        messages.success(
            request,
            _(
                "%(contact)s 은(는) 이미 가입된 계정입니다. 새 계정을 만들지 않고 본인에게 "
                "상담 참여 요청을 보냈습니다. 본인이 수락하기 전에는 정보를 볼 수 없습니다."
            )
            % {"contact": invited.contact},
        )
        return redirect("courses:client-list")
    if invited.claim_phone:
        sent = _("%(name)s님을 등록하고 계정 연결 링크를 문자로 %(phone)s 에 보냈습니다.") % {
            "name": invited.profile.name,
            "phone": phones.national(invited.claim_phone),
        }
    else:
        sent = _("%(name)s님을 등록하고 계정 연결 링크를 %(email)s 로 보냈습니다.") % {
            "name": invited.profile.name,
            "email": invited.claim_email,
        }
    messages.success(request, sent)
    return redirect("courses:client-detail", pk=invited.pk)


@counsellor_required
def client_detail(request, pk: int):
    client = _client(request, pk)
    _log(request, client, PersonalDataAccess.Action.VIEW, "상세")
    profile = client.profile
    return render(
        request,
        "courses/counsel/client_detail.html",
        {
            "client": client,
            "profile": profile,
            "consent": active_proxy_consent(profile),
            "consent_form": forms.ProxyConsentForm(),
            "sections": sections_for(profile),
            "sign_ups": selectors.sign_ups_for_client(client),
            "notes": selectors.notes_for_client(client),
            "note_form": forms.NoteForm(),
            "outcomes": selectors.outcomes_for_client(client),
            "outcome_form": forms.OutcomeForm(initial={"happened_on": timezone.localdate()}),
            "missing": profile_missing_items(profile),
            "actions": client_actions(client),
        },
    )


@counsellor_required
@require_POST
def client_consent(request, pk: int):
    client = _client(request, pk)
    form = forms.ProxyConsentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("동의 방법을 고르고, 본인이 동의했음을 확인해 주세요."))
        return redirect("courses:client-detail", pk=client.pk)
    proxy_consent_record(
        profile=client.profile, counsellor=request.user, method=form.cleaned_data["method"]
    )
    _log(request, client, PersonalDataAccess.Action.CHANGE, "대리 신청 동의 기록")
    messages.success(request, _("대리 신청 동의를 기록했습니다."))
    return redirect("courses:client-detail", pk=client.pk)


@counsellor_required
@require_POST
def client_claim_resend(request, pk: int):
    client = _client(request, pk)
    try:
        services.client_claim_resend(
            client=client, counsellor=request.user, site_url=request.build_absolute_uri("/")
        )
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("새 계정 연결 링크를 보냈습니다. 이전 링크는 쓸 수 없습니다."))
    return redirect("courses:client-detail", pk=client.pk)


@counsellor_required
def client_profile(request, pk: int):
    client = _client(request, pk)
    profile = profile_for_edit(client.profile)
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        try:
            profile_update(
                profile=profile,
                job_categories=form.cleaned_data["desired_job_categories"],
                preferred_districts=form.cleaned_data["preferred_districts"],
                filled_by=request.user,
                **form.profile_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            _log(request, client, PersonalDataAccess.Action.CHANGE, "프로필 대리 입력")
            messages.success(request, _("프로필을 대신 저장했습니다."))
            return redirect("courses:client-detail", pk=client.pk)
    else:
        _log(request, client, PersonalDataAccess.Action.VIEW, "프로필")
    return render(request, "courses/counsel/client_profile.html", {"client": client, "form": form})


@counsellor_required
def client_documents(request, pk: int):
    client = _client(request, pk)
    max_mb = settings.UPLOAD_MAX_BYTES // (1024 * 1024)
    form = DocumentForm(request.POST or None, request.FILES or None, max_mb=max_mb)
    if request.method == "POST" and form.is_valid():
        try:
            document_upload(
                profile=client.profile,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
                submitted_by=request.user,
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            _log(request, client, PersonalDataAccess.Action.CHANGE, "서류 대리 제출")
            messages.success(request, _("서류를 대신 올렸습니다."))
            return redirect("courses:client-documents", pk=client.pk)
    else:
        _log(request, client, PersonalDataAccess.Action.VIEW, "제출 서류")
    return render(
        request,
        "courses/counsel/client_documents.html",
        {"client": client, "form": form, "documents": selectors.client_documents(client)},
    )


@counsellor_required
def client_document_download(request, pk: int, document_pk: int):
    client = _client(request, pk)
    document = get_object_or_404(selectors.client_documents(client), pk=document_pk)
    _log(
        request,
        client,
        PersonalDataAccess.Action.DOWNLOAD,
        f"서류 {document.get_kind_display()} #{document.pk}",
    )
    return private_file_response(
        document.file, filename=document.original_name, content_type=document.content_type
    )


@counsellor_required
def client_course_apply(request, pk: int):
    client = _client(request, pk)
    today = timezone.localdate()
    form = forms.ClientCourseApplyForm(
        request.POST or None, courses=selectors.open_courses_for_client(on=today)
    )
    return _submit_for_client(
        request,
        client,
        form,
        submit=lambda data: services.enrollment_apply(
            course=data["course"],
            applicant=client.profile,
            motivation=data["motivation"],
            submitted_by=request.user,
        ),
        logged_as="교육과정 대리 신청",
        title=_("교육과정 대리 신청"),
        done=_("교육과정 신청서를 대신 제출했습니다."),
    )


@counsellor_required
def client_allowance_apply(request, pk: int):
    client = _client(request, pk)
    form = AllowanceApplyForm(request.POST or None)
    return _submit_for_client(
        request,
        client,
        form,
        submit=lambda data: allowance_apply(
            profile=client.profile,
            job_search_plan=data["job_search_plan"],
            submitted_by=request.user,
        ),
        logged_as="구직지원금 대리 신청",
        title=_("구직지원금 대리 신청"),
        done=_("구직지원금 신청서를 대신 제출했습니다."),
    )


def _submit_for_client(request, client, form, *, submit, logged_as: str, title, done):
    """Submit an application on her behalf through ``submit(cleaned_data)``: a refusal shows on
    the form; a submission is logged and leads back to her page."""
    if request.method == "POST" and form.is_valid():
        try:
            submit(form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            _log(request, client, PersonalDataAccess.Action.CHANGE, logged_as)
            messages.success(request, done)
            return redirect("courses:client-detail", pk=client.pk)
    context = {"client": client, "form": form, "title": title}
    return render(request, "courses/counsel/client_apply.html", context)


@counsellor_required
@require_POST
def client_note_add(request, pk: int):
    client = _client(request, pk)
    form = forms.NoteForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("상담 기록 내용을 5,000자 이내로 적어 주세요."))
        return redirect("courses:client-detail", pk=client.pk)
    try:
        services.counselling_note_add(
            client=client, author=request.user, body=form.cleaned_data["body"]
        )
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("상담 기록을 남겼습니다."))
    return redirect("courses:client-detail", pk=client.pk)


@counsellor_required
@require_POST
def client_outcome_record(request, pk: int):
    client = _client(request, pk)
    form = forms.OutcomeForm(request.POST)
    if not form.is_valid():
        for errors in form.errors.values():
            for message in errors:
                messages.error(request, message)
        return redirect("courses:client-detail", pk=client.pk)
    try:
        services.counselling_outcome_record(
            client=client, counsellor=request.user, **form.cleaned_data
        )
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("상담 성과를 기록했습니다."))
    return redirect("courses:client-detail", pk=client.pk)


@counsellor_required
def session_list(request):
    centres = list(selectors.centres_for_counsellor(request.user)[:1])
    form = forms.SessionForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and centres:
        try:
            session = services.counselling_session_create(
                centre=centres[0], counsellor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("상담 일정을 만들었습니다."))
            return redirect("courses:session-detail", pk=session.pk)
    sessions = selectors.sessions_for_counsellor(request.user)
    page = Paginator(sessions, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "courses/counsel/session_list.html", {"page": page, "form": form})


@counsellor_required
def session_detail(request, pk: int):
    session = get_object_or_404(selectors.sessions_for_counsellor(request.user), pk=pk)
    clients = selectors.clients_for_counsellor(request.user).filter(centre=session.centre)
    form = forms.SignUpForm(request.POST or None, clients=clients)
    if request.method == "POST" and form.is_valid():
        client = form.cleaned_data["client"]
        try:
            services.counselling_sign_up(session=session, client=client, actor=request.user)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            _log(request, client, PersonalDataAccess.Action.CHANGE, "상담 일정 신청")
            messages.success(request, _("%(name)s님을 신청했습니다.") % {"name": client.profile})
            return redirect("courses:session-detail", pk=session.pk)
    return render(
        request,
        "courses/counsel/session_detail.html",
        {"session": session, "sign_ups": selectors.session_sign_ups(session), "form": form},
    )


@counsellor_required
@require_POST
def sign_up_cancel(request, pk: int, sign_up_pk: int):
    session = get_object_or_404(selectors.sessions_for_counsellor(request.user), pk=pk)
    sign_up = get_object_or_404(selectors.session_sign_ups(session), pk=sign_up_pk)
    services.counselling_sign_up_cancel(sign_up=sign_up)
    messages.success(request, _("신청을 취소했습니다. 자리가 다시 열렸습니다."))
    return redirect("courses:session-detail", pk=session.pk)


def client_claim(request, token: str):
    """The woman claims the account her counsellor made: she sets her password here, and, when
    the link came by SMS, the e-mail she logs in with (confirmed by allauth before she can)."""
    client = services.client_for_claim(token)
    if client is None:
        return render(request, "courses/counsel/claim_invalid.html", status=404)
    user = client.profile.user
    by_phone = bool(client.claim_phone)
    form_class = forms.ClaimByPhoneForm if by_phone else SetPasswordForm
    initial = {"email": client.claim_email} if by_phone else None
    form = form_class(user, request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            user = services.client_claim(
                token=token,
                password=form.cleaned_data["new_password1"],
                email=form.cleaned_data.get("email", ""),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _claimed(request, user, by_phone=by_phone)
    context = {"client": client, "form": form, "email": user.email, "by_phone": by_phone}
    return render(request, "courses/counsel/claim.html", context)


def _claimed(request, user, *, by_phone: bool):
    if by_phone:  # allauth sends the confirmation mail; she logs in once she confirmed it
        return perform_login(
            request,
            user,
            email_verification=account_settings.EMAIL_VERIFICATION,
            redirect_url=reverse("applicants:dashboard"),
            signup=True,
            email=user.email,
        )
    login(request, user, backend="django.contrib.auth.backends.ModelBackend")
    messages.success(
        request,
        _("계정을 연결했습니다. 상담사가 대신 제출한 내용을 확인하고 바꿀 수 있습니다."),
    )
    return redirect("applicants:dashboard")


# --- Her side: joining a group programme of her centre ------------------------------------------


@applicant_required
@require_POST
def my_session_sign_up(request, pk: int):
    profile = profile_ensure(user=request.user)
    session = get_object_or_404(selectors.group_sessions_for_applicant(profile), pk=pk)
    client = get_object_or_404(profile.counselling_clients, centre=session.centre)
    try:
        services.counselling_sign_up(session=session, client=client, actor=request.user)
    except ValidationError as error:
        _report(request, error)
    else:
        messages.success(request, _("%(title)s에 신청했습니다.") % {"title": session.title})
    return redirect("applicants:dashboard")


@applicant_required
def my_sign_up_cancel(request, pk: int):
    """She cancels her seat in a session (confirmed first)."""
    profile = profile_ensure(user=request.user)
    sign_up = get_object_or_404(selectors.sign_ups_for_applicant(profile), pk=pk)
    if request.method == "POST":
        services.counselling_sign_up_cancel(sign_up=sign_up)
        messages.success(request, _("신청을 취소했습니다. 자리가 다시 열렸습니다."))
        return redirect("applicants:dashboard")
    return render(request, "courses/counsel/my_sign_up_cancel.html", {"sign_up": sign_up})


@applicant_required
@require_POST
def my_centre_request_answer(request, pk: int):
    """She accepts or declines a centre's request to look after her (her dashboard)."""
    centre_request = get_object_or_404(selectors.centre_requests_for_applicant(request.user), pk=pk)
    accept = request.POST.get("answer") == "accept"
    answer = services.client_request_accept if accept else services.client_request_decline
    try:
        answer(centre_request=centre_request, user=request.user)
    except ValidationError as error:
        _report(request, error)
    else:
        done = (
            _("%(centre)s의 상담 참여자가 되었습니다. 이제 센터의 상담사가 도와드릴 수 있습니다.")
            if accept
            else _("%(centre)s의 요청을 거절했습니다. 센터는 회원님의 정보를 볼 수 없습니다.")
        )
        messages.success(request, done % {"centre": centre_request.centre.name})
    return redirect("applicants:dashboard")
