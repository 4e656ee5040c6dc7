// Behaviour shared by every page, kept out of the HTML so the Content-Security-Policy can forbid
// inline script: a <select data-autosubmit> sends its form as soon as it changes.
document.addEventListener("change", function (event) {
  var target = event.target;
  if (target instanceof HTMLSelectElement && target.hasAttribute("data-autosubmit") && target.form) {
    target.form.submit();
  }
});

// The unit picker (organizations/picker.py): a unit offered for what was typed fills the hidden
// id and the text; typing again forgets the id until another unit is chosen. Without JavaScript
// the same buttons submit the form with the chosen id.
function unitPicker(element) {
  return element instanceof Element ? element.closest(".unit-picker") : null;
}

function unitPickerSubmit(picker) {
  var form = picker.closest("form");
  if (picker.hasAttribute("data-autosubmit") && form) {
    if (form.requestSubmit) { form.requestSubmit(); } else { form.submit(); }
  }
}

document.addEventListener("click", function (event) {
  var button = event.target instanceof Element ? event.target.closest(".unit-pick") : null;
  var picker = unitPicker(button);
  if (!button || !picker) { return; }
  event.preventDefault();
  picker.querySelector(".unit-picker-id").value = button.value;
  var text = picker.querySelector(".unit-picker-text");
  text.value = button.getAttribute("data-label");
  text.setAttribute("aria-expanded", "false");
  picker.querySelector(".unit-picker-options").innerHTML = "";
  text.focus();
  unitPickerSubmit(picker);
});

document.addEventListener("input", function (event) {
  var picker = unitPicker(event.target);
  if (picker && event.target.classList.contains("unit-picker-text")) {
    picker.querySelector(".unit-picker-id").value = "";
    event.target.setAttribute("aria-expanded", "true");
  }
});

document.addEventListener("change", function (event) {
  var picker = unitPicker(event.target);
  if (picker && event.target.classList.contains("unit-picker-text") && !event.target.value.trim()) {
    unitPickerSubmit(picker);  // the filter was cleared
  }
});
