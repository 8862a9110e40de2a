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

// Parvis — composer: hashtag and mention suggestions (ARIA 1.2 combobox with a listbox popup).
// Without JavaScript the text areas stay plain text areas. Every text from the server is put in
// the page with textContent, never as HTML.
(function () {
  "use strict";

  var TOKEN = /(^|[^\p{L}\p{N}_\/.@#&])([#@][\p{L}\p{N}_.@-]{0,99})$/u;
  var ui;
  var live;
  var counter = 0;

  function text(name, value) {
    var template = ui.getAttribute("data-" + name) || "";
    return value === undefined ? template : template.replace("{0}", value);
  }

  function announce(message) {
    if (!live) {
      return;
    }
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 30);
  }

  function Suggest(area) {
    var self = this;
    counter++;
    this.area = area;
    this.items = [];
    this.active = -1;
    this.token = null;
    this.request = null;
    this.timer = null;
    this.list = document.createElement("ul");
    this.list.id = (area.id || "suggest-" + counter) + "-suggestions";
    this.list.className = "suggestions";
    this.list.setAttribute("role", "listbox");
    this.list.setAttribute("aria-label", text("suggest-label"));
    this.list.hidden = true;
    area.insertAdjacentElement("afterend", this.list);
    area.setAttribute("role", "combobox");
    area.setAttribute("aria-autocomplete", "list");
    area.setAttribute("aria-expanded", "false");
    area.setAttribute("aria-controls", this.list.id);
    var described = area.getAttribute("aria-describedby");
    area.setAttribute("aria-describedby", (described ? described + " " : "") + "composer-suggest-hint");
    area.parentElement.classList.add("has-suggestions");

    area.addEventListener("input", function () { self.schedule(); });
    area.addEventListener("click", function () { self.schedule(); });
    area.addEventListener("keydown", function (event) { self.key(event); });
    area.addEventListener("blur", function () {
      window.setTimeout(function () {
        if (document.activeElement !== self.area) { // not when the whole window loses the focus
          self.close();
        }
      }, 150);
    });
    this.list.addEventListener("mousedown", function (event) {
      event.preventDefault(); // the text area keeps the focus
      var option = event.target.closest("[role=option]");
      if (option) {
        self.pick(Number(option.getAttribute("data-index")));
      }
    });
  }

  Suggest.prototype.currentToken = function () {
    var area = this.area;
    if (area.selectionStart !== area.selectionEnd) {
      return null;
    }
    var before = area.value.slice(0, area.selectionStart);
    var match = TOKEN.exec(before);
    if (!match || match[2].length < 2) {
      return null;
    }
    return { value: match[2], start: area.selectionStart - match[2].length, end: area.selectionStart };
  };

  Suggest.prototype.schedule = function () {
    var self = this;
    window.clearTimeout(this.timer);
    var token = this.currentToken();
    if (!token) {
      this.close();
      return;
    }
    this.timer = window.setTimeout(function () { self.fetch(token); }, 150);
  };

  Suggest.prototype.fetch = function (token) {
    var self = this;
    if (this.request) {
      this.request.abort();
    }
    this.request = new AbortController();
    var url = ui.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(token.value);
    var account = this.area.getAttribute("data-account");
    if (account) {
      url += "&compte=" + encodeURIComponent(account);
    }
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin", signal: this.request.signal })
      .then(function (response) { return response.ok ? response.json() : []; })
      .then(function (items) {
        var now = self.currentToken();
        if (!now || now.value !== token.value) {
          return; // typed further meanwhile
        }
        self.token = token;
        self.show(items);
      })
      .catch(function () { /* aborted or offline: no suggestions */ });
  };

  Suggest.prototype.show = function (items) {
    var self = this;
    this.items = items || [];
    this.list.textContent = "";
    if (this.items.length === 0) {
      this.close();
      return;
    }
    this.items.forEach(function (item, index) {
      var option = document.createElement("li");
      option.id = self.list.id + "-" + index;
      option.setAttribute("role", "option");
      option.setAttribute("data-index", String(index));
      option.setAttribute("aria-selected", "false");
      var value = document.createElement("span");
      value.className = "suggestion-value";
      value.textContent = item.value;
      var detail = document.createElement("span");
      detail.className = "suggestion-detail";
      detail.textContent = item.detail || "";
      option.appendChild(value);
      option.appendChild(document.createTextNode(" "));
      option.appendChild(detail);
      self.list.appendChild(option);
    });
    var wasOpen = !this.list.hidden;
    this.list.hidden = false;
    this.area.setAttribute("aria-expanded", "true");
    this.select(0);
    if (!wasOpen || this.items.length !== this.lastCount) {
      announce(text("suggest-count", String(this.items.length)));
    }
    this.lastCount = this.items.length;
  };

  Suggest.prototype.select = function (index) {
    var options = this.list.querySelectorAll("[role=option]");
    if (options.length === 0) {
      return;
    }
    this.active = (index + options.length) % options.length;
    options.forEach(function (option, i) {
      option.setAttribute("aria-selected", i === this.active ? "true" : "false");
    }, this);
    var current = options[this.active];
    this.area.setAttribute("aria-activedescendant", current.id);
    if (current.scrollIntoView) {
      current.scrollIntoView({ block: "nearest" });
    }
  };

  Suggest.prototype.close = function () {
    window.clearTimeout(this.timer);
    this.list.hidden = true;
    this.list.textContent = "";
    this.items = [];
    this.active = -1;
    this.lastCount = 0;
    this.area.setAttribute("aria-expanded", "false");
    this.area.removeAttribute("aria-activedescendant");
  };

  Suggest.prototype.isOpen = function () {
    return !this.list.hidden && this.items.length > 0;
  };

  Suggest.prototype.key = function (event) {
    if (!this.isOpen()) {
      return;
    }
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        this.select(this.active + 1);
        break;
      case "ArrowUp":
        event.preventDefault();
        this.select(this.active - 1);
        break;
      case "Enter":
      case "Tab":
        if (this.active >= 0 && !event.shiftKey) {
          event.preventDefault();
          this.pick(this.active);
        }
        break;
      case "Escape":
        event.preventDefault();
        event.stopPropagation();
        this.close();
        break;
      default:
        break;
    }
  };

  Suggest.prototype.pick = function (index) {
    var item = this.items[index];
    var token = this.currentToken();
    if (!item || !token) {
      this.close();
      return;
    }
    var area = this.area;
    var after = area.value.slice(token.end);
    var insert = item.value + (after.charAt(0) === " " ? "" : " ");
    area.value = area.value.slice(0, token.start) + insert + after;
    var caret = token.start + insert.length;
    area.setSelectionRange(caret, caret);
    this.close();
    announce(text("picked", item.value));
    area.dispatchEvent(new Event("input", { bubbles: true })); // counter and live preview
  };

  document.addEventListener("DOMContentLoaded", function () {
    ui = document.getElementById("composer-ui");
    live = document.getElementById("composer-live");
    if (!ui || !window.fetch) {
      return;
    }
    document.querySelectorAll("textarea[data-suggest]").forEach(function (area) {
      area.suggest = new Suggest(area);
    });
  });
})();

