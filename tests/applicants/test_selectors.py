"""Eligibility facts in bulk and the candidate cards companies see, in fixed queries."""

from datetime import date

import pytest
from django.urls import reverse

from applicants import selectors, services
from applicants.models import ApplicantProfile
from tests.factories.accounts import ApplicantUserFactory
from tests.factories.applicants import (
    ApplicantProfileFactory,
    CareerEntryFactory,
    CertificateFactory,
    CompletedTrainingFactory,
    DocumentFactory,
    complete_course,
    give_consents,
)
from tests.factories.courses import CourseFactory

pytestmark = pytest.mark.django_db


def test_qualifications_come_from_training_career_and_certificates():
    nothing, trained, careered, certified = ApplicantProfileFactory.create_batch(4)
    CompletedTrainingFactory(profile=trained)
    CareerEntryFactory(profile=careered)
    CertificateFactory(profile=certified)
    facts = selectors.facts_for_applicants([p.pk for p in (nothing, trained, careered, certified)])
    assert facts[nothing.pk].qualifications == frozenset()
    assert facts[trained.pk].qualifications == {"vocational_training"}
    assert facts[careered.pk].qualifications == {"career_in_field"}
    assert facts[certified.pk].qualifications == {"certificate"}


def test_a_course_completed_here_is_vocational_training():
    profile = ApplicantProfileFactory()
    course = CourseFactory()
    complete_course(profile, course)
    facts = selectors.applicant_facts(profile)
    assert facts.qualifications == {"vocational_training"}
    assert facts.completed_courses == {course.code}


def test_document_kinds_and_employment_history():
    never, left, unknown = ApplicantProfileFactory.create_batch(3)
    never.never_employed = True
    never.save()
    left.last_employment_end = date(2019, 2, 28)
    left.save()
    DocumentFactory(profile=never, kind="resume")
    DocumentFactory(profile=never, kind="certificate")
    facts = selectors.facts_for_applicants([never.pk, left.pk, unknown.pk])
    assert facts[never.pk].documents == {"resume", "certificate"}
    assert facts[left.pk].documents == frozenset()
    assert facts[never.pk].employment_history_known is True
    assert facts[never.pk].last_employment_end is None
    assert facts[left.pk].last_employment_end == date(2019, 2, 28)
    assert facts[unknown.pk].employment_history_known is None


def _rich_profiles(count):
    profiles = ApplicantProfileFactory.create_batch(count)
    for profile in profiles:
        give_consents(profile, ("collection", "provision", "contact"))
        CareerEntryFactory(profile=profile)
        CertificateFactory(profile=profile)
        CompletedTrainingFactory(profile=profile)
        DocumentFactory(profile=profile)
    return [p.pk for p in profiles]


@pytest.mark.parametrize("count", [2, 12])
def test_facts_take_a_fixed_number_of_queries(django_assert_num_queries, count):
    ids = _rich_profiles(count)
    with django_assert_num_queries(5):  # two of them: imported history, placements
        facts = selectors.facts_for_applicants(ids)
    assert len(facts) == count


@pytest.mark.parametrize("count", [2, 12])
def test_candidate_cards_take_a_fixed_number_of_queries(django_assert_num_queries, count):
    ids = _rich_profiles(count)
    with django_assert_num_queries(7):  # six here, one for the courses completed here
        cards = selectors.candidate_cards(ids)
    assert all(card.certificates for card in cards.values())


def test_a_card_shows_only_consented_items():
    without, provision_only, with_contact = ApplicantProfileFactory.create_batch(3)
    give_consents(provision_only)
    give_consents(with_contact, ("collection", "provision", "contact"))
    for profile in (without, provision_only, with_contact):
        CareerEntryFactory(profile=profile, years=7)
        DocumentFactory(profile=profile)
    cards = selectors.candidate_cards(
        [without.pk, provision_only.pk, with_contact.pk], on=date(2024, 6, 1)
    )
    bare = cards[without.pk]
    assert bare.name is None and bare.documents is None and bare.phone is None
    shared = cards[provision_only.pk]
    assert shared.name == provision_only.name
    assert shared.age == 39  # born 1985-05-20
    assert shared.district == "마포구"
    assert shared.career_entries[0].years == 7
    assert shared.documents[0].kind == "resume"
    assert shared.phone is None and shared.email is None
    contact = cards[with_contact.pk]
    assert contact.phone == with_contact.phone
    assert contact.email == with_contact.user.email


def test_withdrawing_provision_hides_the_card_again():
    profile = ApplicantProfileFactory()
    give_consents(profile)
    assert "provision" in selectors.active_consents(profile)
    services.consent_withdraw(profile=profile, item="provision")
    assert selectors.candidate_cards([profile.pk])[profile.pk].name is None
    assert "provision" not in selectors.active_consents(profile)


def test_reading_her_profile_before_it_exists_writes_nothing(client):
    user = ApplicantUserFactory()
    client.force_login(user)

    assert selectors.profile_for_user(user) is None
    assert client.get(reverse("matching:role-list"), follow=True).status_code == 200
    assert not ApplicantProfile.objects.filter(user=user).exists()


def test_her_own_pages_create_the_empty_profile_once(client):
    user = ApplicantUserFactory()
    client.force_login(user)

    assert client.get(reverse("applicants:profile")).status_code == 200
    assert client.get(reverse("applicants:dashboard")).status_code == 200
    assert ApplicantProfile.objects.filter(user=user).count() == 1
    assert services.profile_ensure(user=user) == selectors.profile_for_user(user)
