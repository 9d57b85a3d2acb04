// Draws each chart of the admin KPI page from its json_script data (templates/admin/kpi.html).
// The table under each chart holds the same figures, so the page reads without script too.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  if (typeof window.Chart === "undefined") {
    return;
  }
  document.querySelectorAll("canvas[data-kpi-chart]").forEach((canvas) => {
    const source = document.getElementById(canvas.dataset.kpiChart);
    if (!source) {
      return;
    }
    const data = JSON.parse(source.textContent);
    const chart = new window.Chart(canvas, {
      type: data.type,
      data: { labels: data.labels, datasets: data.datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    });
    canvas.dataset.kpiDrawn = String(chart.data.datasets.length);
  });
});
