"""Who counts as what, in one place: the staff groups, city staff, institution staff.

Staff work in admin through four groups, created by migrations (DESIGN.md §1): each app's
migration grants the group the permissions on its own models, so the kernel names no app.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.contrib.auth.management import create_permissions
from django.core.exceptions import PermissionDenied

from womenup.models import User

PROGRAMME_STAFF_GROUP = "프로그램 담당자"  # city staff running the programmes
PAYMENT_APPROVER_GROUP = "지급 승인자"  # approves payments of public money
INSTITUTION_STAFF_GROUP = "운영기관 담당자"  # own institution's courses only (courses app)
AUDITOR_GROUP = "감사 담당자"  # reads the personal-data access log, nothing else
# Job-centre counsellors work on the site's counsellor pages (their centre's clients), not admin.
COUNSELLOR_GROUP = "상담사"
STAFF_GROUPS = [
    PROGRAMME_STAFF_GROUP,
    PAYMENT_APPROVER_GROUP,
    INSTITUTION_STAFF_GROUP,
    AUDITOR_GROUP,
]

REVIEW_ACCESS_LOG = "womenup.review_access_log"


def is_city_staff(user) -> bool:
    """City staff doing programme work: a superuser, or a city-staff account in the
    programme staff group. Institution staff, payment approvers and auditors alone are not:
    they do not see every applicant's files on the site."""
    if not (user.is_authenticated and user.is_staff and user.is_active):
        return False
    if user.is_superuser:
        return True
    return user.account_type == User.AccountType.CITY_STAFF and _in_group(
        user, PROGRAMME_STAFF_GROUP
    )


def is_counsellor(user) -> bool:
    """A job-centre counsellor: an institution account in the counsellor group (which centre's
    clients she sees is the courses app's scoping)."""
    return bool(
        user.is_authenticated
        and user.is_active
        and user.account_type == User.AccountType.INSTITUTION
        and _in_group(user, COUNSELLOR_GROUP)
    )


def can_review_access_log(user) -> bool:
    """The auditor's permission (or a superuser's): read the access log and its review."""
    return bool(user.is_active and user.is_staff and user.has_perm(REVIEW_ACCESS_LOG))


def _in_group(user, name: str) -> bool:
    cache = user.__dict__.setdefault("_womenup_groups", {})
    if name not in cache:
        cache[name] = user.groups.filter(name=name).exists()
    return cache[name]


def group_permissions_grant(apps, *, group: str, permissions: dict[str, dict[str, list[str]]]):
    """For data migrations: give ``group`` (created when missing) the permissions
    ``{app_label: {model: [action, ...]}}``, e.g. ``{"courses": {"course": ["view"]}}``; an
    action with an underscore is a whole codename of a custom permission (``"approve_payments"``).
    A permission that does not exist (yet) is skipped; the migration creating its model
    grants it then."""
    for app_label in permissions:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    staff_group, _created = Group.objects.get_or_create(name=group)
    for app_label, models in permissions.items():
        codenames = [
            action if "_" in action else f"{action}_{model}"
            for model, actions in models.items()
            for action in actions
        ]
        staff_group.permissions.add(
            *Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames)
        )


def all_models_permissions(apps, app_label: str, actions: list[str]) -> dict[str, list[str]]:
    """``{model: actions}`` for every model the app has at this point of its migrations, but
    the change-history tables (``Historical…``): their history pages follow the model's own
    permissions, and nobody edits history."""
    return {
        model._meta.model_name: list(actions)
        for model in apps.get_app_config(app_label).get_models()
        if not model._meta.model_name.startswith("historical")
    }


def account_type_required(kind: str):
    """A view decorator: logged-in users of this account type only; anonymous users go to
    login, other accounts get 403."""

    def decorator(view):
        @wraps(view)
        @login_required
        def guarded(request, *args, **kwargs):
            if request.user.account_type != kind:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return guarded

    return decorator
