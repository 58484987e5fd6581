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

  function apply(mode) {
    root.setAttribute("data-reading", mode);
    var buttons = document.querySelectorAll(".reading-mode [data-reading]");
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].setAttribute("aria-pressed", String(buttons[i].getAttribute("data-reading") === mode));
    }
  }

  apply(saved());

  document.addEventListener("DOMContentLoaded", function () {
    var group = document.querySelector(".reading-mode");
    if (!group) return;
    group.hidden = false;
    apply(saved());
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
