"""Values every page needs: the program menu of the header."""

from womenup.programs import selectors


def navigation(request) -> dict:
    return {"menu_programs": selectors.programs_for_menu()}
