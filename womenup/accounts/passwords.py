"""Password rules of the portal beyond Django's own validators."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


class EmailLocalPartValidator:
    """Refuses a password containing the part of the e-mail address before the @ (3+ letters),
    whatever the case: it is the first thing someone guessing a password tries."""

    min_local_part = 3

    def validate(self, password, user=None):
        email = getattr(user, "email", "") or ""
        local_part = email.split("@", 1)[0].casefold()
        if len(local_part) >= self.min_local_part and local_part in password.casefold():
            raise ValidationError(
                _("비밀번호에 이메일 주소의 앞부분(%(local_part)s)을 넣을 수 없습니다."),
                code="password_contains_email",
                params={"local_part": email.split("@", 1)[0]},
            )

    def get_help_text(self):
        return _("비밀번호에 이메일 주소의 @ 앞부분을 넣을 수 없습니다.")
