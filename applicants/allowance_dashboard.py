"""This app's section of the applicant dashboard (see applicants/dashboard.py)."""


def applicant_section(profile):
    """Nothing to show yet."""
    return None
