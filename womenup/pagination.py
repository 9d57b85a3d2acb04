"""Pages of a list that are read only when a template renders them."""

from django.core.paginator import Page, Paginator
from django.utils.functional import SimpleLazyObject


def lazy_page(items, per_page: int, number) -> Page:
    """``Paginator(items, per_page).get_page(number)``, counted and read on first use.

    A list page whose body is a cached fragment then runs no query for it on a cache hit.
    """
    return SimpleLazyObject(lambda: Paginator(items, per_page).get_page(number))
