// Behaviour shared by every page, kept out of the HTML so the Content-Security-Policy can forbid
// inline script: a <select data-autosubmit> sends its form as soon as it changes.
document.addEventListener("change", function (event) {
  var target = event.target;
  if (target instanceof HTMLSelectElement && target.hasAttribute("data-autosubmit") && target.form) {
    target.form.submit();
  }
});
