/* Company registration: re-check eligibility while the company is being entered.
   Without JavaScript the "요건 다시 확인" button does the same with a page reload. */
(function () {
  "use strict";
  var form = document.getElementById("company-form");
  var result = document.getElementById("eligibility-result");
  if (!form || !result || !window.fetch) { return; }
  var url = form.getAttribute("data-eligibility-url");
  var names = ["district", "regular_employees", "is_sme"];
  var timer = null;

  function query() {
    var params = new URLSearchParams();
    names.forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (!field) { return; }
      if (field.type === "checkbox") {
        if (field.checked) { params.set(name, "on"); }
      } else {
        params.set(name, field.value);
      }
    });
    return params.toString();
  }

  function refresh() {
    fetch(url + "?" + query(), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) { if (html !== null) { result.innerHTML = html; } })
      .catch(function () { /* the check button still works */ });
  }

  names.forEach(function (name) {
    var field = form.elements.namedItem(name);
    if (!field) { return; }
    ["change", "input"].forEach(function (event) {
      field.addEventListener(event, function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(refresh, 250);
      });
    });
  });
})();
