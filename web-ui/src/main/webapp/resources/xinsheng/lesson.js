/*
 * The lesson page's own script: reports where the learner is (the video's second and the time
 * spent) so he resumes there after a time-out, and gives a SCO its SCORM 1.2 API (scorm-again,
 * shipped with the platform), committing what it sets to the platform.
 */
(function () {
  "use strict";
  var page = document.getElementById("xs-lesson");
  if (!page) {
    return;
  }
  var lesson = page.getAttribute("data-lesson");
  // Facelets leaves out an attribute whose value is empty: the root context path
  var base = page.getAttribute("data-base") || "";
  var api = base + "/api/v1/lms/lessons/" + lesson;
  var since = Date.now();

  function report(position, completed) {
    var spent = Math.round((Date.now() - since) / 1000);
    since = Date.now();
    return fetch(api + "/progress", {
      method: "POST",
      credentials: "same-origin",
      headers: {"Content-Type": "application/json"},
      body: JSON.stringify({position: Math.floor(position || 0), spent: spent, completed: !!completed})
    });
  }
  window.xsLessonDone = function () {
    return report(0, true);
  };

  var media = document.getElementById("xs-media");
  if (media) {
    var resume = parseInt(page.getAttribute("data-resume") || "0", 10);
    media.addEventListener("loadedmetadata", function () {
      if (resume > 0 && resume < media.duration) {
        media.currentTime = resume;
      }
    });
    var last = 0;
    media.addEventListener("timeupdate", function () {
      if (Date.now() - last > 15000) {
        last = Date.now();
        report(media.currentTime, false);
      }
    });
    media.addEventListener("pause", function () {
      report(media.currentTime, false);
    });
    media.addEventListener("ended", function () {
      report(media.duration, true);
    });
  }

  var sco = document.getElementById("xs-sco");
  if (sco && window.Scorm12API) {
    var kept = ["cmi.core.lesson_status", "cmi.core.score.raw", "cmi.core.lesson_location",
      "cmi.suspend_data", "cmi.core.session_time", "cmi.core.exit"];
    // the run-time's own messages, the last 50, for whoever looks into a module that misbehaves
    window.xsScormLog = [];
    var scorm = new window.Scorm12API({
      logLevel: 2,
      onLogMessage: function (level, message) {
        window.xsScormLog.push(level + " " + message);
        if (window.xsScormLog.length > 50) {
          window.xsScormLog.shift();
        }
      },
      lmsCommitUrl: api + "/scorm",
      dataCommitFormat: "flattened",
      autocommit: false,
      xhrWithCredentials: true,
      requestHandler: function (commit) {
        var values = {};
        kept.forEach(function (k) {
          if (commit[k] !== undefined && commit[k] !== null && commit[k] !== "") {
            values[k] = String(commit[k]);
          }
        });
        if (values["cmi.core.lesson_status"] === "not attempted") {
          delete values["cmi.core.lesson_status"];
        }
        return {values: values};
      },
      responseHandler: async function (response) {
        return {result: response.ok, errorCode: response.ok ? 0 : 101};
      },
      xhrResponseHandler: function (xhr) {
        var ok = xhr.status >= 200 && xhr.status < 300;
        if (!ok) {
          window.xsScormLog.push("commit answered " + xhr.status + " from " + xhr.responseURL + " " + String(xhr.responseText).substring(0, 200));
        }
        return {result: ok, errorCode: ok ? 0 : 101};
      }
    });
    var launch = function () {
      window.API = scorm;
      sco.src = sco.getAttribute("data-src");
    };
    fetch(api + "/scorm", {credentials: "same-origin"})
      .then(function (r) { return r.json(); })
      .then(function (d) {
        // what the learner left last time, so the SCO resumes; only values SCORM accepts
        var core = {};
        if (d.lessonStatus && d.lessonStatus !== "not attempted") {
          core.lesson_status = d.lessonStatus;
        }
        if (d.lessonLocation) {
          core.lesson_location = d.lessonLocation;
        }
        if (d.scoreRaw !== null && d.scoreRaw !== undefined) {
          core.score = {raw: String(d.scoreRaw)};
        }
        var json = {core: core};
        if (d.suspendData) {
          json.suspend_data = d.suspendData;
        }
        try {
          scorm.loadFromJSON(json);
        } catch (e) {
          // a value the run-time refuses is left out; the SCO starts fresh for it
          if (window.console) {
            window.console.warn("SCORM data not restored", e);
          }
        }
      })
      .catch(function () {
        // no earlier data: the SCO starts fresh
      })
      .then(launch);
  }
})();
