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
// What folds on a phone (the menu, the plan's filters: <details>) stays open on wide screens, also
// where CSS cannot show a closed one's content.
document.addEventListener("DOMContentLoaded", function () {
  if (window.matchMedia("(min-width: 40.0625em)").matches) {
    document.querySelectorAll("details.site-menu, details.opens-wide").forEach(function (d) {
      d.open = true;
    });
  }
});
// A "Print" button where printing is natural: there only with the script that prints.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
});
// A phone's one-row tabs show the current one.
document.addEventListener("DOMContentLoaded", function () {
  var current = document.querySelector(".subnav [aria-current=page]");
  if (current && current.parentElement.scrollWidth > current.parentElement.clientWidth) {
    current.parentElement.scrollLeft = current.offsetLeft - 16;
  }
});
