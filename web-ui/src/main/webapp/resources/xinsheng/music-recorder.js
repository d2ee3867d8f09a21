/*
 * The terminal's recorder (issue 19). Where the browser has a microphone and MediaRecorder, the
 * inmate records a take (WebM/Opus as Chromium makes it) and it is sent as it is; otherwise, or as
 * well, he may choose an audio file. Either way the bytes go to POST /api/v1/music/takes/mine
 * with the chosen syllabus item, and the take's page opens (the analysis runs in the background).
 * No inline script (CSP): the page only carries data-* attributes.
 */
(function () {
  "use strict";
  var root = document.getElementById("xs-recorder");
  if (!root) {
    return;
  }
  var base = root.getAttribute("data-base") || "";
  var takePage = root.getAttribute("data-take-page");
  var en = (document.documentElement.lang || "zh").toLowerCase().indexOf("en") === 0;
  var status = document.getElementById("xs-rec-status");
  var start = document.getElementById("xs-rec-start");
  var stop = document.getElementById("xs-rec-stop");
  var file = document.getElementById("xs-rec-file");
  var item = document.getElementById("xs-rec-item");
  var recorder = null;
  var chunks = [];

  function L(key) {
    return root.getAttribute("data-l-" + key) || "";
  }

  function say(text) {
    status.textContent = text || "";
  }

  function send(blob, type) {
    say(L("sending"));
    var url = base + "/api/v1/music/takes/mine" + (item.value ? "?item=" + encodeURIComponent(item.value) : "");
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": type || "application/octet-stream", "Accept": "application/json"},
      body: blob
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) {
          throw new Error((en ? j.message_en : j.message_zh) || ("HTTP " + r.status));
        }
        return j;
      });
    }).then(function (take) {
      window.location.href = takePage + encodeURIComponent(take.id);
    }).catch(function (e) {
      say(L("failed") + " " + e.message);
    });
  }

  file.addEventListener("change", function () {
    if (file.files && file.files.length > 0) {
      send(file.files[0], file.files[0].type);
    }
  });

  var canRecord = !!(navigator.mediaDevices && navigator.mediaDevices.getUserMedia && window.MediaRecorder);
  if (!canRecord) {
    say(L("nomic"));
    return;
  }
  start.hidden = false;
  start.addEventListener("click", function () {
    navigator.mediaDevices.getUserMedia({audio: {echoCancellation: false, noiseSuppression: false, autoGainControl: false}})
      .then(function (stream) {
        chunks = [];
        recorder = new MediaRecorder(stream);
        recorder.ondataavailable = function (e) {
          if (e.data && e.data.size > 0) {
            chunks.push(e.data);
          }
        };
        recorder.onstop = function () {
          stream.getTracks().forEach(function (t) { t.stop(); });
          var type = recorder.mimeType || "audio/webm";
          send(new Blob(chunks, {type: type}), type.split(";")[0]);
        };
        recorder.start(1000);
        start.hidden = true;
        stop.hidden = false;
        say(L("recording"));
      })
      .catch(function () {
        say(L("nomic"));
      });
  });
  stop.addEventListener("click", function () {
    if (recorder && recorder.state !== "inactive") {
      recorder.stop();
    }
    stop.hidden = true;
    start.hidden = false;
  });
})();
