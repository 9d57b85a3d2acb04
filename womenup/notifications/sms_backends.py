"""The text-message backends ``SMS_BACKEND`` can name (see ``womenup/notifications/sms.py``)."""

import hashlib
import hmac
import json
import logging
import secrets
import sys
import urllib.error
import urllib.request
from datetime import UTC, datetime

from django.conf import settings

from womenup.notifications import sms
from womenup.notifications.sms import BaseSmsBackend, SmsError, TextMessage

logger = logging.getLogger(__name__)


class ConsoleBackend(BaseSmsBackend):
    """Development: print each message (as Django's console e-mail backend does)."""

    def send(self, message: TextMessage) -> None:
        sys.stdout.write(f"[{message.channel}] to {message.to}\n{message.text}\n{'-' * 40}\n")
        sys.stdout.flush()


class LocmemBackend(BaseSmsBackend):
    """Tests: keep each message in ``womenup.notifications.sms.outbox``."""

    def send(self, message: TextMessage) -> None:
        sms.outbox.append(message)


class SolapiBackend(BaseSmsBackend):
    """Solapi (solapi.com), a Korean SMS and 알림톡 provider: ``POST /messages/v4/send-many/detail``
    signed with HMAC-SHA256 (``apiKey``, ``date``, ``salt``, ``signature`` = HMAC of date + salt
    with the API secret), one message per request.

    Configured only from the environment (see the README): ``SOLAPI_API_KEY``,
    ``SOLAPI_API_SECRET``, ``SOLAPI_SENDER`` (the registered sending number),
    ``SOLAPI_KAKAO_PF_ID`` (the KakaoTalk channel; without it no 알림톡 is offered),
    ``SOLAPI_KAKAO_TEMPLATES`` (our template name = the approved 알림톡 template id, comma
    separated) and ``SOLAPI_API_URL`` (default ``https://api.solapi.com``). An 알림톡 whose
    template has no approved id goes as a text message instead.
    """

    path = "/messages/v4/send-many/detail"

    def __init__(self) -> None:
        config = settings.SOLAPI
        self.api_url = config["api_url"].rstrip("/")
        self.api_key, self.api_secret = config["api_key"], config["api_secret"]
        self.sender, self.pf_id = config["sender"], config["kakao_pf_id"]
        self.templates = config["kakao_templates"]
        self.timeout = config["timeout_seconds"]
        self.channels = ("sms", "alimtalk") if self.pf_id else ("sms",)

    def authorization(self, *, date: str, salt: str) -> str:
        signature = hmac.new(
            self.api_secret.encode(), (date + salt).encode(), hashlib.sha256
        ).hexdigest()
        return f"HMAC-SHA256 apiKey={self.api_key}, date={date}, salt={salt}, signature={signature}"

    def payload(self, message: TextMessage) -> dict:
        """The JSON body for ``message``: numbers in national form, 알림톡 with its template."""
        to = "0" + message.to[3:] if message.to.startswith("+82") else message.to.lstrip("+")
        entry = {"to": to, "from": self.sender, "text": message.text}
        template_id = self.templates.get(message.template)
        if message.channel == "alimtalk" and self.pf_id and template_id:
            entry["type"] = "ATA"
            entry["kakaoOptions"] = {
                "pfId": self.pf_id,
                "templateId": template_id,
                "variables": {
                    f"#{{{key}}}": str(value) for key, value in message.variables.items()
                },
            }
        else:  # SMS up to 90 bytes (EUC-KR), longer texts are LMS
            entry["type"] = "SMS" if len(message.text.encode("cp949", "replace")) <= 90 else "LMS"
        return {"messages": [entry]}

    def request(self, message: TextMessage) -> urllib.request.Request:
        date = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
        return urllib.request.Request(
            self.api_url + self.path,
            data=json.dumps(self.payload(message), ensure_ascii=False).encode(),
            method="POST",
            headers={
                "Authorization": self.authorization(date=date, salt=secrets.token_hex(16)),
                "Content-Type": "application/json; charset=utf-8",
            },
        )

    def send(self, message: TextMessage) -> None:
        if not (self.api_key and self.api_secret and self.sender):
            raise SmsError("SOLAPI_API_KEY, SOLAPI_API_SECRET and SOLAPI_SENDER must be set")
        try:
            with urllib.request.urlopen(self.request(message), timeout=self.timeout) as response:
                answer = json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as error:
            detail = error.read()[:500].decode("utf-8", "replace")
            raise SmsError(f"Solapi answered {error.code}: {detail}") from error
        except (urllib.error.URLError, TimeoutError, ValueError) as error:
            raise SmsError(f"Solapi unreachable: {error}") from error
        failed = answer.get("failedMessageList") or []
        if failed:
            reasons = "; ".join(
                f"{item.get('statusCode', '')} {item.get('statusMessage', '')}" for item in failed
            )
            raise SmsError(f"Solapi refused the message: {reasons}")
