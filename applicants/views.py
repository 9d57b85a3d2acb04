"""Applicant pages; every view is scoped to the logged-in applicant's own profile."""

from django.shortcuts import render

from applicants import selectors
from applicants.dashboard import sections_for
from applicants.decorators import applicant_required


@applicant_required
def dashboard(request):
    profile = selectors.profile_for_user(request.user)
    return render(
        request,
        "applicants/dashboard.html",
        {"profile": profile, "sections": sections_for(profile)},
    )
