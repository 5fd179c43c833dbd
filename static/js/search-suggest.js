/*
 * Suggestions as you type in the site's search boxes (progressive enhancement).
 *
 * Every <input data-search-suggest="/<language>/search/suggest/"> becomes an ARIA 1.2
 * combobox with a list box of suggestions: the titles of opportunities, partners and pages
 * that begin with what is typed. Down and Up arrows move through the suggestions, Enter opens
 * the one chosen, Escape closes the list (a second Escape clears the box), Tab leaves it.
 * Without JavaScript the box is an ordinary search form. No dependency, no external request.
 */
(function () {
  "use strict";

  var DELAY = 150;
  var MIN_LENGTH = 2;
  var counter = 0;

  function Suggest(input) {
    counter += 1;
    this.input = input;
    this.url = input.getAttribute("data-search-suggest");
    this.items = [];
    this.active = -1;
    this.timer = null;
    this.request = null;
    this.lastQuery = "";
    this.id = "search-suggest-" + counter;

    this.list = document.createElement("ul");
    this.list.id = this.id + "-list";
    this.list.className = "search-suggest__list";
    this.list.setAttribute("role", "listbox");
    var label = input.labels && input.labels.length ? input.labels[0] : null;
    if (label) {
      if (!label.id) {
        label.id = this.id + "-label";
      }
      this.list.setAttribute("aria-labelledby", label.id);
    }
    this.list.hidden = true;

    this.status = document.createElement("p");
    this.status.className = "visually-hidden";
    this.status.setAttribute("role", "status");

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", this.list.id);
    input.setAttribute("autocomplete", "off");

    var holder = input.parentNode;
    holder.classList.add("search-suggest");
    holder.insertBefore(this.list, input.nextSibling);
    holder.appendChild(this.status);

    input.addEventListener("input", this.onInput.bind(this));
    input.addEventListener("keydown", this.onKeyDown.bind(this));
    input.addEventListener("blur", this.onBlur.bind(this));
    this.list.addEventListener("mousedown", function (event) {
      // Keep the focus in the box while a suggestion is clicked.
      event.preventDefault();
    });
    this.list.addEventListener("click", this.onClick.bind(this));
  }

  Suggest.prototype.onInput = function () {
    var self = this;
    window.clearTimeout(this.timer);
    var query = this.input.value.trim();
    if (query.length < MIN_LENGTH) {
      this.close();
      return;
    }
    this.timer = window.setTimeout(function () {
      self.fetch(query);
    }, DELAY);
  };

  Suggest.prototype.fetch = function (query) {
    var self = this;
    if (this.request) {
      this.request.abort();
    }
    this.request = "AbortController" in window ? new AbortController() : null;
    this.lastQuery = query;
    var address = this.url + (this.url.indexOf("?") === -1 ? "?" : "&") + "q=" + encodeURIComponent(query);
    window
      .fetch(address, {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        signal: this.request ? this.request.signal : undefined,
      })
      .then(function (response) {
        return response.ok ? response.json() : { results: [] };
      })
      .then(function (data) {
        if (query !== self.lastQuery || self.input.value.trim() !== query) {
          return;
        }
        self.show(Array.isArray(data.results) ? data.results : []);
      })
      .catch(function () {
        // Offline or aborted: the form still works without suggestions.
      });
  };

  Suggest.prototype.show = function (items) {
    var self = this;
    this.items = items;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    while (this.list.firstChild) {
      this.list.removeChild(this.list.firstChild);
    }
    items.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = self.id + "-option-" + index;
      option.className = "search-suggest__option";
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.setAttribute("data-index", String(index));
      var title = document.createElement("span");
      title.className = "search-suggest__title";
      title.textContent = item.title;
      option.appendChild(title);
      if (item.type_label) {
        var kind = document.createElement("span");
        kind.className = "search-suggest__type";
        kind.textContent = item.type_label;
        option.appendChild(document.createTextNode(" "));
        option.appendChild(kind);
      }
      self.list.appendChild(option);
    });
    var open = items.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute("aria-expanded", open ? "true" : "false");
    this.status.textContent = this.input.getAttribute(open ? "data-status-some" : "data-status-none") || "";
  };

  Suggest.prototype.close = function () {
    this.list.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  Suggest.prototype.isOpen = function () {
    return !this.list.hidden && this.items.length > 0;
  };

  Suggest.prototype.move = function (step) {
    if (!this.items.length) {
      return;
    }
    if (!this.isOpen()) {
      this.list.hidden = false;
      this.input.setAttribute("aria-expanded", "true");
    }
    var options = this.list.children;
    if (this.active >= 0) {
      options[this.active].setAttribute("aria-selected", "false");
    }
    var count = this.items.length;
    this.active = this.active < 0 ? (step > 0 ? 0 : count - 1) : (this.active + step + count) % count;
    var option = options[this.active];
    option.setAttribute("aria-selected", "true");
    this.input.setAttribute("aria-activedescendant", option.id);
    if (option.scrollIntoView) {
      option.scrollIntoView({ block: "nearest" });
    }
  };

  Suggest.prototype.go = function (index) {
    var item = this.items[index];
    if (item && item.url) {
      window.location.assign(item.url);
    }
  };

  Suggest.prototype.onKeyDown = function (event) {
    switch (event.key) {
      case "ArrowDown":
      case "Down":
        event.preventDefault();
        this.move(1);
        break;
      case "ArrowUp":
      case "Up":
        event.preventDefault();
        this.move(-1);
        break;
      case "Enter":
        if (this.isOpen() && this.active >= 0) {
          event.preventDefault();
          this.go(this.active);
        }
        break;
      case "Escape":
      case "Esc":
        if (this.isOpen()) {
          event.preventDefault();
          this.close();
        } else if (this.input.value) {
          event.preventDefault();
          this.input.value = "";
        }
        break;
      case "Tab":
        this.close();
        break;
      default:
        break;
    }
  };

  Suggest.prototype.onBlur = function () {
    this.close();
  };

  Suggest.prototype.onClick = function (event) {
    var option = event.target.closest("[role='option']");
    if (option) {
      this.go(Number(option.getAttribute("data-index")));
    }
  };

  function init() {
    var inputs = document.querySelectorAll("input[data-search-suggest]");
    Array.prototype.forEach.call(inputs, function (input) {
      if (!input.hasAttribute("role") && window.fetch) {
        new Suggest(input);
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
