// The console's only script besides htmx: the phone menu. Kept in a file so the CSP can forbid inline script.
(function () {
  "use strict";
  function wire(root) {
    var toggle = root.querySelector(".menu-toggle");
    var nav = root.querySelector("#nav");
    if (!toggle || !nav || toggle.dataset.wired) {
      return;
    }
    toggle.dataset.wired = "1";
    toggle.addEventListener("click", function () {
      var open = nav.classList.toggle("open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }
  document.addEventListener("DOMContentLoaded", function () { wire(document); });
  document.addEventListener("htmx:afterSettle", function () { wire(document); });
})();
