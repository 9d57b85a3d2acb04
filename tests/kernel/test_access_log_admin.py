"""Every admin page of someone's personal data leaves the right access-log row.

City staff with two-step verification open the change form ("view"), save it ("change"), open
its history ("history") and its delete confirmation ("delete"), for every admin holding
personal data; the rows name the person whose data it is.
"""

from html.parser import HTMLParser

import pytest
from allauth.account.models import EmailAddress
from django.contrib import admin
from django.urls import reverse

from applicants.models import AllowanceApplication, ApplicantProfile
from companies.models import Company
from courses.models import Enrollment
from matching.models import InternshipApplication, ScreeningResult
from tests.factories import kernel
from tests.factories.accounts import ApplicantUserFactory, staff_with_mfa
from tests.factories.applicants import ApplicantProfileFactory, DocumentFactory, give_consents
from tests.factories.companies import CompanyFactory
from tests.factories.courses import EnrollmentFactory
from tests.factories.matching import InternshipApplicationFactory, ScreeningResultFactory
from womenup.models import OutboxMessage, PersonalDataAccess, User
from womenup.privacy.admin_mixins import PersonalDataAdminMixin

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client):
    user = staff_with_mfa()
    client.force_login(user)
    return user


def _profile():
    profile = ApplicantProfileFactory()
    give_consents(profile)
    DocumentFactory(profile=profile)
    return profile, profile.user


def _allowance():
    profile = ApplicantProfileFactory()
    intake = kernel.open_intake("seoul-allowance")
    application = AllowanceApplication.objects.create(
        profile=profile, intake=intake, job_search_plan="이력서 다듬기"
    )
    return application, profile.user


def _enrollment():
    enrollment = EnrollmentFactory()
    return enrollment, enrollment.applicant.user


def _internship_application():
    application = InternshipApplicationFactory()
    return application, application.applicant.user


def _screening_result():
    result = ScreeningResultFactory()
    return result, result.application.applicant.user


def _company():
    company = CompanyFactory(
        contact_name="김담당", contact_phone="010-1234-5678", contact_email="contact@example.kr"
    )
    return company, None


def _user():
    user = ApplicantUserFactory()
    return user, user


def _email_address():
    user = ApplicantUserFactory()
    return EmailAddress.objects.get(user=user), user


def _outbox_message():
    user = ApplicantUserFactory()
    message = OutboxMessage.objects.create(
        recipient=user, to_email=user.email, subject="면접 안내", body="박지민 님, 면접은 ..."
    )
    return message, user


# (model, how to make a record and its subject, whether admin lets staff delete it)
CASES = {
    "profile": (ApplicantProfile, _profile, True),
    "allowance": (AllowanceApplication, _allowance, True),
    "enrollment": (Enrollment, _enrollment, False),
    "internship-application": (InternshipApplication, _internship_application, False),
    "screening-result": (ScreeningResult, _screening_result, True),
    "company-contact": (Company, _company, True),
    "user": (User, _user, True),
    "email-address": (EmailAddress, _email_address, True),
    "outbox-message": (OutboxMessage, _outbox_message, True),
}


def _url(model, view: str, obj) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=[obj.pk])


def _rows():
    return list(PersonalDataAccess.objects.order_by("pk"))


