"""Pages of a list that are read only when a template renders them."""

from django.core.paginator import Page, Paginator
from django.utils.functional import SimpleLazyObject

from womenup.cache import cached_by_version


def lazy_page(items, per_page: int, number) -> Page:
    """``Paginator(items, per_page).get_page(number)``, counted and read on first use.

    A list page whose body is a cached fragment then runs no query for it on a cache hit.
    """
    return SimpleLazyObject(lambda: Paginator(items, per_page).get_page(number))


def cached_page(names: tuple[str, ...], key: str, items, per_page: int, number) -> Page:
    """``Paginator(items, per_page).get_page(number)``, its rows and count kept by data version
    (``womenup.cache.cached_by_version``): for a list whose rows are the same for everyone but
    whose page is rendered for each viewer (an applicant's marks on the role list)."""

    def build() -> tuple:
        page = Paginator(items, per_page).get_page(number)
        return page.number, list(page.object_list), page.paginator.count

    found_number, rows, count = cached_by_version(names, key, build)
    paginator = Paginator((), per_page)
    paginator.count = count  # known: the rows are not counted again
    return Page(rows, found_number, paginator)