// Parvis — composer: the media picker. The text field of each variant keeps the ids (what the form
// sends, and what a person without JavaScript types); the picker shows the chosen media with their
// alternative text, in order, and fills that field.
(function () {
  "use strict";

  var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  var MAX = 4;
  var ui;
  var live;
  var known = {};
  var dialog;
  var current = null; // the picker the dialog serves
  var page = 0;
  var pages = 1;
  var opener = null;

  function text(name, value, second) {
    var template = ui.getAttribute("data-" + name) || "";
    if (value !== undefined) {
      template = template.replace("{0}", value);
    }
    if (second !== undefined) {
      template = template.replace("{1}", second);
    }
    return template;
  }

  function announce(message) {
    live.textContent = "";
    window.setTimeout(function () { live.textContent = message; }, 30);
  }

  function ids(input) {
    return (input.value || "").trim().split(/[\s,;]+/).filter(function (id) { return id.length > 0; });
  }

  function getJson(url) {
    return fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      });
  }

  function resolve(list) {
    var missing = list.filter(function (id) { return UUID.test(id) && !known[id.toLowerCase()]; });
    if (missing.length === 0) {
      return Promise.resolve();
    }
    var url = ui.getAttribute("data-picker-url") + "?" + missing.map(function (id) {
      return "ids=" + encodeURIComponent(id);
    }).join("&");
    return getJson(url).then(function (body) {
      body.items.forEach(function (item) { known[item.id] = item; });
    }).catch(function () {
      // one unknown id makes the whole answer 404: ask one by one
      return Promise.all(missing.map(function (id) {
        return getJson(ui.getAttribute("data-picker-url") + "?ids=" + encodeURIComponent(id))
          .then(function (body) { body.items.forEach(function (item) { known[item.id] = item; }); })
          .catch(function () { /* not in this collectivité's library */ });
      }));
    });
  }

  function name(item, id) {
    return item ? item.fileName : text("unknown", id);
  }

  // a short visible word ("Monter"), the file name for screen readers only
  function button(label, className, handler) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "button secondary small " + className;
    var cut = label.indexOf(" ");
    var visible = document.createElement("span");
    visible.textContent = cut > 0 ? label.slice(0, cut) : label;
    b.appendChild(visible);
    if (cut > 0) {
      var hidden = document.createElement("span");
      hidden.className = "visually-hidden";
      hidden.textContent = label.slice(cut);
      b.appendChild(hidden);
    }
    b.addEventListener("click", handler);
    return b;
  }

  function write(picker, list, message, focusClass, focusIndex) {
    var input = document.getElementById(picker.getAttribute("data-input"));
    input.value = list.join(" ");
    input.dispatchEvent(new Event("input", { bubbles: true })); // live preview
    render(picker);
    if (message) {
      announce(message);
    }
    if (focusClass) {
      var items = picker.querySelectorAll(".media-chosen > li");
      var item = items[Math.min(focusIndex, items.length - 1)];
      var target = item ? item.querySelector("." + focusClass + ":not(:disabled)")
        || item.querySelector("button:not(:disabled)") : picker.querySelector(".media-pick-open");
      if (target) {
        target.focus();
      }
    }
  }

  function render(picker) {
    var input = document.getElementById(picker.getAttribute("data-input"));
    var list = ids(input);
    var chosen = picker.querySelector(".media-chosen");
    chosen.textContent = "";
    picker.querySelector(".media-chosen-empty").hidden = list.length > 0;
    list.forEach(function (id, index) {
      var item = known[id.toLowerCase()];
      var li = document.createElement("li");
      li.className = "media-chosen-item";
      if (item && item.previewUrl) {
        var img = document.createElement("img");
        img.src = item.previewUrl;
        img.alt = ""; // the alternative text is written beside it
        img.className = "media-thumb";
        li.appendChild(img);
      }
      var info = document.createElement("div");
      info.className = "media-chosen-info";
      var title = document.createElement("strong");
      title.textContent = name(item, id);
      info.appendChild(title);
      if (item) {
        var type = document.createElement("span");
        type.className = "muted";
        type.textContent = " — " + item.mediaType;
        info.appendChild(type);
        var alt = document.createElement("p");
        alt.className = "media-alt";
        if (item.altTextMissing) {
          var badge = document.createElement("span");
          badge.className = "badge badge-danger";
          badge.textContent = text("alt-missing");
          alt.appendChild(badge);
          alt.appendChild(document.createTextNode(" "));
          var link = document.createElement("a");
          link.href = item.pageUrl;
          link.target = "_blank";
          link.rel = "noopener";
          link.textContent = text("alt-add", item.fileName) + " " + text("new-tab");
          alt.appendChild(link);
        } else if (item.altText) {
          alt.textContent = text("alt", item.altText);
        }
        info.appendChild(alt);
      }
      li.appendChild(info);
      var actions = document.createElement("div");
      actions.className = "media-chosen-actions";
      var label = name(item, id);
      var up = button(text("up", label), "media-up", function () {
        var l = ids(input);
        var i = l.indexOf(id);
        if (i > 0) {
          l.splice(i - 1, 0, l.splice(i, 1)[0]);
          write(picker, l, text("moved", label, String(i)), "media-up", i - 1);
        }
      });
      up.disabled = index === 0;
      var down = button(text("down", label), "media-down", function () {
        var l = ids(input);
        var i = l.indexOf(id);
        if (i >= 0 && i < l.length - 1) {
          l.splice(i + 1, 0, l.splice(i, 1)[0]);
          write(picker, l, text("moved", label, String(i + 2)), "media-down", i + 1);
        }
      });
      down.disabled = index === list.length - 1;
      var remove = button(text("remove", label), "media-remove", function () {
        var l = ids(input).filter(function (other) { return other !== id; });
        write(picker, l, text("removed", label), "media-remove", index);
      });
      actions.appendChild(up);
      actions.appendChild(down);
      actions.appendChild(remove);
      li.appendChild(actions);
      chosen.appendChild(li);
    });
  }

  function refresh(picker) {
    var input = document.getElementById(picker.getAttribute("data-input"));
    return resolve(ids(input)).then(function () { render(picker); });
  }

  function loadPage(number) {
    var status = dialog.querySelector(".picker-status");
    var grid = dialog.querySelector(".picker-grid");
    status.textContent = text("loading");
    return getJson(ui.getAttribute("data-picker-url") + "?page=" + number).then(function (body) {
      page = body.page;
      pages = Math.max(1, body.totalPages);
      grid.textContent = "";
      var input = document.getElementById(current.getAttribute("data-input"));
      var chosen = ids(input).map(function (id) { return id.toLowerCase(); });
      body.items.forEach(function (item) {
        known[item.id] = item;
        var li = document.createElement("li");
        li.className = "picker-item";
        var box = document.createElement("input");
        box.type = "checkbox";
        box.id = "pick-" + item.id;
        box.value = item.id;
        box.checked = chosen.indexOf(item.id) >= 0;
        box.disabled = box.checked;
        var label = document.createElement("label");
        label.htmlFor = box.id;
        if (item.previewUrl) {
          var img = document.createElement("img");
          img.src = item.previewUrl;
          img.alt = "";
          img.className = "media-thumb";
          label.appendChild(img);
        }
        var title = document.createElement("strong");
        title.textContent = item.fileName;
        label.appendChild(title);
        var type = document.createElement("span");
        type.className = "muted";
        type.textContent = item.mediaType;
        label.appendChild(type);
        var alt = document.createElement("span");
        alt.className = item.altTextMissing ? "badge badge-danger" : "media-alt";
        alt.textContent = item.altTextMissing ? text("alt-missing") : text("alt", item.altText || "");
        label.appendChild(alt);
        li.appendChild(box);
        li.appendChild(label);
        if (item.altTextMissing) {
          var link = document.createElement("a");
          link.href = item.pageUrl;
          link.target = "_blank";
          link.rel = "noopener";
          link.textContent = text("alt-add", item.fileName) + " " + text("new-tab");
          li.appendChild(link);
        }
        grid.appendChild(li);
      });
      status.textContent = body.total === 0 ? text("empty") : text("page", String(page + 1), String(pages));
      dialog.querySelector(".picker-prev").disabled = page <= 0;
      dialog.querySelector(".picker-next").disabled = page >= pages - 1;
    }).catch(function () {
      status.textContent = text("error");
    });
  }

  function open(picker, trigger) {
    current = picker;
    opener = trigger;
    dialog.showModal();
    loadPage(0).then(function () {
      var first = dialog.querySelector(".picker-grid input:not(:disabled)") || dialog.querySelector(".picker-cancel");
      if (first) {
        first.focus();
      }
    });
  }

  function close() {
    dialog.close();
  }

  document.addEventListener("DOMContentLoaded", function () {
    ui = document.getElementById("composer-ui");
    live = document.getElementById("composer-live");
    dialog = document.getElementById("media-picker");
    if (!ui || !dialog || !window.fetch || typeof dialog.showModal !== "function") {
      return; // the id fields stay as they are
    }
    document.querySelectorAll(".media-picker").forEach(function (picker) {
      picker.hidden = false;
      var input = document.getElementById(picker.getAttribute("data-input"));
      input.addEventListener("change", function () { refresh(picker); });
      picker.querySelector(".media-pick-open").addEventListener("click", function (event) {
        open(picker, event.currentTarget);
      });
      refresh(picker);
    });
    dialog.querySelector(".picker-prev").addEventListener("click", function () { loadPage(page - 1); });
    dialog.querySelector(".picker-next").addEventListener("click", function () { loadPage(page + 1); });
    dialog.querySelector(".picker-cancel").addEventListener("click", close);
    dialog.addEventListener("close", function () {
      if (opener) {
        opener.focus();
      }
    });
    dialog.querySelector(".picker-confirm").addEventListener("click", function () {
      var input = document.getElementById(current.getAttribute("data-input"));
      var list = ids(input);
      var added = 0;
      dialog.querySelectorAll(".picker-grid input:checked:not(:disabled)").forEach(function (box) {
        if (list.length < MAX && list.indexOf(box.value) < 0) {
          list.push(box.value);
          added++;
        }
      });
      var picker = current;
      close();
      write(picker, list, text("added", String(added)));
    });
  });
})();
