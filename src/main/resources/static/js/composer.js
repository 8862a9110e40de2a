// Parvis — composer: instant count of the characters typed (code points). The preview beside the
// form shows the server's counts, as each network counts them: those are the truth.
(function () {
  "use strict";

  function count(text) {
    return Array.from(text || "").length;
  }

  function update(field) {
    var target = document.getElementById(field.getAttribute("data-count"));
    if (!target) {
      return;
    }
    var template = target.getAttribute("data-template") || target.textContent;
    if (!target.getAttribute("data-template")) {
      target.setAttribute("data-template", template.replace(/\d[\d\s\u202f\u00a0]*/, "{n}"));
    }
    target.textContent = target.getAttribute("data-template").replace("{n}", String(count(field.value)));
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-count]").forEach(function (field) {
      field.addEventListener("input", function () { update(field); });
    });
    // Opening a variant when its account is ticked helps adapting the text.
    document.querySelectorAll("input[name=accounts][aria-controls]").forEach(function (box) {
      box.addEventListener("change", function () {
        var details = document.getElementById(box.getAttribute("aria-controls"));
        if (details && !box.checked) {
          details.open = false;
        }
      });
    });
  });
})();
