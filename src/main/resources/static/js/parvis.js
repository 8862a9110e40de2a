// Parvis — small progressive enhancements. Every page works without JavaScript.
(function () {
  "use strict";

  // Ask for confirmation before destructive actions (forms with data-confirm).
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var message = form.getAttribute("data-confirm");
    if (message && !window.confirm(message)) {
      event.preventDefault();
    }
  });

  // Move focus to the error summary or the flash message after a page load, so screen readers announce it.
  document.addEventListener("DOMContentLoaded", function () {
    var summary = document.querySelector("[data-focus-on-load]");
    if (summary) {
      summary.setAttribute("tabindex", "-1");
      summary.focus();
    }
  });

  // Copy buttons (API token secret).
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-copy]");
    if (!button || !navigator.clipboard) {
      return;
    }
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (source) {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        var status = document.getElementById(button.getAttribute("data-copy") + "-status");
        if (status) {
          status.textContent = button.getAttribute("data-copied");
        }
      });
    }
  });
})();
