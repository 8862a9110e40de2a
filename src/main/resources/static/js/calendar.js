// Parvis — editorial calendar: drag a post card onto another day (month view: same time of day)
// or another hour (week view: same minutes). Without JavaScript, each card's "Déplacer" form does
// the same. The result (or the error, in French) is announced in the aria-live region.
(function () {
  "use strict";

  var dragged = null;

  function live(message, isError) {
    var region = document.getElementById("cal-live");
    if (!region) {
      return;
    }
    region.textContent = "";
    region.classList.toggle("cal-live-error", !!isError);
    window.setTimeout(function () {
      region.textContent = message;
    }, 50);
  }

  function networkError() {
    var region = document.getElementById("cal-live");
    return region ? region.getAttribute("data-network-error") : "";
  }

  function pad(n) {
    n = String(n);
    return n.length < 2 ? "0" + n : n;
  }

  function target(element) {
    return element && element.closest ? element.closest("[data-date].cal-day, [data-date].cal-slot") : null;
  }

  document.addEventListener("dragstart", function (event) {
    var card = event.target.closest ? event.target.closest(".cal-card[draggable=true]") : null;
    if (!card) {
      return;
    }
    dragged = card;
    card.classList.add("cal-dragging");
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.getAttribute("data-post"));
  });

  document.addEventListener("dragend", function () {
    dragged = null;
    document.querySelectorAll(".cal-dragging").forEach(function (card) {
      card.classList.remove("cal-dragging");
    });
    document.querySelectorAll(".cal-drop").forEach(function (cell) {
      cell.classList.remove("cal-drop");
    });
  });

  document.addEventListener("dragover", function (event) {
    var cell = target(event.target);
    if (dragged && cell) {
      event.preventDefault();
      event.dataTransfer.dropEffect = "move";
      cell.classList.add("cal-drop");
    }
  });

  document.addEventListener("dragleave", function (event) {
    var cell = target(event.target);
    if (cell && !cell.contains(event.relatedTarget)) {
      cell.classList.remove("cal-drop");
    }
  });

  document.addEventListener("drop", function (event) {
    var cell = target(event.target);
    if (!dragged || !cell) {
      return;
    }
    event.preventDefault();
    cell.classList.remove("cal-drop");
    var card = dragged;
    dragged = null;
    card.classList.remove("cal-dragging");
    var time = card.getAttribute("data-time");
    if (cell.hasAttribute("data-hour")) {
      time = pad(cell.getAttribute("data-hour")) + ":" + time.split(":")[1];
    }
    var date = cell.getAttribute("data-date");
    if (date === card.getAttribute("data-date") && time === card.getAttribute("data-time")) {
      return;
    }
    move(card, cell, date, time);
  });

  function move(card, cell, date, time) {
    var form = card.querySelector("form.cal-move-form");
    if (!form) {
      return;
    }
    var body = new FormData(form);
    body.set("date", date);
    body.set("heure", time);
    card.setAttribute("aria-busy", "true");
    fetch(form.getAttribute("action"), {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      return response.json().catch(function () {
        return {};
      }).then(function (json) {
        return { ok: response.ok, json: json };
      });
    }).then(function (result) {
      card.removeAttribute("aria-busy");
      if (!result.ok) {
        live(result.json.message || networkError(), true);
        return;
      }
      var list = cell.querySelector("ul.cal-list");
      if (!list) {
        list = document.createElement("ul");
        list.className = "cal-list";
        cell.appendChild(list);
      }
      var item = card.parentElement;
      list.appendChild(item && item.tagName === "LI" ? item : card);
      card.setAttribute("data-date", date);
      card.setAttribute("data-time", time);
      var shown = card.querySelector("time");
      if (shown) {
        shown.textContent = time;
      }
      form.querySelector("input[name=date]").value = date;
      form.querySelector("input[name=heure]").value = time;
      live(result.json.message, false);
    }).catch(function () {
      card.removeAttribute("aria-busy");
      live(networkError(), true);
    });
  }
})();
