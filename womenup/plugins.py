"""What apps plug into the kernel, registered from their ``AppConfig.ready()``.

The kernel names no app: ``manage.py load_demo`` runs the demo loaders apps register here.
This module imports no model, so an ``apps.py`` may import it at the top.
"""

from collections.abc import Callable

DemoLoader = Callable[..., list[tuple[str, str]]]
_DEMO_LOADERS: list[tuple[int, DemoLoader]] = []


def register_demo_loader(order: int, loader: DemoLoader) -> None:
    """Add ``loader(*, today) -> [(label, email), ...]``; loaders run by ``order``, lowest first
    (the kernel 0, courses 10, companies 20, applicants 30, matching 40)."""
    if (order, loader) not in _DEMO_LOADERS:
        _DEMO_LOADERS.append((order, loader))


def demo_loaders() -> list[DemoLoader]:
    return [loader for _order, loader in sorted(_DEMO_LOADERS, key=lambda entry: entry[0])]
