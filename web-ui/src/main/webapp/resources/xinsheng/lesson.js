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
  if (sco && (window.Scorm12API || window.Scorm2004API)) {
    startSco(sco);
  }

  /*
   * A SCO gets its run-time (SCORM 1.2 window.API or SCORM 2004 window.API_1484_11, both
   * scorm-again) loaded with what the learner left last time: status, location, suspend data,
   * score, entry (resume) and total time. Every commit is kept in localStorage until the platform
   * confirmed it: the last commit at LMSFinish goes as the run-time's beacon and, at once, as a
   * request whose answer is checked; a commit that fails shows the learner a notice and is sent
   * again until it is stored, also from the next lesson page he opens. The platform keeps a commit
   * once, however often it arrives (session and commit number).
   */
  function startSco(frame) {
    var scoId = frame.getAttribute("data-sco") || "";
    var notice = document.getElementById("xs-scorm-unsaved");
    var saved = document.getElementById("xs-scorm-saved");
    var pendingKey = "xs-scorm-pending:" + lesson + ":" + scoId;
    var session = Math.random().toString(36).substring(2) + Date.now().toString(36);
    var seq = 0;
    var launched = Date.now();
    var retryDelay = 2000;
    var retryTimer = null;
    window.xsScormLog = [];
    function log(line) {
      window.xsScormLog.push(line);
      if (window.xsScormLog.length > 50) {
        window.xsScormLog.shift();
      }
    }
    function show(unsaved) {
      if (notice) {
        notice.hidden = !unsaved;
      }
      if (saved) {
        saved.hidden = unsaved;
      }
    }
    function pending() {
      try {
        return JSON.parse(window.localStorage.getItem(pendingKey) || "null");
      } catch (e) {
        return null;
      }
    }
    function keep(payload) {
      try {
        window.localStorage.setItem(pendingKey, JSON.stringify(payload));
      } catch (e) {
        // no storage: the commit still goes out, only a retry after a reload is lost
      }
    }
    function confirmed(payload) {
      var p = pending();
      if (p && p.session === payload.session && p.seq <= payload.seq) {
        window.localStorage.removeItem(pendingKey);
      }
      window.xsScormSaved = (window.xsScormSaved || 0) + 1;
      retryDelay = 2000;
      show(false);
    }
    // sends a commit with fetch and checks the answer; a failure is shown and retried
    function send(payload) {
      return fetch(api + "/scorm", {
        method: "POST",
        credentials: "same-origin",
        keepalive: true,
        headers: {"Content-Type": "application/json"},
        body: JSON.stringify(payload)
      }).then(function (r) {
        if (!r.ok) {
          return r.text().then(function (t) {
            log("commit answered " + r.status + " " + String(t).substring(0, 200));
            // refused as invalid: sending it again will not help; the notice stays
            if (r.status === 400) {
              window.localStorage.removeItem(pendingKey);
              show(true);
              return;
            }
            throw new Error("status " + r.status);
          });
        }
        confirmed(payload);
      }).catch(function (e) {
        log("commit failed: " + e);
        failed();
      });
    }
    function failed() {
      show(true);
      if (retryTimer === null) {
        retryTimer = window.setTimeout(function () {
          retryTimer = null;
          var p = pending();
          if (p) {
            send(p);
          }
        }, retryDelay);
        retryDelay = Math.min(retryDelay * 2, 60000);
      }
    }
    window.xsScormRetry = function () {
      var p = pending();
      return p ? send(p) : Promise.resolve();
    };
    // what the last page left unconfirmed goes first
    var earlier = pending();
    var flushed = earlier ? send(earlier) : Promise.resolve();

    function hhmmss(seconds) {
      var h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60;
      return (h < 10 ? "000" : h < 100 ? "00" : h < 1000 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
    }
    var zeroTime = /^(0+:00:00(\.0+)?|PT0H0M0S|PT0S|P0D|)$/;

    function begin(d) {
      var is2004 = d.standard === "2004";
      var writable = is2004
        ? /^(cmi\.(completion_status|success_status|location|suspend_data|exit|session_time|progress_measure|score\.(scaled|raw|min|max))|cmi\.learner_preference\.(audio_level|language|delivery_speed|audio_captioning)|cmi\.comments_from_learner\.\d+\.(comment|location|timestamp)|cmi\.objectives\.\d+\.(id|score\.(scaled|raw|min|max)|success_status|completion_status|progress_measure|description)|cmi\.interactions\.\d+\.(id|type|timestamp|weighting|learner_response|result|latency|description|objectives\.\d+\.id|correct_responses\.\d+\.pattern))$/
        : /^(cmi\.core\.(lesson_status|lesson_location|exit|session_time|score\.(raw|min|max))|cmi\.suspend_data|cmi\.comments|cmi\.student_preference\.(audio|language|speed|text)|cmi\.objectives\.\d+\.(id|score\.(raw|min|max)|status)|cmi\.interactions\.\d+\.(id|time|type|weighting|student_response|result|latency|objectives\.\d+\.id|correct_responses\.\d+\.pattern))$/;
      var core = is2004
        ? /^cmi\.(completion_status|success_status|location|suspend_data|exit|session_time|score\.\w+)$/
        : /^cmi\.(core\.\w+(\.\w+)?|suspend_data)$/;
      var sessionTime = is2004 ? "cmi.session_time" : "cmi.core.session_time";
      var settings = {
        logLevel: 2,
        onLogMessage: function (level, message) {
          log(level + " " + message);
        },
        lmsCommitUrl: api + "/scorm",
        dataCommitFormat: "flattened",
        autocommit: false,
        xhrWithCredentials: true,
        // SCORM 1.2: a SCO that never sets a status (minimum calls) is completed when it finishes
        autoCompleteLessonStatus: true,
        requestHandler: function (commit, metadata) {
          var values = {};
          Object.keys(commit).forEach(function (k) {
            var v = commit[k];
            if (!writable.test(k) || v === undefined || v === null) {
              return;
            }
            if (v === "" && !core.test(k)) {
              return;
            }
            values[k] = String(v);
          });
          var terminate = !!(metadata && metadata.isTerminateCommit);
          // a SCO that finishes without ever reporting a status (the minimum calls) is completed
          // by the LMS: SCORM 1.2 RTE 3.4.4 (lesson_status), and SCORM 2004 with
          // completionSetByContent false, the default
          if (values["cmi.core.lesson_status"] === "not attempted") {
            if (terminate) {
              values["cmi.core.lesson_status"] = "completed";
            } else {
              delete values["cmi.core.lesson_status"];
            }
          }
          if (terminate && is2004 && (values["cmi.completion_status"] === "unknown" || values["cmi.completion_status"] === "not attempted")) {
            values["cmi.completion_status"] = "completed";
          }
          // a SCO that does not report its session time still spent it
          if (!values[sessionTime] || zeroTime.test(values[sessionTime])) {
            var spent = Math.round((Date.now() - launched) / 1000);
            values[sessionTime] = is2004 ? "PT" + spent + "S" : hhmmss(spent);
          }
          seq += 1;
          var payload = {values: values, sco: scoId, session: session, seq: seq};
          keep(payload);
          if (terminate) {
            // the run-time sends this one as a beacon, whose fate it cannot know: confirm it
            send(payload);
          }
          return payload;
        },
        responseHandler: async function (response) {
          return {result: response.ok, errorCode: response.ok ? 0 : 101};
        },
        xhrResponseHandler: function (xhr) {
          var ok = xhr.status >= 200 && xhr.status < 300;
          if (ok) {
            var p = pending();
            if (p) {
              confirmed(p);
            }
          } else {
            log("commit answered " + xhr.status + " " + String(xhr.responseText).substring(0, 200));
            failed();
          }
          return {result: ok, errorCode: ok ? 0 : 101};
        }
      };
      var scorm = is2004 ? new window.Scorm2004API(settings) : new window.Scorm12API(settings);
      try {
        scorm.loadFromFlattenedJSON(d.restore || {}, "");
      } catch (e) {
        // a value the run-time refuses is left out; the SCO starts fresh for it
        log("SCORM data not restored: " + e);
      }
      if (is2004) {
        window.API_1484_11 = scorm;
        // SCORM 2004 navigation requests (adl.nav.request) the SCO made before Terminate: the
        // platform runs no sequencing engine (docs/courseware.md), so continue / previous go to
        // the next / previous SCO of the organisation, choice to the one named, exit back to
        // the course; after a moment, so the commit at Terminate is on its way first
        var go = function (url) {
          if (url) {
            window.setTimeout(function () {
              window.location.href = url;
            }, 300);
          }
        };
        scorm.on("SequenceNext", function () {
          go(frame.getAttribute("data-next") || frame.getAttribute("data-course"));
        });
        scorm.on("SequencePrevious", function () {
          go(frame.getAttribute("data-previous"));
        });
        scorm.on("SequenceChoice", function (target) {
          var t = typeof target === "string" ? target : "";
          if (t) {
            go(frame.getAttribute("data-choice") + encodeURIComponent(t));
          }
        });
        ["SequenceExit", "SequenceExitAll", "SequenceSuspendAll", "SequenceAbandon", "SequenceAbandonAll"].forEach(function (e) {
          scorm.on(e, function () {
            go(frame.getAttribute("data-course"));
          });
        });
      } else {
        window.API = scorm;
      }
      window.xsScorm = scorm;
      frame.src = frame.getAttribute("data-src");
    }

    // the page goes away with a commit unconfirmed: one more beacon
    window.addEventListener("pagehide", function () {
      var p = pending();
      if (p && navigator.sendBeacon) {
        navigator.sendBeacon(api + "/scorm", new Blob([JSON.stringify(p)], {type: "text/plain;charset=UTF-8"}));
      }
    });

    flushed
      .then(function () {
        return fetch(api + "/scorm?sco=" + encodeURIComponent(scoId), {credentials: "same-origin"});
      })
      .then(function (r) {
        if (!r.ok) {
          throw new Error("status " + r.status);
        }
        return r.json();
      })
      .then(begin, function (e) {
        log("no stored data: " + e);
        begin({standard: frame.getAttribute("data-standard") || "1.2", restore: {}});
      });
  }
})();
