"""The consent notices (PIPA): one item each, with its text and version.

A new version of a notice is a new ``version`` string here; consents given under an older version
stay recorded with it, and the consent page asks again for the items whose version changed.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from applicants.models import Consent


@dataclass(frozen=True)
class ConsentNotice:
    item: str
    version: str
    required: bool
    title: str
    text: str


NOTICES: dict[str, ConsentNotice] = {
    notice.item: notice
    for notice in [
        ConsentNotice(
            item=Consent.Item.COLLECTION,
            version="2024.1",
            required=True,
            title=_("개인정보 수집·이용 동의 (필수)"),
            text=_(
                "수집 항목: 이름, 생년월일, 성별, 휴대전화, 이메일, 거주지(시·구), 취업 상태, "
                "경력·학력·자격증·교육 이력, 제출 서류. 목적: 인턴십·교육·구직지원금 신청 "
                "자격 확인과 선발, 사후관리. 보유 기간: 사업 종료 후 3년. 주민등록번호는 "
                "수집하지 않습니다. 동의하지 않으면 사업에 신청할 수 없습니다."
            ),
        ),
        ConsentNotice(
            item=Consent.Item.PROVISION,
            version="2024.1",
            required=True,
            title=_("지원한 기업에 개인정보 제공 동의 (매칭 필수)"),
            text=_(
                "제공받는 자: 지원하거나 면접 제안을 받은 참여기업. 제공 항목: 이름, 나이, "
                "거주 자치구, 경력·학력·자격증·교육 이력, 희망 근무 형태, 제출 서류. 목적: "
                "서류 검토와 면접, 채용. 보유 기간: 매칭 종료 후 1년. 동의하지 않으면 "
                "인턴십 매칭에 참여할 수 없습니다."
            ),
        ),
        ConsentNotice(
            item=Consent.Item.CONTACT,
            version="2024.1",
            required=False,
            title=_("기업에 연락처 제공 동의 (선택)"),
            text=_(
                "제공받는 자: 지원하거나 면접 제안을 받은 참여기업. 제공 항목: 휴대전화, "
                "이메일. 목적: 면접 일정 연락. 동의하지 않아도 모든 서비스를 이용할 수 "
                "있으며, 연락은 포털을 통해 전달됩니다."
            ),
        ),
        ConsentNotice(
            item=Consent.Item.MARKETING,
            version="2024.1",
            required=False,
            title=_("사업 안내·홍보 수신 동의 (선택)"),
            text=_(
                "새 교육과정, 채용 행사 등 안내를 이메일로 받습니다. 동의하지 않아도 모든 "
                "서비스를 이용할 수 있으며, 언제든지 철회할 수 있습니다."
            ),
        ),
    ]
}

REQUIRED_ITEMS = tuple(item for item, notice in NOTICES.items() if notice.required)
