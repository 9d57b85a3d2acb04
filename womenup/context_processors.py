"""Values every page needs: the program menu of the header and the site's brand."""

from womenup import branding
from womenup.programs import selectors


def navigation(request) -> dict:
    return {
        "menu_programs": selectors.programs_for_menu(),
        "portal_name": branding.portal_name(),
        "portal_operator": branding.portal_operator(),
    }
