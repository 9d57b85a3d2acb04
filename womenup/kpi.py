"""The KPI dashboard (`/admin/kpi/`) is made of tables, one per metric, each also drawn as a chart.

Apps add a metric with :func:`register_metric` in their ``AppConfig.ready()``; the kernel names
no app. A metric's builder ``() -> KpiTable`` runs a fixed number of queries whatever the data
size, so the whole page does too. The page shows metrics by ``order``, lowest first, and every
table is also a CSV file (``womenup.views.kpi_csv``). This module imports no model, so an
``apps.py`` may import it at the top.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field


@dataclass(frozen=True)
class KpiTable:
    """A table of figures: the first ``label_columns`` cells of a row name it, the rest are
    numbers. The chart draws one series per column in ``series`` (default: every number column)
    over the rows."""

    title: str
    columns: Sequence[str]
    rows: Sequence[Sequence]
    label_columns: int = 1
    series: Sequence[int] | None = None
    chart: str = "bar"  # a Chart.js chart type: "bar" or "line"
    note: str = ""

    def chart_data(self) -> dict:
        """What ``static/js/admin-kpi.js`` hands to Chart.js (plain JSON values)."""
        charted = self.series if self.series is not None else self._number_columns()
        return {
            "type": self.chart,
            "labels": [
                " · ".join(str(cell) for cell in row[: self.label_columns]) for row in self.rows
            ],
            "datasets": [
                {"label": str(self.columns[index]), "data": [row[index] for row in self.rows]}
                for index in charted
            ],
        }

    def _number_columns(self) -> range:
        return range(self.label_columns, len(self.columns))


@dataclass(frozen=True)
class Metric:
    slug: str
    order: int
    builder: Callable[[], KpiTable] = field(compare=False)


_METRICS: dict[str, Metric] = {}


def register_metric(slug: str, builder: Callable[[], KpiTable], *, order: int) -> None:
    """Add a metric; ``slug`` names its CSV file (``/admin/kpi/<slug>.csv``)."""
    _METRICS[slug] = Metric(slug=slug, order=order, builder=builder)


def metrics() -> list[Metric]:
    return sorted(_METRICS.values(), key=lambda metric: (metric.order, metric.slug))


def metric(slug: str) -> Metric | None:
    return _METRICS.get(slug)
