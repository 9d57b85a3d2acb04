"""In a real Chromium, with English chosen from the language switch, the pages a newcomer opens
first show English (catalogue texts included) and nothing Korean outside what people typed; axe
finds no serious violation."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from companies.models import Role
from tests.e2e.conftest import axe_violations
from tests.e2e.test_admin_accessibility import log_in_with_session
from tests.kernel.english import korean_left, seeded_and_demo_data, typed_values
from womenup.models import User

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_visitor_switches_to_english_and_reads_english(page, live_server):
    seeded_and_demo_data()
    page.goto("/")
    page.get_by_label("언어").select_option("en")
    page.get_by_role("button", name="변경").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_contain_text("A new start")
    expect(
        page.locator("main").get_by_text("Seoul WomanUp recruit-linked internship")
    ).to_be_visible()

    role = Role.objects.filter(status=Role.Status.PUBLISHED).first()
    paths = [
        "/",
        reverse("program-detail", args=["seoul-internship"]),
        reverse("matching:role-list"),
        reverse("matching:role-detail", args=[role.pk]),
        reverse("companies:list"),
        reverse("courses:catalogue"),
        reverse("courses:detail", args=["python-entry"]),
        reverse("matching:self-check"),
    ]
    log_in_and_paths = [(None, paths), ("applicant1@demo.womenup.kr", [reverse("dashboard")])]
    allowed = typed_values()
    found = []
    for email, pages in log_in_and_paths:
        if email:
            log_in_with_session(page, live_server, User.objects.get(email=email))
        for path in pages:
            page.goto(path)
            text = page.locator("body").inner_text()
            found += [f"{path}: {words}" for words in korean_left(text, allowed)]
            found += [f"{path}: axe {v['id']}" for v in axe_violations(page)]
    assert not found, "\n".join(found)
