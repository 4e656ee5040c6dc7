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
  var text = picker.querySelector(".unit-picker-text");
  if (picker.classList.contains("unit-picker-multi")) {
    unitPickerAdd(picker, button);
    text.value = "";
  } else {
    picker.querySelector(".unit-picker-id").value = button.value;
    text.value = button.getAttribute("data-label");
  }
  text.setAttribute("aria-expanded", "false");
  picker.querySelector(".unit-picker-options").innerHTML = "";
  text.focus();
  unitPickerSubmit(picker);
});

// several units: the one chosen joins the ticked boxes (unless it is there already)
function unitPickerAdd(picker, button) {
  var chosen = picker.querySelector(".unit-picker-chosen");
  var name = picker.getAttribute("data-name");
  var boxes = chosen.querySelectorAll("input[type=checkbox]");
  for (var i = 0; i < boxes.length; i++) {
    if (boxes[i].value === button.value) { boxes[i].checked = true; return; }
  }
  var item = document.createElement("li");
  var label = document.createElement("label");
  var box = document.createElement("input");
  box.type = "checkbox";
  box.name = name;
  box.value = button.value;
  box.checked = true;
  label.appendChild(box);
  label.appendChild(document.createTextNode(" " + button.getAttribute("data-label")));
  item.appendChild(label);
  chosen.appendChild(item);
}

document.addEventListener("input", function (event) {
  var picker = unitPicker(event.target);
  if (picker && event.target.classList.contains("unit-picker-text")) {
    var id = picker.querySelector(".unit-picker-id");
    if (id) { id.value = ""; }
    event.target.setAttribute("aria-expanded", "true");
  }
});

document.addEventListener("change", function (event) {
  var picker = unitPicker(event.target);
  if (picker && event.target.classList.contains("unit-picker-text") && !event.target.value.trim()) {
    unitPickerSubmit(picker);  // the filter was cleared
  }
});
