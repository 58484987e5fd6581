// Reading mode: English, 中文 or both. Loaded in <head> so the saved choice applies before
// the first paint; without JavaScript the control stays hidden and both languages show.
(function () {
  "use strict";
  var KEY = "qiao-reading-mode";
  var MODES = ["en", "zh", "both"];
  var root = document.documentElement;

  function saved() {
    try {
      var mode = localStorage.getItem(KEY);
      return MODES.indexOf(mode) >= 0 ? mode : "both";
    } catch (e) {
      return "both"; // storage can be blocked; the choice then lasts for this page only
    }
  }

  // Only what changes is written: every attribute the stylesheet reads that changes makes
  // the browser restyle the page, which costs most on long pages of Chinese text.
  function apply(mode) {
    if (root.getAttribute("data-reading") !== mode) root.setAttribute("data-reading", mode);
    var buttons = document.querySelectorAll(".reading-mode [data-reading]");
    for (var i = 0; i < buttons.length; i++) {
      var pressed = String(buttons[i].getAttribute("data-reading") === mode);
      if (buttons[i].getAttribute("aria-pressed") !== pressed) buttons[i].setAttribute("aria-pressed", pressed);
    }
  }

  var initial = saved();
  apply(initial);

  document.addEventListener("DOMContentLoaded", function () {
    var group = document.querySelector(".reading-mode");
    if (!group) return;
    // The stylesheet has shown the control since the mode was set; the attribute now agrees.
    group.hidden = false;
    apply(initial);
    group.addEventListener("click", function (event) {
      var button = event.target.closest("[data-reading]");
      if (!button) return;
      var mode = button.getAttribute("data-reading");
      try {
        localStorage.setItem(KEY, mode);
      } catch (e) {
        /* not persisted, still applied */
      }
      apply(mode);
    });
  });
})();
