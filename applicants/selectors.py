"""Reads about applicants: profiles, eligibility facts, consents, documents, candidate cards."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, QuerySet, Subquery, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from applicants.consents import NOTICES, REQUIRED_ITEMS
from applicants.facts import FactRecord, contributed_facts, contributed_trainings, record_facts
from applicants.models import (
    ActivityReport,
    AllowanceApplication,
    ApplicantProfile,
    CareerEntry,
    Certificate,
    CompletedTraining,
    Consent,
    Document,
    ParticipationRecord,
    ProxyConsent,
)
from applicants.self_check import SelfCheckAnswers
from womenup.accounts.permissions import is_city_staff
from womenup.models import City, District, LedgerEntry, Program
from womenup.money import ALLOWANCE_MAX_MONTHS, ALLOWANCE_MONTHLY_KRW
from womenup.programs.eligibility import Facts, age_on


def profile_for_user(user) -> ApplicantProfile | None:
    """The applicant's profile, or ``None`` before her first visit to her own pages
    (``services.profile_ensure`` creates it)."""
    return (
        ApplicantProfile.objects.select_related("residence_city", "residence_district")
        .filter(user=user)
        .first()
    )


# --- Eligibility facts ---------------------------------------------------------------------------


def facts_for_applicants(profile_ids) -> dict[int, Facts]:
    """Eligibility facts of many applicants in a fixed number of light queries, whatever their
    number: three here and those of each registered source (``applicants/facts.py``).

    ``profile_ids`` may be a list or a queryset of ids (kept as a subquery, so the weekly batch
    never ships 100,000 ids back and forth). Values are read as plain tuples, not model instances.
    """
    documents = _document_kinds(profile_ids)
    history = _participation_records(profile_ids)
    profiles = (
        ApplicantProfile.objects.filter(pk__in=profile_ids)
        .annotate(
            has_training=_has(CompletedTraining),
            has_career=_has(CareerEntry),
            has_certificate=_has(Certificate),
        )
        .values_list(
            "pk", "gender", "birth_date", "residence_city__code", "employment_status",
            "last_employment_end", "never_employed", "has_training", "has_career",
            "has_certificate",
        )
    )  # fmt: skip
    records = {
        pk: FactRecord(
            gender=gender, birth_date=birth_date, residence_city=city,
            employment_status=status, last_employment_end=last_end,
            never_employed=never_employed, has_training=has_training, has_career=has_career,
            has_certificate=has_certificate, documents=documents.get(pk, ()),
            participations=history.get(pk, []),
        )
        for (
            pk, gender, birth_date, city, status, last_end, never_employed,
            has_training, has_career, has_certificate,
        ) in profiles
    }  # fmt: skip
    contributions = contributed_facts(profile_ids, records)
    return {pk: record_facts(record, contributions[pk]) for pk, record in records.items()}


def applicant_facts(profile: ApplicantProfile | None) -> Facts:
    """Her facts; nothing is known of an applicant without a profile yet."""
    if profile is None:
        return Facts()
    return facts_for_applicants([profile.pk])[profile.pk]


def _participation_records(profile_ids) -> dict[int, list[tuple]]:
    """Imported past participations: ``{profile_id: [(programme code, start, end), ...]}``."""
    found: dict[int, list[tuple]] = {}
    rows = ParticipationRecord.objects.filter(profile_id__in=profile_ids).values_list(
        "profile_id", "program__code", "started_on", "ended_on"
    )
    for profile_id, code, start, end in rows.order_by():
        found.setdefault(profile_id, []).append((code, start, end))
    return found


def _has(model) -> Exists:
    return Exists(model.objects.filter(profile=OuterRef("pk")))


def _document_kinds(profile_ids) -> dict[int, set[str]]:
    kinds: dict[int, set[str]] = defaultdict(set)
    rows = Document.objects.filter(profile_id__in=profile_ids).order_by()
    for profile_id, kind in rows.values_list("profile_id", "kind").distinct():
        kinds[profile_id].add(kind)
    return kinds


# --- Self-check answers carried into the profile -------------------------------------------------


@dataclass(frozen=True)
class FillItem:
    """One profile field a kept self-check answer would fill: its value and how it reads."""

    field: str
    label: str
    value: object
    text: str


def self_check_fill_items(profile: ApplicantProfile, answers: SelfCheckAnswers) -> list[FillItem]:
    """The answers that would fill a field of her profile that is still empty, in form order.

    A field she has already filled is never offered; qualifications, documents, completed courses
    and past participation need records of their own and are not copied.
    """
    items: list[FillItem] = []
    if not profile.residence_city_id and answers.city:
        city = City.objects.filter(code=answers.city).first()
        if city is not None:
            items.append(
                FillItem("residence_city", _field_label("residence_city"), city, city.name)
            )
            district = District.objects.filter(city=city, code=answers.district).first()
            if district is not None and not profile.residence_district_id:
                label = _field_label("residence_district")
                items.append(FillItem("residence_district", label, district, district.name))
    if not profile.birth_date and answers.birth_date:
        text = answers.birth_date.isoformat()
        items.append(FillItem("birth_date", _field_label("birth_date"), answers.birth_date, text))
    for name, choices in (
        ("gender", ApplicantProfile.Gender),
        ("employment_status", ApplicantProfile.EmploymentStatus),
    ):
        value = getattr(answers, name)
        if not getattr(profile, name) and value in choices.values:
            items.append(FillItem(name, _field_label(name), value, str(choices(value).label)))
    if not (profile.last_employment_end or profile.never_employed):
        if answers.last_employment_end:
            end = answers.last_employment_end
            label = _field_label("last_employment_end")
            items.append(FillItem("last_employment_end", label, end, end.isoformat()))
        elif answers.never_employed:
            label = _field_label("never_employed")
            items.append(FillItem("never_employed", label, True, str(_("예"))))
    return items


def _field_label(name: str) -> str:
    return str(ApplicantProfile._meta.get_field(name).verbose_name)


# --- Profile completeness ----------------------------------------------------------------------

REQUIRED_PROFILE_FIELDS = [
    "name",
    "birth_date",
    "gender",
    "phone",
    "residence_city",
    "residence_district",
    "employment_status",
    "desired_work_type",
]


def profile_missing_items(profile: ApplicantProfile) -> list[str]:
    """Labels of what the profile still lacks for an application to be screened."""
    missing = [
        str(ApplicantProfile._meta.get_field(name).verbose_name)
        for name in REQUIRED_PROFILE_FIELDS
        if not getattr(profile, f"{name}_id" if name.startswith("residence") else name)
    ]
    if not (profile.last_employment_end or profile.never_employed):
        missing.append(_("마지막 근무 종료일 (근무 경험이 없으면 '근무 경험 없음')"))
    return missing


def profile_for_edit(profile: ApplicantProfile) -> ApplicantProfile:
    return ApplicantProfile.objects.prefetch_related(
        "desired_job_categories", "preferred_districts"
    ).get(pk=profile.pk)


def qualifications_of(profile: ApplicantProfile) -> dict[str, QuerySet]:
    return {
        "career": CareerEntry.objects.filter(profile=profile).select_related("job_category"),
        "certificate": Certificate.objects.filter(profile=profile),
        "training": CompletedTraining.objects.filter(profile=profile),
    }


# --- Consents and documents --------------------------------------------------------------------


def active_consents(profile: ApplicantProfile) -> dict[str, Consent]:
    """The consents in force, by item."""
    rows = Consent.objects.filter(profile=profile, withdrawn_at__isnull=True)
    return {consent.item: consent for consent in rows}


def missing_required_consents(
    profile: ApplicantProfile, items: tuple[str, ...] = REQUIRED_ITEMS
) -> list[str]:
    """Titles of the given consent items (default: all required) not given under the current
    notice version."""
    active = active_consents(profile)
    return [
        str(NOTICES[item].title)
        for item in items
        if item not in active or active[item].notice_version != NOTICES[item].version
    ]


def active_proxy_consent(profile: ApplicantProfile) -> ProxyConsent | None:
    """Her consent in force that a counsellor acts for her, with who collected it."""
    return (
        ProxyConsent.objects.select_related("collected_by")
        .filter(profile=profile, withdrawn_at__isnull=True)
        .first()
    )


def documents_for_profile(profile: ApplicantProfile) -> QuerySet[Document]:
    return Document.objects.filter(profile=profile).select_related("submitted_by")


def documents_for_user(user) -> QuerySet[Document]:
    """Documents the user may download here: her own, or (city staff) all.

    Companies download their candidates' documents through ``matching`` (``matching/visibility.py``
    says whom a company may see).
    """
    documents = Document.objects.select_related("profile__user")
    if not user.is_authenticated:
        return documents.none()
    if is_city_staff(user):
        return documents
    return documents.filter(profile__user=user)


# --- What companies may see --------------------------------------------------------------------


@dataclass(frozen=True)
class CareerLine:
    field: str
    years: int
    description: str


@dataclass(frozen=True)
class CertificateLine:
    name: str
    issuer: str
    acquired_on: date


@dataclass(frozen=True)
class TrainingLine:
    title: str
    completed_on: date
    course_id: int | None


@dataclass(frozen=True)
class DocumentRef:
    id: int
    kind: str
    kind_label: str
    name: str


@dataclass(frozen=True)
class CandidateCard:
    """What a company may see of one applicant: only the items she consented to share.

    Without the provision consent every field but ``profile_id`` is None; contact details need
    the optional contact consent as well.
    """

    profile_id: int
    name: str | None = None
    age: int | None = None
    district: str | None = None
    career_entries: tuple[CareerLine, ...] | None = None
    certificates: tuple[CertificateLine, ...] | None = None
    education: str | None = None
    completed_trainings: tuple[TrainingLine, ...] | None = None
    desired_work_type: str | None = None
    documents: tuple[DocumentRef, ...] | None = None
    phone: str | None = None
    email: str | None = None


def candidate_cards(profile_ids, *, on: date | None = None) -> dict[int, CandidateCard]:
    """Candidate cards of many applicants in a fixed number of queries whatever the count: six,
    and one per training source of ``applicants/facts.py``."""
    on = on or timezone.localdate()
    profile_ids = list(profile_ids)
    active = Consent.objects.filter(withdrawn_at__isnull=True)
    elsewhere = contributed_trainings(profile_ids)
    profiles = (
        ApplicantProfile.objects.filter(pk__in=profile_ids)
        .select_related("user", "residence_district")
        .prefetch_related(
            Prefetch("consents", queryset=active, to_attr="active_consents"),
            Prefetch("career_entries", queryset=CareerEntry.objects.select_related("job_category")),
            "certificates",
            "completed_trainings",
            "documents",
        )
    )
    return {profile.pk: _card(profile, on, elsewhere.get(profile.pk, ())) for profile in profiles}


def _card(profile: ApplicantProfile, on: date, trainings_elsewhere) -> CandidateCard:
    items = {consent.item for consent in profile.active_consents}
    if Consent.Item.PROVISION not in items:
        return CandidateCard(profile_id=profile.pk)
    shares_contact = Consent.Item.CONTACT in items
    return CandidateCard(
        profile_id=profile.pk,
        name=profile.name,
        age=age_on(profile.birth_date, on) if profile.birth_date else None,
        district=profile.residence_district.name if profile.residence_district else None,
        career_entries=tuple(
            CareerLine(entry.job_category.name, entry.years, entry.description)
            for entry in profile.career_entries.all()
        ),
        certificates=tuple(
            CertificateLine(cert.name, cert.issuer, cert.acquired_on)
            for cert in profile.certificates.all()
        ),
        education=_education_text(profile),
        completed_trainings=tuple(
            sorted(
                [
                    *(
                        TrainingLine(training.title, training.completed_on, None)
                        for training in profile.completed_trainings.all()
                    ),
                    *trainings_elsewhere,
                ],
                key=lambda line: line.completed_on,
            )
        ),
        desired_work_type=profile.get_desired_work_type_display() or None,
        documents=tuple(
            DocumentRef(doc.pk, doc.kind, str(doc.get_kind_display()), doc.original_name)
            for doc in profile.documents.all()
        ),
        phone=(profile.phone or None) if shares_contact else None,
        email=profile.user.email if shares_contact else None,
    )


def _education_text(profile: ApplicantProfile) -> str | None:
    if not profile.education_level:
        return None
    level = str(profile.get_education_level_display())
    return f"{level} ({profile.education_major})" if profile.education_major else level


# --- Allowance ---------------------------------------------------------------------------------


def allowance_applications_for(profile: ApplicantProfile) -> QuerySet[AllowanceApplication]:
    return (
        AllowanceApplication.objects.filter(profile=profile)
        .select_related("intake__program", "submitted_by")
        .prefetch_related(
            Prefetch(
                "reports",
                queryset=reports_with_payment().order_by("month", "pk"),
            )
        )
    )


def reports_with_payment() -> QuerySet[ActivityReport]:
    """Reports with what the ledger pays for each (``paid_krw``, corrections included) and the
    status of the payment it released (``payment_status``; ``None`` before acceptance)."""
    entries = LedgerEntry.objects.filter(
        source_type__app_label="applicants",
        source_type__model="activityreport",
        source_id=OuterRef("pk"),
    )
    paid = entries.order_by().values("source_id").annotate(total=Sum("amount_krw")).values("total")
    return ActivityReport.objects.annotate(
        paid_krw=Subquery(paid),
        payment_status=Subquery(entries.filter(corrects=None).values("status")[:1]),
    )


def reports_for_user(user) -> QuerySet[ActivityReport]:
    """Activity reports whose evidence the user may download: her own, or staff all."""
    reports = ActivityReport.objects.select_related("application__profile__user")
    if is_city_staff(user):
        return reports
    return reports.filter(application__profile__user=user)


@dataclass(frozen=True)
class AllowanceTerms:
    monthly_krw: int
    months: int


def allowance_terms(program: Program | None) -> AllowanceTerms:
    """How much a month and for how many months: the programme's figures (``amount_krw``,
    ``months``), staff-edited in admin; the first programme's terms when it has none."""
    figures = program.figures if program is not None else {}
    return AllowanceTerms(
        monthly_krw=figures.get("amount_krw", ALLOWANCE_MONTHLY_KRW),
        months=figures.get("months", ALLOWANCE_MAX_MONTHS),
    )


# --- Staff work queues (the admin home) ----------------------------------------------------------


def activity_reports_to_review() -> QuerySet[ActivityReport]:
    return ActivityReport.objects.filter(status=ActivityReport.Status.SUBMITTED)
