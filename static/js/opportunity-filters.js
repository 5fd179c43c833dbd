/*
 * Opportunity index: the filter form updates the results as soon as a filter or the sort
 * order changes, without reloading the page (progressive enhancement).
 *
 * Without JavaScript the form works as it is: tick filters, then "Apply filters". With it,
 * the page fetches the same address the form would open, swaps in its facets and results,
 * keeps the focus where it was, updates the address bar (every state stays shareable) and
 * announces the number of results to screen readers. If anything fails, it opens the
 * address the ordinary way.
 */
(function () {
  "use strict";

  var form = document.getElementById("opportunity-filters");
  if (!form || !window.fetch || !window.DOMParser || !window.URLSearchParams || !window.history) {
    return;
  }
  document.documentElement.classList.add("has-live-filters");

  var status = document.getElementById("opportunity-status");
  var pending = null;

  function addressOf() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (value !== "" && !(name === "sort" && value === "newest")) {
        params.append(name, value);
      }
    });
    var query = params.toString();
    return form.getAttribute("action") + (query ? "?" + query : "");
  }

  function swap(html) {
    var doc = new DOMParser().parseFromString(html, "text/html");
    var parts = ["opportunity-facets", "opportunity-results"];
    var replacements = parts.map(function (id) {
      return [document.getElementById(id), doc.getElementById(id)];
    });
    if (replacements.some(function (pair) { return !pair[0] || !pair[1]; })) {
      return false;
    }
    var clear = form.querySelector(".facets__actions");
    var newClear = doc.querySelector("#opportunity-filters .facets__actions");
    replacements.forEach(function (pair) {
      pair[0].replaceWith(document.importNode(pair[1], true));
    });
    if (clear && newClear) {
      clear.replaceWith(document.importNode(newClear, true));
    }
    return true;
  }

  function update(focusId, focusName) {
    var address = addressOf();
    if (pending) {
      pending.abort();
    }
    pending = new AbortController();
    var results = document.getElementById("opportunity-results");
    if (results) {
      results.setAttribute("aria-busy", "true");
    }
    fetch(address, { signal: pending.signal, headers: { Accept: "text/html" } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(response.status);
        }
        return response.text();
      })
      .then(function (html) {
        if (!swap(html)) {
          throw new Error("unexpected page");
        }
        window.history.pushState({ opportunityFilters: true }, "", address);
        // The control just used, else (a value left with no result is no longer listed)
        // the first of its group, else the results.
        var focused =
          (focusId && document.getElementById(focusId)) ||
          (focusName && form.querySelector('input[name="' + focusName + '"]')) ||
          document.getElementById("opportunity-results");
        if (focused) {
          focused.focus();
        }
        var heading = document.getElementById("results-heading");
        if (status && heading) {
          status.textContent = heading.textContent.trim();
        }
      })
      .catch(function (error) {
        if (error && error.name === "AbortError") {
          return;
        }
        window.location.assign(address);
      });
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.form === form && (target.type === "checkbox" || target.tagName === "SELECT")) {
      update(target.id, target.name);
    }
  });

  // Back and forward restore the state of their address.
  window.addEventListener("popstate", function () {
    window.location.reload();
  });
})();
