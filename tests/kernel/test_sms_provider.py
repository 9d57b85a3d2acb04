"""The Solapi adapter against a real HTTP server on this machine, playing the provider: the
request it builds (path, signature, JSON), and how it reads a refusal or an error answer."""

import hashlib
import hmac
import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core import mail

from tests.factories.accounts import ApplicantUserFactory
from womenup.models import OutboxDelivery
from womenup.notifications import outbox, services
from womenup.notifications.sms import SmsError, TextMessage
from womenup.notifications.sms_backends import SolapiBackend

SECRET = "test-api-secret"


class ProviderServer:
    """A small HTTP server that records each request and answers with ``status``/``answer``."""

    def __init__(self):
        self.requests: list[dict] = []
        self.status, self.answer = 200, {"failedMessageList": [], "groupInfo": {"count": 1}}
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                length = int(self.headers["Content-Length"])
                recorder.requests.append(
                    {
                        "path": self.path,
                        "headers": dict(self.headers),
                        "body": json.loads(self.rfile.read(length)),
                    }
                )
                payload = json.dumps(recorder.answer).encode()
                self.send_response(recorder.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def provider(settings):
    with ProviderServer() as server:
        settings.SMS_BACKEND = "womenup.notifications.sms_backends.SolapiBackend"
        settings.SOLAPI = {
            **settings.SOLAPI,
            "api_url": server.url,
            "api_key": "test-api-key",
            "api_secret": SECRET,
            "sender": "0212345678",
            "kakao_pf_id": "KA01PF-test",
            "kakao_templates": {"companies/email/company_verified": "KA01TP-verified"},
        }
        yield server


def test_a_text_message_is_a_signed_json_request_to_send_many(provider):
    SolapiBackend().send(TextMessage(channel="sms", to="+821048217793", text="면접 제안 안내"))

    [request] = provider.requests
    assert request["path"] == "/messages/v4/send-many/detail"
    assert request["headers"]["Content-Type"] == "application/json; charset=utf-8"
    assert request["body"] == {
        "messages": [
            {"to": "01048217793", "from": "0212345678", "text": "면접 제안 안내", "type": "SMS"}
        ]
    }
    auth = re.fullmatch(
        r"HMAC-SHA256 apiKey=test-api-key, date=(\S+), salt=(\w+), signature=(\w+)",
        request["headers"]["Authorization"],
    )
    assert auth, request["headers"]["Authorization"]
    date, salt, signature = auth.groups()
    expected = hmac.new(SECRET.encode(), (date + salt).encode(), hashlib.sha256).hexdigest()
    assert signature == expected
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", date)


def test_a_long_text_goes_as_lms():
    backend = SolapiBackend()
    body = backend.payload(TextMessage(channel="sms", to="+821048217793", text="가" * 46))
    assert body["messages"][0]["type"] == "LMS"  # 92 bytes in EUC-KR: more than one SMS


def test_an_alimtalk_names_the_approved_template_and_its_values(provider):
    message = TextMessage(
        channel="alimtalk",
        to="+821048217793",
        text="승인 안내",
        template="companies/email/company_verified",
        variables={"company": "우먼업"},
    )
    SolapiBackend().send(message)

    [entry] = provider.requests[0]["body"]["messages"]
    assert entry["type"] == "ATA"
    assert entry["kakaoOptions"] == {
        "pfId": "KA01PF-test",
        "templateId": "KA01TP-verified",
        "variables": {"#{company}": "우먼업"},
    }


def test_an_alimtalk_without_an_approved_template_goes_as_a_text(provider):
    SolapiBackend().send(TextMessage(channel="alimtalk", to="+821048217793", text="안내"))
    [entry] = provider.requests[0]["body"]["messages"]
    assert entry["type"] == "SMS" and "kakaoOptions" not in entry


def test_without_a_kakao_channel_only_sms_is_offered(settings, provider):
    settings.SOLAPI = {**settings.SOLAPI, "kakao_pf_id": ""}
    assert SolapiBackend().channels == ("sms",)


def test_a_refused_message_and_an_error_answer_are_errors(provider):
    backend = SolapiBackend()
    provider.answer = {"failedMessageList": [{"statusCode": "1062", "statusMessage": "번호 오류"}]}
    with pytest.raises(SmsError, match="1062 번호 오류"):
        backend.send(TextMessage(channel="sms", to="+821048217793", text="x"))

    provider.status, provider.answer = 401, {"errorCode": "InvalidAPIKey"}
    with pytest.raises(SmsError, match="401.*InvalidAPIKey"):
        backend.send(TextMessage(channel="sms", to="+821048217793", text="x"))


@pytest.mark.django_db
def test_through_the_outbox_a_refusal_is_kept_as_the_channels_error_and_retried(provider):
    user = ApplicantUserFactory(
        language="en", notify_by_alimtalk=True, notification_phone="+821048217793"
    )
    message = services.notification_queue_for_user(
        user=user,
        template="companies/email/company_verified",
        context={"company": "WomanUp Co."},
    )
    provider.status, provider.answer = 500, {"errorMessage": "busy"}

    outbox.outbox_deliver_pending()

    text = OutboxDelivery.objects.get(message=message, channel="alimtalk")
    assert (text.status, text.attempts) == (OutboxDelivery.Status.FAILED, 1)
    assert "Solapi answered 500" in text.last_error
    [entry] = provider.requests[0]["body"]["messages"]
    assert entry["kakaoOptions"]["variables"] == {"#{company}": "WomanUp Co."}
    assert entry["text"].startswith("[Seoul WomanUp] Your company has been approved")
    assert len(mail.outbox) == 1
