/* Imports (admin): a busy state while a form sends a file or confirms an import, and, on the
 * status page of a run that is still working, its progress polled every second (the page then
 * reloads to show the result). Without JavaScript the forms still work and the status page
 * refreshes itself (<noscript> meta refresh). */
(function () {
  "use strict";

  document.querySelectorAll("form[data-import-busy]").forEach(function (form) {
    form.addEventListener("submit", function () {
      var button = form.querySelector("button[data-busy-label]");
      form.setAttribute("aria-busy", "true");
      if (button) {
        // Disabled after this event: the form is already on its way, and not sent twice.
        window.setTimeout(function () {
          button.disabled = true;
          button.textContent = button.getAttribute("data-busy-label");
        }, 0);
      }
    });
  });

  var box = document.querySelector("[data-import-progress]");
  if (!box) {
    return;
  }
  var url = box.getAttribute("data-import-progress");
  var bar = box.querySelector("progress");
  var percent = box.querySelector("[data-import-progress-percent]");
  var text = box.querySelector("[data-import-progress-text]");

  function poll() {
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (state) {
        if (!state || !state.pending) {
          window.location.reload();
          return;
        }
        bar.value = state.percent;
        bar.textContent = state.percent_text;
        percent.textContent = state.percent_text;
        text.textContent = state.text;
        window.setTimeout(poll, 1000);
      })
      .catch(function () {
        window.setTimeout(poll, 3000);
      });
  }

  window.setTimeout(poll, 1000);
})();