class _FormValues(HTMLParser):
    """What a browser sends for the page's change form as it stands (nothing edited)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.data: dict[str, list[str]] = {}
        self._in_form = False
        self._select = None  # (name, multiple, [(value, selected)])
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self._in_form = (attrs.get("id") or "").endswith("_form")
        elif not self._in_form:
            return
        elif tag == "option" and self._select is not None:
            self._select[2].append((attrs.get("value", ""), "selected" in attrs))
        elif (name := attrs.get("name")) is None:
            return
        elif tag == "input" and attrs.get("type") not in ("submit", "button", "file", "reset"):
            checkable = attrs.get("type") in ("checkbox", "radio")
            if not checkable or "checked" in attrs:
                self.data.setdefault(name, []).append(attrs.get("value", "on" if checkable else ""))
        elif tag == "select":
            self._select = (name, "multiple" in attrs, [])
        elif tag == "textarea":
            self._textarea = name
            self.data.setdefault(name, []).append("")

    def handle_data(self, data):
        if self._textarea is not None:
            self.data[self._textarea][-1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self._in_form = False
        elif tag == "textarea" and self._textarea is not None:
            self.data[self._textarea][-1] = self.data[self._textarea][-1].removeprefix("\n")
            self._textarea = None
        elif tag == "select" and self._select is not None:
            name, multiple, options = self._select
            chosen = [value for value, selected in options if selected]
            if not multiple and not chosen and options:
                chosen = [options[0][0]]
            self.data.setdefault(name, []).extend(chosen)
            self._select = None


def _form_data(html: str) -> dict[str, list[str]]:
    parser = _FormValues()
    parser.feed(html)
    return parser.data


@pytest.mark.parametrize("case", CASES)
def test_opening_saving_history_and_delete_pages_are_logged(client, staff, case):
    model, make, deletable = CASES[case]
    obj, subject = make()

    page = client.get(_url(model, "change", obj))
    assert page.status_code == 200
    (viewed,) = _rows()
    assert (viewed.actor, viewed.subject, viewed.action) == (staff, subject, "view")
    assert str(model._meta.verbose_name) in viewed.target

    saved = client.post(_url(model, "change", obj), _form_data(page.content.decode()))
    assert saved.status_code == 302, saved.context and saved.context["errors"]
    changed = _rows()[1:]
    assert [(row.subject, row.action) for row in changed] == [(subject, "change")]

    assert client.get(_url(model, "history", obj)).status_code == 200
    history = _rows()[2:]
    assert [(row.subject, row.action) for row in history] == [(subject, "history")]

    confirm = client.get(_url(model, "delete", obj))
    shown = _rows()[3:]
    if deletable:
        assert confirm.status_code == 200
        assert [(row.subject, row.action) for row in shown] == [(subject, "delete")]
        assert "삭제 확인" in shown[0].target
    else:
        assert confirm.status_code == 403 and shown == []
    assert {row.ip_address for row in _rows()} == {"127.0.0.1"}


def test_company_contact_data_names_the_company(client, staff):
    company, _ = _company()
    client.get(_url(Company, "change", company))
    row = PersonalDataAccess.objects.get()
    assert row.subject is None and row.target == f"{Company._meta.verbose_name}: {company.name}"


def test_a_deletion_is_logged_before_the_record_goes(client, staff):
    profile, subject = _profile()
    response = client.post(_url(ApplicantProfile, "delete", profile), {"post": "yes"})
    assert response.status_code == 302
    assert not ApplicantProfile.objects.filter(pk=profile.pk).exists()
    deleted = PersonalDataAccess.objects.get()
    assert (deleted.subject, deleted.action) == (subject, "delete")
    assert profile.name in deleted.target


def test_the_bulk_delete_action_logs_each_record(client, staff):
    first, second = ApplicantUserFactory(), ApplicantUserFactory()
    addresses = EmailAddress.objects.filter(user__in=[first, second])
    client.post(
        reverse("admin:account_emailaddress_changelist"),
        {"action": "delete_selected", "_selected_action": [a.pk for a in addresses], "post": "yes"},
    )
    assert not EmailAddress.objects.filter(user__in=[first, second]).exists()
    deleted = PersonalDataAccess.objects.filter(action="delete")
    assert {row.subject for row in deleted} == {first, second}


def test_adding_a_user_is_logged_as_a_change(client, staff):
    response = client.post(
        reverse("admin:womenup_user_add"),
        {
            "email": "new@example.kr",
            "account_type": User.AccountType.APPLICANT,
            "password1": "correct-horse-battery-9",
            "password2": "correct-horse-battery-9",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    added = User.objects.get(email="new@example.kr")
    row = PersonalDataAccess.objects.get(action="change")
    assert row.subject == added and "추가" in row.target


def test_a_refused_save_is_a_view_not_a_change(client, staff):
    user, _ = _user()
    client.post(_url(User, "change", user), {"email": "not-an-address"})
    row = PersonalDataAccess.objects.get()
    assert (row.subject, row.action) == (user, "view")


@pytest.mark.parametrize(
    "model",
    [
        EmailAddress,
        OutboxMessage,
        "womenup.OutboxDelivery",
        User,
        Company,
        "socialaccount.SocialAccount",
    ],
)
def test_the_new_admins_of_personal_data_log_access(model):
    from django.apps import apps

    if isinstance(model, str):
        model = apps.get_model(model)
    assert isinstance(admin.site._registry[model], PersonalDataAdminMixin)
