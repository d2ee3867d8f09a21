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
  if (sco) {
    startSco(sco);
  }

  /*
   * A SCO runs in a sandboxed frame without an origin of its own (issue 14, finding 11; ADR 0014):
   * its run-time (scorm-again, put into the SCO's launch page by the platform) commits to the
   * attempt's address with the attempt's token, never with the inmate's session. This page hears
   * from the frame, by postMessage, every commit not yet confirmed; it keeps it in localStorage,
   * shows the learner a notice while one is unsaved, and sends what the last page left unconfirmed
   * again, with the session, as the frame's commits are (the platform keeps a commit once,
   * however often it arrives: session and commit number). SCORM 2004 navigation requests from
   * the frame move this page to the next, previous or chosen SCO, or back to the course.
   */
  function startSco(frame) {
    var scoId = frame.getAttribute("data-sco") || "";
    var notice = document.getElementById("xs-scorm-unsaved");
    var loggedOut = document.getElementById("xs-scorm-loggedout");
    // per learner: on a shared terminal the next person's session never sends what another left
    var pendingKey = "xs-scorm-pending:" + (page.getAttribute("data-learner") || "") + ":" + lesson + ":" + scoId;
    var retryDelay = 2000;
    var retryTimer = null;
    window.xsScormLog = [];
    function log(line) {
      window.xsScormLog.push(line);
      if (window.xsScormLog.length > 50) {
        window.xsScormLog.shift();
      }
    }
    function show(unsaved, withoutSession) {
      if (notice) {
        notice.hidden = !unsaved;
      }
      if (loggedOut) {
        loggedOut.hidden = !(unsaved && withoutSession);
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
    function forget(seq) {
      var p = pending();
      if (p && (seq === undefined || p.seq <= seq)) {
        window.localStorage.removeItem(pendingKey);
      }
    }
    // what the last page left unconfirmed, sent with the session; a failure is shown and retried
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
            if (r.status === 400) {
              forget();
              show(true);
              return;
            }
            if (r.status === 401) {
              // the session is gone too (logged out, or elsewhere): the commit stays on this
              // terminal for this learner, and goes when he has logged in again and opens the lesson
              show(true, true);
            }
            throw new Error("status " + r.status);
          });
        }
        var p = pending();
        if (p && p.session === payload.session && p.seq <= payload.seq) {
          forget();
        }
        window.xsScormSaved = (window.xsScormSaved || 0) + 1;
        retryDelay = 2000;
        show(false);
      }).catch(function (e) {
        log("commit failed: " + e);
        show(true, loggedOut && !loggedOut.hidden);
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
      });
    }
    window.xsScormRetry = function () {
      var p = pending();
      return p ? send(p) : Promise.resolve();
    };
    function go(url) {
      if (url) {
        // after a moment, so the commit at Terminate is on its way first
        window.setTimeout(function () {
          window.location.href = url;
        }, 300);
      }
    }
    // the SCO's frame, or a document inside it: a frame of its frameset, a nested frame, a popup
    // kept in the page (each runs the run-time; docs/courseware.md, section 2b)
    function fromSco(source) {
      var w = source;
      for (var depth = 0; w && depth < 12; depth++) {
        if (w === frame.contentWindow) {
          return true;
        }
        if (w === window || w.parent === w) {
          return false;
        }
        w = w.parent;
      }
      return false;
    }
    window.addEventListener("message", function (e) {
      var m = e.data;
      if (!fromSco(e.source) || !m || m.xs !== "scorm") {
        return;
      }
      if (m.type === "log") {
        log(m.line);
      } else if (m.type === "pending" && m.payload && m.payload.session && m.payload.seq) {
        keep(m.payload);
      } else if (m.type === "saved") {
        forget(m.seq);
        window.xsScormSaved = (window.xsScormSaved || 0) + 1;
        show(false);
      } else if (m.type === "failed" || m.type === "refused") {
        if (m.type === "refused") {
          forget();
        }
        show(true);
      } else if (m.type === "expired") {
        // the frame's attempt is gone: what it could not save goes with the session
        show(true);
        window.xsScormRetry();
      } else if (m.type === "started") {
        window.xsScormStarted = m.standard;
      } else if (m.type === "nav") {
        if (m.request === "next") {
          go(frame.getAttribute("data-next") || frame.getAttribute("data-course"));
        } else if (m.request === "previous") {
          go(frame.getAttribute("data-previous"));
        } else if (m.request === "choice" && m.target) {
          go(frame.getAttribute("data-choice") + encodeURIComponent(m.target));
        } else if (m.request === "exit") {
          go(frame.getAttribute("data-course"));
        }
      }
    });

    // the page goes away with a commit unconfirmed: one more beacon, with the session
    window.addEventListener("pagehide", function () {
      var p = pending();
      if (p && navigator.sendBeacon) {
        navigator.sendBeacon(api + "/scorm", new Blob([JSON.stringify(p)], {type: "text/plain;charset=UTF-8"}));
      }
    });

    var earlier = pending();
    (earlier ? send(earlier) : Promise.resolve()).then(function () {
      frame.src = frame.getAttribute("data-src");
    });
  }
})();
