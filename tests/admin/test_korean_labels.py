"""Staff read admin in Korean: no English model names, column headers or raw JSON lists."""

import re

import pytest
from django.urls import reverse

from matching.models import MatchingRun
from tests.factories.matching import PlacementFactory

pytestmark = pytest.mark.django_db


def visible_text(response) -> str:
    html = re.sub(r"<(script|style)[^>]*>.*?</\1>", " ", response.content.decode(), flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:index",
        "admin:womenup_mfaauthenticator_changelist",
        "admin:matching_placement_changelist",
        "admin:companies_company_changelist",
        "admin:django_celery_beat_periodictask_changelist",
    ],
)
def test_admin_pages_name_models_and_columns_in_korean(staff_client, url_name):
    PlacementFactory()
    text = visible_text(staff_client.get(reverse(url_name)))
    for english in ["Authenticators", "Periodic tasks", "Solar events", "Crontabs", "Intervals"]:
        assert english not in text, english
    for english in ["Created at", "Last used at", "Application", "Company", "Type"]:
        assert not re.search(rf"\b{english}\b", text, flags=re.I), english


def test_a_weekly_run_lists_its_stages_in_words(staff_client):
    run = MatchingRun.objects.create(
        week="2024-W23",
        status=MatchingRun.Status.FINISHED,
        stages_done=["screen", "invite"],
        counts={"screen": {"screened": 3, "pass": 2}},
        durations={"screen": 0.5},
    )
    text = visible_text(
        staff_client.get(reverse("admin:matching_matchingrun_change", args=[run.pk]))
    )
    assert "서류심사 → 면접 제안" in text and "통과 2" in text and "심사 3" in text
    assert '["screen"' not in text and "screen" not in text


def test_permissions_are_listed_in_korean(staff_client):
    html = staff_client.get(reverse("admin:auth_group_add")).content.decode()
    assert ">참여기업 · 참여기업 · 수정</option>" in html
    assert "Can change" not in html
