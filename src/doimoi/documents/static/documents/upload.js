/* doimoi — upload each chosen file on its own, with its own progress bar, then start the batch.
   Without JavaScript the form posts all files at once and the server does the same work. */
(function () {
  "use strict";
  var form = document.getElementById("ingest-form");
  if (!form || !window.FormData || !window.XMLHttpRequest) { return; }
  var input = document.getElementById("id_files");
  var zone = document.getElementById("dropzone");
  var list = document.getElementById("upload-list");
  var text = JSON.parse(document.getElementById("ingest-messages").textContent);
  var token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var chosen = [];

  function sizeLabel(bytes) {
    return bytes > 1048576 ? (bytes / 1048576).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1024)) + " kB";
  }

  function render() {
    list.textContent = "";
    chosen.forEach(function (entry) {
      var li = document.createElement("li");
      li.className = "upload-item";
      li.setAttribute("data-file", entry.file.name);
      var name = document.createElement("span");
      name.className = "upload-name";
      name.textContent = entry.file.name + " (" + sizeLabel(entry.file.size) + ")";
      var bar = document.createElement("progress");
      bar.max = 100; bar.value = 0;
      bar.setAttribute("aria-label", entry.file.name);
      var status = document.createElement("span");
      status.className = "upload-status";
      li.append(name, bar, status);
      entry.bar = bar; entry.status = status;
      list.appendChild(li);
    });
  }

  function add(files) {
    Array.prototype.forEach.call(files, function (file) {
      var known = chosen.some(function (e) { return e.file.name === file.name && e.file.size === file.size; });
      if (!known) { chosen.push({ file: file }); }
    });
    render();
  }

  input.addEventListener("change", function () { add(input.files); });
  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (event) { event.preventDefault(); zone.classList.add("dragging"); });
  });
  ["dragleave", "drop"].forEach(function (type) {
    zone.addEventListener(type, function () { zone.classList.remove("dragging"); });
  });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files) { add(event.dataTransfer.files); }
  });

  function post(url, data, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open("POST", url);
      xhr.setRequestHeader("X-CSRFToken", token);
      xhr.setRequestHeader("Accept", "application/json");
      if (onProgress) {
        xhr.upload.addEventListener("progress", function (event) {
          if (event.lengthComputable) { onProgress(Math.round(100 * event.loaded / event.total)); }
        });
      }
      xhr.onload = function () {
        var body = {};
        try { body = JSON.parse(xhr.responseText); } catch (error) { body = {}; }
        if (xhr.status >= 200 && xhr.status < 300) { resolve(body); } else { reject(body.error || xhr.statusText); }
      };
      xhr.onerror = function () { reject(text.failed); };
      xhr.send(data);
    });
  }

  async function upload(urls) {
    for (var i = 0; i < chosen.length; i += 1) {
      var entry = chosen[i];
      var data = new FormData();
      data.append("file", entry.file, entry.file.name);
      entry.status.textContent = text.uploading;
      try {
        var item = await post(urls.add, data, function (percent) { entry.bar.value = percent; });
        entry.bar.value = 100;
        entry.status.textContent = item.message || text.sent;
      } catch (error) {
        entry.status.textContent = text.failed + ": " + error;
      }
    }
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    if (!chosen.length) { add(input.files); }
    if (!chosen.length) { list.textContent = text.none; return; }
    var button = document.getElementById("ingest-submit");
    button.disabled = true;
    var data = new FormData();
    data.append("unit", form.querySelector("[name=unit]").value);
    var registerOld = form.querySelector("[name=register_old]");
    if (registerOld && registerOld.checked) { data.append("register_old", "on"); }
    try {
      var urls = await post(form.getAttribute("data-new-url"), data);
      await upload(urls);
      var started = await post(urls.start, new FormData());
      window.location.assign(started.page);
    } catch (error) {
      list.insertAdjacentText("beforeend", String(error));
      button.disabled = false;
    }
  });
})();
