"""Company eligibility for the internship (DESIGN.md §2): Seoul location, 5+ employees, SME.

Pure: the registration form shows the reasons live while the company is being entered, and the
same function runs on submit. A company that does not qualify may still register (it stays
pending and staff decide), but it sees why.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

REQUIRED_CITY_CODE = "seoul"
MIN_REGULAR_EMPLOYEES = 5


@dataclass(frozen=True)
class CompanyFacts:
    city_code: str | None
    regular_employees: int | None
    is_sme: bool


def company_ineligibility_reasons(facts: CompanyFacts) -> list[str]:
    """One plain-Korean reason per unmet condition; empty when the company qualifies."""
    reasons = []
    if facts.city_code != REQUIRED_CITY_CODE:
        reasons.append(
            _("서울시에 소재한 기업만 참여할 수 있습니다. 소재지 자치구를 확인해 주세요.")
        )
    if facts.regular_employees is None or facts.regular_employees < MIN_REGULAR_EMPLOYEES:
        reasons.append(
            _("상시근로자가 %(minimum)d명 이상이어야 합니다 (입력: %(count)s명).")
            % {"minimum": MIN_REGULAR_EMPLOYEES, "count": facts.regular_employees or 0}
        )
    if not facts.is_sme:
        reasons.append(_("중소기업만 참여할 수 있습니다."))
    return reasons


def facts_of(*, district, regular_employees: int | None, is_sme: bool) -> CompanyFacts:
    """Facts from what the form holds (``district`` is a District row or None)."""
    city_code = district.city.code if district is not None else None
    return CompanyFacts(city_code=city_code, regular_employees=regular_employees, is_sme=is_sme)
