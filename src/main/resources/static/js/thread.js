// Parvis — composer: the thread editor of each variant. Parts are added, removed and moved with
// buttons (keyboard usable, no drag and drop); after each change the fields are renumbered (names
// thread[i], ids, labels), the change is announced to screen readers and the preview is refreshed.
// Without JavaScript the server renders one empty part to fill in (empty parts are not published).
(function () {
  "use strict";

  function count(text) {
    return Array.from(text || "").length;
  }

  function parts(editor) {
    return Array.prototype.slice.call(editor.querySelectorAll(".thread-parts > .thread-part"));
  }

  function announce(editor, message) {
    var status = editor.querySelector(".thread-status");
    if (status) {
      status.textContent = "";
      window.setTimeout(function () { status.textContent = message; }, 50);
    }
  }

  function updateCount(part) {
    var area = part.querySelector("textarea");
    var counter = part.querySelector("[data-part-count]");
    if (area && counter) {
      counter.textContent = counter.getAttribute("data-count-template").replace("{count}", String(count(area.value)));
    }
  }

  function renumber(editor) {
    parts(editor).forEach(function (part, index) {
      part.querySelectorAll("[name]").forEach(function (field) {
        field.name = field.name.replace(/\.thread\[\d+\]/, ".thread[" + index + "]");
      });
      part.querySelectorAll("[id]").forEach(function (el) {
        el.id = el.id.replace(/-part-\d+-/, "-part-" + index + "-");
      });
      part.querySelectorAll("label[for]").forEach(function (label) {
        label.htmlFor = label.htmlFor.replace(/-part-\d+-/, "-part-" + index + "-");
      });
      part.querySelectorAll("[aria-describedby]").forEach(function (el) {
        el.setAttribute("aria-describedby", el.getAttribute("aria-describedby")
          .replace(/-part-\d+-/g, "-part-" + index + "-"));
      });
      part.querySelectorAll("[data-part-label]").forEach(function (el) {
        el.textContent = el.getAttribute("data-part-template").replace("{part}", String(index + 1));
      });
      part.setAttribute("data-index", String(index));
    });
    var add = editor.querySelector(".thread-add");
    var max = parseInt(editor.getAttribute("data-max-parts"), 10);
    if (add) {
      add.setAttribute("aria-disabled", parts(editor).length >= max ? "true" : "false");
    }
  }

  function refreshPreview(editor) {
    var area = editor.querySelector("textarea") || editor;
    area.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function addPart(editor) {
    var max = parseInt(editor.getAttribute("data-max-parts"), 10);
    if (parts(editor).length >= max) {
      announce(editor, editor.getAttribute("data-msg-full"));
      return;
    }
    var template = editor.querySelector("template.thread-part-template");
    var part = template.content.firstElementChild.cloneNode(true);
    editor.querySelector(".thread-parts").appendChild(part);
    renumber(editor);
    updateCount(part);
    part.querySelector("textarea").focus();
    announce(editor, editor.getAttribute("data-msg-added").replace("{part}", String(parts(editor).length)));
    refreshPreview(editor);
  }

  function move(editor, part, step) {
    var list = parts(editor);
    var index = list.indexOf(part);
    var target = index + step;
    if (target < 0 || target >= list.length) {
      announce(editor, editor.getAttribute("data-msg-edge"));
      return;
    }
    var button = document.activeElement;
    var container = part.parentNode;
    if (step < 0) {
      container.insertBefore(part, list[target]);
    } else {
      container.insertBefore(part, list[target].nextSibling);
    }
    renumber(editor);
    if (button && part.contains(button)) {
      button.focus();
    }
    announce(editor, editor.getAttribute("data-msg-moved").replace("{part}", String(target + 1)));
    refreshPreview(editor);
  }

  function remove(editor, part) {
    var list = parts(editor);
    var index = list.indexOf(part);
    part.parentNode.removeChild(part);
    renumber(editor);
    var rest = parts(editor);
    var focus = rest.length === 0 ? editor.querySelector(".thread-add")
      : rest[Math.min(index, rest.length - 1)].querySelector("textarea");
    if (focus) {
      focus.focus();
    }
    announce(editor, editor.getAttribute("data-msg-removed").replace("{count}", String(rest.length)));
    refreshPreview(editor);
  }

  function setUp(editor) {
    // With JavaScript, parts are added on demand: the spare empty part is for pages without it.
    editor.querySelectorAll(".thread-parts > .thread-part[data-spare]").forEach(function (spare) {
      var area = spare.querySelector("textarea");
      var media = spare.querySelector("input[type=text]");
      if ((!area || !area.value.trim()) && (!media || !media.value.trim())) {
        spare.parentNode.removeChild(spare);
      }
    });
    var add = editor.querySelector(".thread-add");
    if (add) {
      add.hidden = false;
      add.addEventListener("click", function () { addPart(editor); });
    }
    var hint = editor.querySelector(".thread-nojs");
    if (hint) {
      hint.parentNode.removeChild(hint);
    }
    editor.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button || !editor.contains(button)) {
        return;
      }
      var part = button.closest(".thread-part");
      if (!part) {
        return;
      }
      if (button.hasAttribute("data-thread-move")) {
        move(editor, part, parseInt(button.getAttribute("data-thread-move"), 10));
      } else if (button.hasAttribute("data-thread-remove")) {
        remove(editor, part);
      }
    });
    editor.addEventListener("input", function (event) {
      var part = event.target.closest(".thread-part");
      if (part) {
        updateCount(part);
      }
    });
    renumber(editor);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("fieldset.thread-editor").forEach(setUp);
  });
})();
