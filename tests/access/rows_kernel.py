"""Access rows of the kernel: public pages, accounts (allauth), dashboard switch."""

from tests.access.matrix import (
    LOGIN,
    NOT_FOUND,
    OK,
    REDIRECT,
    Row,
    everyone,
    expect,
)

LOGGED_IN_REDIRECT = expect(
    anonymous=OK, applicant=REDIRECT, company=REDIRECT, staff=REDIRECT
)  # allauth sends logged-in people away from entrance pages
MANAGE = expect(anonymous=LOGIN, applicant=OK, company=OK, staff=OK)

ROWS = {
    "home": Row(everyone(OK)),
    "program-detail": Row(everyone(OK), kwargs=lambda w: {"code": "seoul-internship"}),
    "dashboard": Row(expect(anonymous=LOGIN, applicant=REDIRECT, company=REDIRECT, staff=REDIRECT)),
    "set_language": Row(everyone(REDIRECT), notes="GET without data goes back"),
    "account_login": Row(LOGGED_IN_REDIRECT),
    "account_logout": Row(expect(anonymous=REDIRECT, applicant=OK, company=OK, staff=OK)),
    "account_inactive": Row(everyone(OK)),
    "account_signup": Row(LOGGED_IN_REDIRECT),
    "account_reauthenticate": Row(MANAGE),
    "account_email": Row(MANAGE),
    "notification-settings": Row(MANAGE),
    "account_email_verification_sent": Row(everyone(OK)),
    "account_change_password": Row(MANAGE),
    "account_set_password": Row(
        expect(anonymous=LOGIN, applicant=REDIRECT, company=REDIRECT, staff=REDIRECT)
    ),
    "account_reset_password": Row(everyone(OK)),
    "account_request_login_code": Row(LOGGED_IN_REDIRECT, notes="log in by a code by e-mail"),
    "account_confirm_login_code": Row(
        everyone(REDIRECT), notes="without a requested code: back to asking for one"
    ),
    "account_confirm_email": Row(everyone(OK), kwargs=lambda w: {"key": "not-a-real-key"}),
    "account_reset_password_from_key_done": Row(everyone(OK)),
    "account_reset_password_from_key": Row(
        everyone(OK), kwargs=lambda w: {"uidb36": "zz", "key": "bad-key"}
    ),
    "account_reset_password_done": Row(everyone(OK)),
    "mfa_index": Row(MANAGE),
    "mfa_authenticate": Row(
        expect(anonymous=LOGIN, applicant=REDIRECT, company=REDIRECT, staff=REDIRECT)
    ),
    "mfa_reauthenticate": Row(
        expect(anonymous=LOGIN, applicant=REDIRECT, company=REDIRECT, staff=OK)
    ),
    "mfa_activate_totp": Row(
        expect(anonymous=LOGIN, applicant=REDIRECT, company=REDIRECT, staff=REDIRECT),
        notes="asks to re-authenticate first",
    ),
    "mfa_deactivate_totp": Row(
        expect(anonymous=LOGIN, applicant=NOT_FOUND, company=NOT_FOUND, staff=REDIRECT)
    ),
    "mfa_view_recovery_codes": Row(
        expect(anonymous=LOGIN, applicant=NOT_FOUND, company=NOT_FOUND, staff=NOT_FOUND)
    ),
    "mfa_generate_recovery_codes": Row(
        expect(anonymous=LOGIN, applicant=REDIRECT, company=REDIRECT, staff=REDIRECT)
    ),
    "mfa_download_recovery_codes": Row(
        expect(anonymous=LOGIN, applicant=NOT_FOUND, company=NOT_FOUND, staff=NOT_FOUND)
    ),
    "socialaccount_login_cancelled": Row(everyone(OK)),
    "socialaccount_login_error": Row(everyone("401")),
    "socialaccount_signup": Row(everyone(LOGIN), notes="only during a social sign-up"),
    "socialaccount_connections": Row(MANAGE),
    "accounts/social/login/cancelled/": Row(everyone(REDIRECT)),
    "accounts/social/login/error/": Row(everyone(REDIRECT)),
    "accounts/social/signup/": Row(everyone(REDIRECT)),
    "accounts/social/connections/": Row(everyone(REDIRECT)),
    "kakao_login": Row(everyone(NOT_FOUND), notes="no Kakao keys added in admin"),
    "kakao_callback": Row(everyone(NOT_FOUND)),
    "naver_login": Row(everyone(NOT_FOUND), notes="no Naver keys added in admin"),
    "naver_callback": Row(everyone(NOT_FOUND)),
    "applicants:dashboard": Row(expect(anonymous=LOGIN, applicant=OK, company="403", staff="403")),
}
