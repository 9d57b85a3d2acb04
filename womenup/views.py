"""Public pages of the portal and the dashboard switch."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone

from womenup.models import Program, User
from womenup.programs import selectors

DASHBOARDS = {
    User.AccountType.APPLICANT: "applicants:dashboard",
    User.AccountType.COMPANY: "companies:dashboard",
}


def home(request):
    programs = selectors.programs_with_figures(
        selectors.programs_for_home(), on=timezone.localdate()
    )
    return render(request, "womenup/home.html", {"programs": programs})


def program_detail(request, code: str):
    try:
        program = selectors.program_by_code(code)
    except Program.DoesNotExist as missing:
        raise Http404 from missing
    [program] = selectors.programs_with_figures([program], on=timezone.localdate())
    return render(request, "womenup/program_detail.html", {"program": program})


@login_required
def dashboard(request):
    """Send each kind of account to its own dashboard; staff go to admin."""
    user = request.user
    if user.is_staff:
        return redirect("admin:index")
    return redirect(DASHBOARDS.get(user.account_type, "home"))
