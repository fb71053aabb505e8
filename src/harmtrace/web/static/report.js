// Report page: the record an evidence link points to (#c12, #s3) is highlighted in every
// piece of text it covers, and a click on highlighted text shows its records beside it.
(function () {
  "use strict";
  var text = document.getElementById("text"), panel = document.getElementById("record");
  if (!text) { return; }
  function pieces(id) { return text.querySelectorAll('[data-records~="' + id + '"]'); }
  function target() {
    text.querySelectorAll(".targeted").forEach(function (el) { el.classList.remove("targeted"); });
    var id = location.hash.slice(1);
    if (!/^[cs]\d+$/.test(id)) { return; }
    pieces(id).forEach(function (el) { el.classList.add("targeted"); });
  }
  text.addEventListener("click", function (event) {
    var el = event.target.closest("[data-records]");
    if (!el || !panel) { return; }
    panel.textContent = el.title;
    panel.hidden = false;
  });
  window.addEventListener("hashchange", target);
  target();
})();
