"""Company eligibility: the company rules of the programmes that take roles, as rule rows.

Which companies may take part is data: each programme that takes companies' roles has rule rows
of the company kinds (``company_location``, ``company_min_employees``, ``company_sme``; Seoul's
internships: located in Seoul, 5 or more regular employees, SME), judged by the same evaluator
as applicants' rules. The registration form shows the reasons live while the company is being
entered, and the same function runs on submit. A company that does not qualify may still
register (it stays pending and staff decide), but it sees why.
"""

from django.utils import timezone

from womenup.programs.eligibility import CompanyFacts, Outcome, evaluate
from womenup.programs.eligibility.reasons import render
from womenup.programs.selectors import company_rules_by_program


def company_ineligibility_reasons(facts: CompanyFacts) -> list[str]:
    """Why the company can take part in no programme, worded; empty when one admits it.

    The programmes of the company's own city are asked first; when its city has none that takes
    companies, every programme that does is asked (so a company outside every such city is told
    where companies must be).
    """
    programmes = company_rules_by_program()
    own_city = {p: rules for p, rules in programmes.items() if p.city.code == facts.city}
    today = timezone.localdate()
    verdicts = [evaluate(rules, facts, on=today) for rules in (own_city or programmes).values()]
    if not verdicts or any(verdict.outcome is Outcome.PASS for verdict in verdicts):
        return []
    reasons: list[str] = []
    for verdict in verdicts:
        for result in verdict.results:
            if result.reason is None:
                continue
            sentence = render(result.reason)
            if sentence not in reasons:
                reasons.append(sentence)
    return reasons


def facts_of(*, district, regular_employees: int | None, is_sme: bool) -> CompanyFacts:
    """Facts from what the form holds (``district`` is a District row or None)."""
    city_code = district.city.code if district is not None else None
    return CompanyFacts(city=city_code, regular_employees=regular_employees, is_sme=is_sme)
