// Hyte's only script: htmx requests carry the CSRF token, and a form's error summary takes focus.
document.addEventListener("htmx:configRequest", function (event) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    event.detail.headers[header.content] = token.content;
  }
});
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector(".error-summary");
  if (summary) {
    summary.focus();
  }
});
// The menu (a <details>) stays open on wide screens, also where CSS cannot show a closed one's content.
document.addEventListener("DOMContentLoaded", function () {
  var menu = document.querySelector(".site-menu");
  if (menu && window.matchMedia("(min-width: 40.0625em)").matches) {
    menu.open = true;
  }
});
