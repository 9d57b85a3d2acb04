/* Live character counter for text fields with a length limit (data-max-length, set by
   womenup.forms.LimitedTextBoundField). The browser never cuts the text: over the limit the
   counter says by how much, and the server refuses it with the portal's sentence. */
(function () {
  "use strict";

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : whole;
    });
  }

  function attach(field) {
    var limit = parseInt(field.getAttribute("data-max-length"), 10);
    if (!limit || !field.id) { return; }
    var counter = document.createElement("div");
    counter.id = field.id + "_counter";
    counter.className = "form-text char-counter";
    counter.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", counter);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (described ? described + " " : "") + counter.id);

    function update() {
      var count = Array.from(field.value).length;  // characters, not UTF-16 units
      var over = count - limit;
      var values = { count: count, limit: limit, over: over };
      if (over > 0) {
        counter.textContent = fill(field.getAttribute("data-counter-over"), values);
        counter.classList.add("text-danger");
      } else {
        counter.textContent = fill(field.getAttribute("data-counter-text"), values);
        counter.classList.remove("text-danger");
      }
    }

    field.addEventListener("input", update);
    update();
  }

  document.querySelectorAll("[data-max-length]").forEach(attach);
})();
