"""Public pages of the portal, the dashboard switch and the admin KPI page."""

import csv
import io

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from womenup import kpi
from womenup.accounts.permissions import is_city_staff
from womenup.models import Program, User
from womenup.privacy.exports import formula_neutralised
from womenup.programs import selectors

DASHBOARDS = {
    User.AccountType.APPLICANT: "applicants:dashboard",
    User.AccountType.COMPANY: "companies:dashboard",
    User.AccountType.INSTITUTION: "courses:client-list",  # a job-centre counsellor (not admin)
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


def kpi_dashboard(request, *, admin_context: dict):
    """The KPI page: every registered metric as a chart, the same figures in a table, a CSV."""
    if not is_city_staff(request.user):
        raise PermissionDenied
    tables = [(entry.slug, entry.builder()) for entry in kpi.metrics()]
    context = {**admin_context, "title": _("성과 지표 (KPI)"), "tables": tables}
    return render(request, "admin/kpi.html", context)


def kpi_csv(request, slug: str):
    """One metric's table as a CSV file."""
    if not is_city_staff(request.user):
        raise PermissionDenied
    entry = kpi.metric(slug)
    if entry is None:
        raise Http404
    response = HttpResponse(_table_csv(entry.builder()), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="kpi-{slug}.csv"'
    return response


def _table_csv(table: kpi.KpiTable) -> str:
    """The table as CSV with a byte-order mark, so spreadsheet programs read the Korean text;
    text a spreadsheet would run as a formula is neutralised as in every export."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([str(column) for column in table.columns])
    for row in table.rows:
        writer.writerow([formula_neutralised(_plain(value)) for value in row])
    return out.getvalue()


def _plain(value):
    return value if isinstance(value, int) or value is None else str(value)
