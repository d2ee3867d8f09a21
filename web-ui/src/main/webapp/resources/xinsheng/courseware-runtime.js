/*
 * The SCORM run-time inside a SCO's sandboxed frame (issue 14, finding 11; ADR 0014). The platform
 * puts this, after scorm-again and the attempt's start data (window.xsScormStart), at the start of
 * the SCO's launch page. The frame has no origin of its own: it cannot use the inmate's session,
 * read the lesson page or call the platform's API. What it may do is commit to its attempt's
 * address, which carries the attempt's token. The lesson page around it hears, by postMessage,
 * what is not yet saved (it keeps it, shows the learner a notice and sends it again) and the
 * SCORM 2004 navigation requests.
 */
(function () {
  "use strict";
  var start = window.xsScormStart;
  if (!start || window.xsScorm) {
    return;
  }
  var page = window.parent;
  var is2004 = start.standard === "2004";
  var session = Math.random().toString(36).substring(2) + Date.now().toString(36);
  var seq = 0;
  var launched = Date.now();
  var retryDelay = 2000;
  var retryTimer = null;
  var pending = null;

  function tell(message) {
    message.xs = "scorm";
    try {
      page.postMessage(message, "*");
    } catch (e) {
      // no page around the frame: nothing to tell
    }
  }
  function log(line) {
    tell({type: "log", line: String(line)});
  }
  function confirmed(payload) {
    if (pending && pending.seq <= payload.seq) {
      pending = null;
    }
    retryDelay = 2000;
    tell({type: "saved", seq: payload.seq});
  }
  // sends a commit and checks the answer; a failure is told to the page and retried
  function send(payload) {
    return fetch(start.commit, {
      method: "POST",
      credentials: "omit",
      keepalive: true,
      headers: {"Content-Type": "text/plain;charset=UTF-8"},
      body: JSON.stringify(payload)
    }).then(function (r) {
      if (!r.ok) {
        return r.text().then(function (t) {
          log("commit answered " + r.status + " " + String(t).substring(0, 200));
          if (r.status === 404) {
            // the attempt's token is gone (a restart, or the school day is over): the lesson
            // page sends what is unsaved with the inmate's session
            tell({type: "expired", seq: payload.seq});
            return;
          }
          if (r.status === 400) {
            // refused as invalid: sending it again will not help; the notice stays
            pending = null;
            tell({type: "refused", seq: payload.seq});
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
    tell({type: "failed"});
    if (retryTimer === null) {
      retryTimer = window.setTimeout(function () {
        retryTimer = null;
        if (pending) {
          send(pending);
        }
      }, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 60000);
    }
  }

  function hhmmss(seconds) {
    var h = Math.floor(seconds / 3600), m = Math.floor(seconds / 60) % 60, s = seconds % 60;
    return (h < 10 ? "000" : h < 100 ? "00" : h < 1000 ? "0" : "") + h + ":" + (m < 10 ? "0" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }
  var zeroTime = /^(0+:00:00(\.0+)?|PT0H0M0S|PT0S|P0D|)$/;
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
    lmsCommitUrl: start.commit,
    dataCommitFormat: "flattened",
    // no preflight from a frame without an origin: the JSON goes as text/plain, as the beacon
    commitRequestDataType: "text/plain;charset=UTF-8",
    terminationCommitContentType: "text/plain;charset=UTF-8",
    autocommit: false,
    xhrWithCredentials: false,
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
      // a SCO that finishes without ever reporting a status (the minimum calls) is completed by
      // the LMS: SCORM 1.2 RTE 3.4.4 (lesson_status), and SCORM 2004 with completionSetByContent
      // false, the default
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
      var payload = {values: values, sco: start.sco, session: session, seq: seq};
      pending = payload;
      // the page keeps it until it is confirmed, and sends it again from the next page if need be
      tell({type: "pending", payload: payload});
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
        if (pending) {
          confirmed(pending);
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
    scorm.loadFromFlattenedJSON(start.restore || {}, "");
  } catch (e) {
    // a value the run-time refuses is left out; the SCO starts fresh for it
    log("SCORM data not restored: " + e);
  }
  if (is2004) {
    window.API_1484_11 = scorm;
    // navigation requests (adl.nav.request) the SCO made before Terminate: the lesson page acts
    // on them (docs/courseware.md)
    var nav = function (request) {
      return function (target) {
        tell({type: "nav", request: request, target: typeof target === "string" ? target : ""});
      };
    };
    scorm.on("SequenceNext", nav("next"));
    scorm.on("SequencePrevious", nav("previous"));
    scorm.on("SequenceChoice", nav("choice"));
    ["SequenceExit", "SequenceExitAll", "SequenceSuspendAll", "SequenceAbandon", "SequenceAbandonAll"].forEach(function (e) {
      scorm.on(e, nav("exit"));
    });
  } else {
    window.API = scorm;
  }
  // a commit that did not reach the platform (the run-time's synchronous request threw, or was
  // answered with an error) is told to the page and sent again until it is stored
  var commitName = is2004 ? "Commit" : "LMSCommit";
  var commit = scorm[commitName];
  scorm[commitName] = function (parameter) {
    var result = commit.call(scorm, parameter);
    if (String(result) !== "true" && pending) {
      failed();
    }
    return result;
  };
  window.xsScorm = scorm;
  // SCOs look for the API in the frames above them (the public samples start at window.parent);
  // the page above is out of the frame's reach, so the SCO finds its API one step up, here
  // (window.parent is replaceable; window.top is not touched)
  try {
    window.parent = {
      API: window.API,
      API_1484_11: window.API_1484_11,
      postMessage: function (m, o, t) {
        page.postMessage(m, o, t);
      }
    };
    window.parent.parent = window.parent;
  } catch (e) {
    log("parent not replaced: " + e);
  }
  tell({type: "started", standard: start.standard});
})();
