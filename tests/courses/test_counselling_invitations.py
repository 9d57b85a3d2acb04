"""Inviting a woman by mobile number (the claim link by SMS, bound to that number), and a woman
who already has an account: the centre's request, which she accepts or declines; until she
accepts, the counsellors see only that it is waiting."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from courses import services
from courses.dashboard import centre_requests_section
from courses.models import ClientRequest, CounsellingClient
from tests.factories.accounts import ApplicantUserFactory, CompanyUserFactory
from tests.factories.applicants import ApplicantProfileFactory
from tests.factories.courses import CounsellingClientFactory, JobCentreFactory, counsellor
from womenup.models import OutboxMessage, PersonalDataAccess, User
from womenup.notifications import outbox, sms

pytestmark = pytest.mark.django_db

PASSWORD = "새비밀번호-2024-claim"
PHONE, PHONE_E164 = "010-3456-7890", "+821034567890"


def invite(client, **data):
    return client.post(reverse("courses:client-create"), {"name": "최유진", **data})


def texted_link() -> str:
    """The claim link in the last text message sent (the outbox delivers it first)."""
    outbox.outbox_deliver_pending()
    text = sms.outbox[-1].text
    return "/" + text.split("testserver/", 1)[1].split()[0]


# --- Invited by phone ----------------------------------------------------------------------------


def test_invited_by_phone_she_gets_the_link_by_sms_and_claims_with_her_own_email(client, me):
    response = invite(client, phone=PHONE)
    created = CounsellingClient.objects.get()
    assert response.url == reverse("courses:client-detail", args=[created.pk])
    user = created.profile.user
    assert created.claim_phone == PHONE_E164 and created.claim_email == ""
    assert user.email.endswith("@unclaimed.invalid") and not user.has_usable_password()
    assert not EmailAddress.objects.filter(user=user).exists()
    link = texted_link()
    [text] = sms.outbox
    assert (text.channel, text.to) == ("sms", PHONE_E164)
    assert mail.outbox == []  # nothing to the placeholder address
    page = client.get(reverse("courses:client-detail", args=[created.pk])).content.decode()
    assert "링크를 문자로 010-3456-7890 에 보냄" in page and "unclaimed.invalid" not in page

    client.logout()
    assert client.get(link).status_code == 200
    response = client.post(
        link, {"email": "Yujin@Example.kr", "new_password1": PASSWORD, "new_password2": PASSWORD}
    )
    assert response.url == reverse("account_email_verification_sent")
    user.refresh_from_db()
    assert user.email == "yujin@example.kr" and user.check_password(PASSWORD)
    address = EmailAddress.objects.get(user=user)
    assert (address.email, address.verified, address.primary) == ("yujin@example.kr", False, True)
    [confirmation] = mail.outbox  # allauth confirms the address she gave before she logs in
    assert confirmation.to == ["yujin@example.kr"]
    assert "_auth_user_id" not in client.session
    assert client.get(link).status_code == 404  # single use
    created.refresh_from_db()
    assert created.claimed_at is not None and created.claim_token_hash == ""


def test_with_both_the_link_goes_by_sms_and_her_email_is_offered_not_trusted(client, me):
    invite(client, phone=PHONE, email="yujin@example.kr")
    created = CounsellingClient.objects.get()
    assert created.profile.user.email == "yujin@example.kr"
    link = texted_link()
    assert [d.channel for d in OutboxMessage.objects.get().deliveries.all()] == ["sms"]
    client.logout()
    form = client.get(link).context["form"]
    assert form.initial["email"] == "yujin@example.kr"
    client.post(
        link, {"email": "yujin@example.kr", "new_password1": PASSWORD, "new_password2": PASSWORD}
    )
    assert not EmailAddress.objects.get(user=created.profile.user).verified


def test_a_phone_link_is_refused_expired_used_or_after_her_number_changed(client, me):
    invite(client, phone=PHONE)
    created = CounsellingClient.objects.get()
    token = texted_link().rstrip("/").split("/")[-1]
    created.profile.phone = "+821099998888"
    created.profile.save(update_fields=["phone"])
    with pytest.raises(ValidationError, match="연결할 수 없습니다"):
        services.client_claim(token=token, password=PASSWORD, email="a@example.kr")
    created.profile.phone = PHONE_E164
    created.profile.save(update_fields=["phone"])
    CounsellingClient.objects.filter(pk=created.pk).update(
        claim_expires_at=timezone.now() - timedelta(seconds=1)
    )
    with pytest.raises(ValidationError, match="만료되었거나 이미 사용"):
        services.client_claim(token=token, password=PASSWORD, email="a@example.kr")
    client.logout()
    assert client.get(f"/claim/{token}/").status_code == 404
    assert not User.objects.get(pk=created.profile.user_id).has_usable_password()


def test_resending_by_sms_retires_the_old_link_and_goes_to_her_number_now(client, me):
    invite(client, phone=PHONE)
    created = CounsellingClient.objects.get()
    old = texted_link()
    created.profile.phone = "+821011112222"  # the counsellor corrected it
    created.profile.save(update_fields=["phone"])
    client.post(reverse("courses:client-claim-resend", args=[created.pk]))
    new = texted_link()
    assert old != new and sms.outbox[-1].to == "+821011112222"
    assert services.client_for_claim(old.rstrip("/").split("/")[-1]) is None
    assert services.client_for_claim(new.rstrip("/").split("/")[-1]) == created


def test_her_email_at_claiming_must_be_free_and_the_link_still_works_after(client, me):
    taken = ApplicantUserFactory(email="taken@example.kr")
    invite(client, phone=PHONE)
    link = texted_link()
    client.logout()
    response = client.post(
        link, {"email": taken.email, "new_password1": PASSWORD, "new_password2": PASSWORD}
    )
    assert response.status_code == 200
    assert "이미 다른 계정에서 쓰는 이메일입니다" in response.content.decode()
    assert not CounsellingClient.objects.get().profile.user.has_usable_password()
    assert client.get(link).status_code == 200


def test_without_a_text_provider_a_phone_only_invitation_is_refused(client, me, settings):
    settings.SMS_BACKEND = ""
    users = User.objects.count()
    response = invite(client, phone=PHONE)
    assert "문자를 보내지 않아 휴대전화로는 초대할 수 없습니다" in response.content.decode()
    assert User.objects.count() == users and not CounsellingClient.objects.exists()
    invite(client, phone=PHONE, email="yujin@example.kr")  # with an e-mail: the link goes there
    assert OutboxMessage.objects.get().to_email == "yujin@example.kr"
    assert CounsellingClient.objects.get().claim_phone == ""


def test_neither_email_nor_phone_is_refused_with_a_message(client, me):
    response = invite(client)
    assert "이메일 주소나 휴대전화 번호 중 하나는 입력해 주세요" in response.content.decode()
    assert not CounsellingClient.objects.exists()


def test_notifications_for_her_before_she_claims_are_not_mailed_to_the_placeholder(client, me):
    invite(client, phone=PHONE)
    outbox.outbox_deliver_pending()
    user = CounsellingClient.objects.get().profile.user
    message = OutboxMessage.objects.create(to_email=user.email, recipient=user, subject="x")
    outbox.outbox_message_deliver(message_id=message.pk)
    message.refresh_from_db()
    assert message.status == OutboxMessage.Status.GAVE_UP and not message.deliveries.exists()
    assert mail.outbox == []


# --- A woman who already has an account ----------------------------------------------------------


def test_an_existing_email_sends_her_a_request_and_the_counsellor_sees_only_waiting(client, me):
    her = ApplicantProfileFactory(name="박지은", user__email="jieun@example.kr")
    users = User.objects.count()
    response = invite(client, email="JiEun@example.kr")
    assert response.url == reverse("courses:client-list")
    assert User.objects.count() == users and not CounsellingClient.objects.exists()
    waiting = ClientRequest.objects.get()
    assert (waiting.user, waiting.status, waiting.contact) == (
        her.user,
        ClientRequest.Status.PENDING,
        "jieun@example.kr",
    )
    assert OutboxMessage.objects.get().template == "courses/email/client_request"
    page = client.get(reverse("courses:client-list")).content.decode()
    assert "요청 대기" in page and "박지은" not in page and her.phone.as_national not in page
    assert PersonalDataAccess.objects.filter(subject=her.user, target__contains="요청").exists()


def test_an_existing_number_sends_her_a_request_without_showing_her_email(client, me):
    her = ApplicantProfileFactory(phone=PHONE_E164, user__email="hidden@example.kr")
    invite(client, phone=PHONE)
    assert ClientRequest.objects.get().user == her.user
    assert not sms.outbox and not CounsellingClient.objects.exists()
    page = client.get(reverse("courses:client-list")).content.decode()
    assert "010-3456-7890" in page and "hidden@example.kr" not in page


def test_she_accepts_and_becomes_a_client_whom_the_counsellor_can_open(client, me, centre):
    her = ApplicantProfileFactory()
    invite(client, email=her.user.email)
    waiting = ClientRequest.objects.get()
    client.force_login(her.user)
    dashboard = client.get(reverse("applicants:dashboard")).content.decode()
    assert 'data-testid="centre-request"' in dashboard and centre.name in dashboard
    response = client.post(
        reverse("courses:my-centre-request-answer", args=[waiting.pk]), {"answer": "accept"}
    )
    assert response.url == reverse("applicants:dashboard")
    waiting.refresh_from_db()
    assert waiting.status == ClientRequest.Status.ACCEPTED and waiting.answered_at
    accepted = CounsellingClient.objects.get()
    assert (accepted.centre, accepted.profile, accepted.created_by) == (centre, her, me)
    assert accepted.claimed_at is not None  # her account was hers already
    client.force_login(me)
    assert client.get(reverse("courses:client-detail", args=[accepted.pk])).status_code == 200


def test_a_declined_request_gives_the_centre_no_access(client, me, centre):
    her = ApplicantProfileFactory(name="박지은")
    invite(client, email=her.user.email)
    waiting = ClientRequest.objects.get()
    client.force_login(her.user)
    client.post(
        reverse("courses:my-centre-request-answer", args=[waiting.pk]), {"answer": "decline"}
    )
    waiting.refresh_from_db()
    assert waiting.status == ClientRequest.Status.DECLINED
    assert not CounsellingClient.objects.exists()
    with pytest.raises(ValidationError, match="이미 답한 요청"):
        services.client_request_accept(centre_request=waiting, user=her.user)
    assert not CounsellingClient.objects.exists()
    client.force_login(me)
    page = client.get(reverse("courses:client-list")).content.decode()
    assert "거절함" in page and "박지은" not in page
    assert 'data-testid="client-row"' not in page
    assert "박지은" not in client.get(reverse("courses:session-list")).content.decode()


def test_only_she_answers_her_request_and_other_centres_do_not_see_it(client, me):
    her = ApplicantProfileFactory()
    invite(client, email=her.user.email)
    waiting = ClientRequest.objects.get()
    other = counsellor(JobCentreFactory())
    client.force_login(other)
    page = client.get(reverse("courses:client-list")).content.decode()
    assert 'data-testid="client-request-row"' not in page
    client.force_login(ApplicantUserFactory())
    url = reverse("courses:my-centre-request-answer", args=[waiting.pk])
    assert client.post(url, {"answer": "accept"}).status_code == 404
    assert ClientRequest.objects.get().status == ClientRequest.Status.PENDING


def test_duplicates_and_accounts_that_cannot_be_clients_are_refused(client, me, centre):
    her = ApplicantProfileFactory()
    invite(client, email=her.user.email)
    again = invite(client, email=her.user.email)
    assert "이미 상담 참여 요청을 보냈습니다" in again.content.decode()
    assert ClientRequest.objects.count() == 1

    already = CounsellingClientFactory(centre=centre)
    response = invite(client, email=already.profile.user.email)
    assert "이미 이 센터의 상담 참여자입니다" in response.content.decode()

    company = CompanyUserFactory()
    response = invite(client, email=company.email)
    assert "참여자 계정이 아니어서" in response.content.decode()

    ApplicantProfileFactory(phone="+821055556666")
    ApplicantUserFactory(notification_phone="+821055556666")
    response = invite(client, phone="010-5555-6666")
    assert "이 휴대전화 번호로 가입된 계정이 여러 개입니다" in response.content.decode()

    ApplicantProfileFactory(phone="+821077778888")
    response = invite(client, phone="010-7777-8888", email="new@example.kr")
    assert "다른 이메일로 가입된 계정의 번호입니다" in response.content.decode()
    assert ClientRequest.objects.count() == 1 and CounsellingClient.objects.count() == 1
    assert not User.objects.filter(email="new@example.kr").exists()


def test_after_declining_the_centre_may_ask_again(me, centre):
    her = ApplicantProfileFactory()
    first = services.client_request_send(
        centre=centre, counsellor=me, user=her.user, name="", contact=her.user.email
    )
    services.client_request_decline(centre_request=first, user=her.user)
    second = services.client_request_send(
        centre=centre, counsellor=me, user=her.user, name="", contact=her.user.email
    )
    assert second.status == ClientRequest.Status.PENDING


# --- Fixed number of queries ---------------------------------------------------------------------


@pytest.mark.parametrize("size", [1, 12])
def test_the_client_list_with_requests_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, me, centre, size
):
    from tests.courses.test_counselling import CLIENT_LIST_QUERIES

    for _ in range(size):
        CounsellingClientFactory(centre=centre)
        services.client_request_send(
            centre=centre,
            counsellor=me,
            user=ApplicantProfileFactory().user,
            name="",
            contact="x@example.kr",
        )
    with django_assert_num_queries(CLIENT_LIST_QUERIES):
        response = client.get(reverse("courses:client-list"))
    assert len(response.context["requests"]) == size


@pytest.mark.parametrize("size", [1, 5])
def test_her_requests_section_runs_one_query(django_assert_num_queries, me, size):
    her = ApplicantProfileFactory()
    for _ in range(size):
        centre = JobCentreFactory()
        services.client_request_send(
            centre=centre, counsellor=counsellor(centre), user=her.user, name="", contact="x"
        )
    with django_assert_num_queries(1):
        section = centre_requests_section(her)
    assert len(section.context["requests"]) == size


@pytest.mark.parametrize("size", [1, 5])
def test_the_phone_claim_page_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, me, centre, size
):
    for number in range(size):
        invite(client, phone=f"010-3456-{7800 + number}")
    link = texted_link()
    client.logout()
    with django_assert_num_queries(2):  # the live link with her account; footer programmes
        assert client.get(link).status_code == 200
