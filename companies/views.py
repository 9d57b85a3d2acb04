"""Company pages; every view is scoped to the logged-in user's own company."""

from django.shortcuts import render

from companies import selectors
from companies.decorators import company_user_required


@company_user_required
def dashboard(request):
    company = selectors.company_for_user(request.user)
    return render(request, "companies/dashboard.html", {"company": company})
