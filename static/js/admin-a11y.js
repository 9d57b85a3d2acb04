// Admin accessibility fixes that need the page's own scripts to have run (no inline script:
// the Content-Security-Policy forbids it). Django's filter widget (SelectFilter2.js) labels its
// search icon, a <span>, with aria-label but no role, which assistive technology ignores.
"use strict";
(function () {
  function fix(root) {
    root.querySelectorAll(".search-label-icon[aria-label]:not([role])").forEach(function (icon) {
      icon.setAttribute("role", "img");
    });
  }
  new MutationObserver(function () { fix(document); }).observe(document.documentElement, {
    childList: true,
    subtree: true,
  });
})();
