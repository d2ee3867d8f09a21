package cn.xinsheng.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Look-alikes of the public SCORM sample set (Rustici's "Golf Explained" packages), built here
 * because the tests cannot download them: the same manifest shapes (real namespaces and schema
 * versions, {@code adlcp:scormtype="sco"}, organisations with nested items, resources listing their
 * files, {@code adlcp:prerequisites}, IMS Simple Sequencing in 2004), and SCOs that make the same
 * run-time calls in the same order: the API found by walking up the parent frames, {@code
 * LMSFinish} called from the page's unload handler, and never an {@code LMSCommit} before it. Every
 * SCO writes what it read into {@code #entry}, {@code #location}, {@code #total} and what it did
 * into {@code #state}, so a test can see it.
 */
final class ScormSamples {

  private ScormSamples() {}

  static final String NS12 =
      "xmlns=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2\""
          + " xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_rootv1p2\""
          + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
          + " xsi:schemaLocation=\"http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd"
          + " http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd"
          + " http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd\"";

  static final String NS2004 =
      "xmlns=\"http://www.imsglobal.org/xsd/imscp_v1p1\""
          + " xmlns:adlcp=\"http://www.adlnet.org/xsd/adlcp_v1p3\""
          + " xmlns:adlseq=\"http://www.adlnet.org/xsd/adlseq_v1p3\""
          + " xmlns:adlnav=\"http://www.adlnet.org/xsd/adlnav_v1p3\""
          + " xmlns:imsss=\"http://www.imsglobal.org/xsd/imsss\""
          + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

  /**
   * The wrapper every Golf sample ships as shared/scormfunctions.js: finds the API in a parent
   * frame (or the opener), remembers whether it initialised, finishes once.
   */
  static final String SCORM_FUNCTIONS_12 =
      """
      var API = null, initialized = false, finished = false;
      function ScanForAPI(win) {
        var n = 0;
        while ((win.API == null) && (win.parent != null) && (win.parent != win) && n++ < 500) {
          win = win.parent;
        }
        return win.API;
      }
      function GetAPI(win) {
        if ((win.parent != null) && (win.parent != win)) { API = ScanForAPI(win.parent); }
        if ((API == null) && (win.opener != null)) { API = ScanForAPI(win.opener); }
      }
      function ScormProcessInitialize() {
        GetAPI(window);
        if (API == null) { alert("ERROR - Could not establish a connection with the LMS."); return; }
        var result = API.LMSInitialize("");
        if (result == "false") { alert("Could not initialize: " + API.LMSGetErrorString(API.LMSGetLastError())); return; }
        initialized = true;
      }
      function ScormProcessFinish() {
        if (initialized == false || finished == true) { return; }
        var result = API.LMSFinish("");
        finished = true;
        document.getElementById("state").textContent = "finished:" + result;
      }
      function ScormProcessGetValue(element) {
        if (initialized == false || finished == true) { return ""; }
        return API.LMSGetValue(element);
      }
      function ScormProcessSetValue(element, value) {
        if (initialized == false || finished == true) { return; }
        var result = API.LMSSetValue(element, value);
        if (result == "false") { document.getElementById("state").textContent = "set refused " + element; }
      }
      function ScormProcessCommit() { return API.LMSCommit(""); }
      function show(id, v) { document.getElementById(id).textContent = v; }
      """;

  static final String SCORM_FUNCTIONS_2004 =
      """
      var API = null, initialized = false, finished = false;
      function ScanForAPI(win) {
        var n = 0;
        while ((win.API_1484_11 == null) && (win.parent != null) && (win.parent != win) && n++ < 500) {
          win = win.parent;
        }
        return win.API_1484_11;
      }
      function ScormProcessInitialize() {
        API = ScanForAPI(window.parent);
        if (API == null) { alert("ERROR - Could not establish a connection with the LMS."); return; }
        if (API.Initialize("") == "false") { return; }
        initialized = true;
      }
      function ScormProcessTerminate() {
        if (initialized == false || finished == true) { return; }
        var result = API.Terminate("");
        finished = true;
        document.getElementById("state").textContent = "finished:" + result;
      }
      function ScormProcessGetValue(e) { return initialized && !finished ? API.GetValue(e) : ""; }
      function ScormProcessSetValue(e, v) {
        if (initialized && !finished && API.SetValue(e, v) == "false") {
          document.getElementById("state").textContent = "set refused " + e + " " + API.GetLastError();
        }
      }
      function show(id, v) { document.getElementById(id).textContent = v; }
      """;

  private static final String PAGE_HEAD =
      "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s</title>"
          + "<script src=\"%sscormfunctions.js\"></script></head><body>"
          + "<h1>%s</h1><p>entry <span id=\"entry\"></span> location <span id=\"location\"></span>"
          + " total <span id=\"total\"></span> state <span id=\"state\">loading</span></p>";

  private static String page(String title, String shared, String body) {
    return String.format(PAGE_HEAD, title, shared, title) + body + "</body></html>";
  }

  private static void write(Path dir, String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  /**
   * "Golf Explained - Run-time Basic Calls" (SCORM 1.2): one SCO, a launch page that steps through
   * content pages, keeps the page in lesson_location and the pages seen in suspend_data, offers to
   * resume when cmi.core.entry is resume, reports session time, sets exit suspend unless the end
   * was reached, and calls LMSFinish from its unload handler with no LMSCommit before.
   */
  static Path golfBasicCalls(Path root) throws IOException {
    Path dir = root.resolve("golf-basic-" + System.nanoTime());
    String[] pages = {
      "Playing/Playing.html",
      "Playing/Par.html",
      "Playing/Scoring.html",
      "Playing/OtherScoring.html",
      "Etiquette/Course.html",
      "Etiquette/Distracting.html",
      "Etiquette/Play.html",
      "Handicapping/Overview.html",
      "Handicapping/CalculatingHandicap.html",
      "Handicapping/CalculatingScore.html",
      "Handicapping/Example.html",
      "HavingFun/HowToHaveFun.html",
      "HavingFun/MakeFriends.html",
      "assessmenttemplate.html"
    };
    StringBuilder files = new StringBuilder();
    for (String p : pages) {
      write(dir, p, "<!DOCTYPE html><html><body><p>" + p + " 高尔夫</p></body></html>");
      files.append("<file href=\"").append(p).append("\"/>");
    }
    write(dir, "shared/scormfunctions.js", SCORM_FUNCTIONS_12);
    write(dir, "shared/style.css", "body{font-family:sans-serif}");
    StringBuilder list = new StringBuilder("var pageArray = [");
    for (int i = 0; i < pages.length; i++) {
      list.append(i == 0 ? "" : ",").append("\"../").append(pages[i]).append("\"");
    }
    list.append("];");
    write(
        dir,
        "shared/launchpage.html",
        page(
            "Golf Explained",
            "",
            "<iframe id=\"contentFrame\" style=\"width:100%;height:200px\"></iframe>"
                + "<button id=\"prev\" onclick=\"doPrevious()\">Previous</button>"
                + "<button id=\"next\" onclick=\"doNext()\">Next</button>"
                + "<button id=\"quiz\" onclick=\"doQuiz(87)\">Submit quiz</button>"
                + "<script>"
                + list
                + "var currentPage = null, startTimeStamp = null, processedUnload = false, reachedEnd = false;"
                + "function doStart(){ startTimeStamp = new Date(); ScormProcessInitialize();"
                + " var completionStatus = ScormProcessGetValue('cmi.core.lesson_status');"
                + " if (completionStatus == 'not attempted'){ ScormProcessSetValue('cmi.core.lesson_status','incomplete'); }"
                + " var entry = ScormProcessGetValue('cmi.core.entry'); show('entry', entry || '(empty)');"
                + " show('total', ScormProcessGetValue('cmi.core.total_time'));"
                + " var bookmark = ScormProcessGetValue('cmi.core.lesson_location'); show('location', bookmark);"
                + " if (entry == 'resume' && bookmark != ''){ currentPage = parseInt(bookmark, 10); } else { currentPage = 0; }"
                + " goToPage(); show('state', 'started'); }"
                + "function goToPage(){ document.getElementById('contentFrame').src = pageArray[currentPage];"
                + " ScormProcessSetValue('cmi.core.lesson_location', String(currentPage));"
                + " var seen = ScormProcessGetValue('cmi.suspend_data'); seen = seen ? seen + ',' + currentPage : String(currentPage);"
                + " ScormProcessSetValue('cmi.suspend_data', seen); show('location', String(currentPage));"
                + " if (currentPage == pageArray.length - 1){ reachedEnd = true; } }"
                + "function doNext(){ if (currentPage < pageArray.length - 1){ currentPage++; goToPage(); } }"
                + "function doPrevious(){ if (currentPage > 0){ currentPage--; goToPage(); } }"
                + "function doQuiz(score){ ScormProcessSetValue('cmi.core.score.raw', String(score));"
                + " ScormProcessSetValue('cmi.core.score.min', '0'); ScormProcessSetValue('cmi.core.score.max', '100');"
                + " ScormProcessSetValue('cmi.core.lesson_status', score >= 70 ? 'passed' : 'failed'); reachedEnd = true;"
                + " doUnload(); }"
                + "function ConvertMilliSecondsToSCORMTime(ms){ var s = Math.floor(ms/1000), h = Math.floor(s/3600), m = Math.floor(s/60)%60; s = s%60;"
                + " return (h<10?'0':'') + h + ':' + (m<10?'0':'') + m + ':' + (s<10?'0':'') + s; }"
                + "function doUnload(){ if (processedUnload == true){ return; } processedUnload = true;"
                + " ScormProcessSetValue('cmi.core.session_time', ConvertMilliSecondsToSCORMTime(new Date() - startTimeStamp));"
                + " if (reachedEnd == false){ ScormProcessSetValue('cmi.core.exit', 'suspend'); } else { ScormProcessSetValue('cmi.core.exit', ''); }"
                + " ScormProcessFinish(); }"
                + "window.onload = doStart; window.onbeforeunload = doUnload; window.onunload = doUnload;"
                + "</script>"));
    write(
        dir,
        "imsmanifest.xml",
        "<?xml version=\"1.0\" standalone=\"no\" ?>"
            + "<manifest identifier=\"com.scorm.golfsamples.runtime.basic.12\" version=\"1\" "
            + NS12
            + "><metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>"
            + "<organizations default=\"golf_sample_default_org\"><organization identifier=\"golf_sample_default_org\">"
            + "<title>Golf Explained - Run-time Basic Calls</title>"
            + "<item identifier=\"item_1\" identifierref=\"resource_1\"><title>Golf Explained</title></item>"
            + "</organization></organizations><resources>"
            + "<resource identifier=\"resource_1\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"shared/launchpage.html\">"
            + files
            + "<file href=\"shared/launchpage.html\"/><file href=\"shared/scormfunctions.js\"/><file href=\"shared/style.css\"/>"
            + "</resource></resources></manifest>");
    return dir;
  }

  /**
   * "Run-time Minimum Calls" (SCORM 1.2): LMSInitialize on load, LMSFinish on unload, nothing else;
   * the LMS decides the status (completed) and measures the time.
   */
  static Path minimumCalls(Path root) throws IOException {
    Path dir = root.resolve("golf-minimum-" + System.nanoTime());
    write(dir, "shared/scormfunctions.js", SCORM_FUNCTIONS_12);
    write(
        dir,
        "shared/launchpage.html",
        page(
            "Golf Explained - Minimum Calls",
            "",
            "<p>只有初始化和结束 / initialise and finish only</p><script>"
                + "window.onload = function(){ ScormProcessInitialize(); show('state', 'started'); };"
                + "window.onunload = ScormProcessFinish; window.onbeforeunload = ScormProcessFinish;</script>"));
    write(
        dir,
        "imsmanifest.xml",
        "<?xml version=\"1.0\" standalone=\"no\" ?><manifest identifier=\"com.scorm.golfsamples.runtime.minimumcalls.12\" version=\"1\" "
            + NS12
            + "><metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>"
            + "<organizations default=\"o\"><organization identifier=\"o\"><title>Golf Explained - Minimum Run-time Calls</title>"
            + "<item identifier=\"item_1\" identifierref=\"resource_1\"><title>Golf Explained</title></item></organization></organizations>"
            + "<resources><resource identifier=\"resource_1\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"shared/launchpage.html\">"
            + "<file href=\"shared/launchpage.html\"/><file href=\"shared/scormfunctions.js\"/></resource></resources></manifest>");
    return dir;
  }

  /**
   * "Run-time Advanced Calls" (SCORM 1.2): reads the learner's name and the _children lists, sets
   * preferences, objectives and interactions, score with min and max, commits half-way (the only
   * sample that does), reads the error functions, and finishes on a button.
   */
  static Path advancedCalls(Path root) throws IOException {
    Path dir = root.resolve("golf-advanced-" + System.nanoTime());
    write(dir, "shared/scormfunctions.js", SCORM_FUNCTIONS_12);
    write(
        dir,
        "shared/launchpage.html",
        page(
            "Golf Explained - Advanced Calls",
            "",
            "<button id=\"done\" onclick=\"finishQuiz()\">Done</button><script>"
                + "window.onload = function(){ ScormProcessInitialize();"
                + " show('entry', ScormProcessGetValue('cmi.core.entry') || '(empty)');"
                + " var name = ScormProcessGetValue('cmi.core.student_name');"
                + " var children = ScormProcessGetValue('cmi.core._children');"
                + " if (children.indexOf('lesson_location') < 0){ show('state', 'no _children'); return; }"
                + " ScormProcessSetValue('cmi.student_preference.audio', '50');"
                + " ScormProcessSetValue('cmi.student_preference.language', 'zh-CN');"
                + " ScormProcessSetValue('cmi.objectives.0.id', 'obj_etiquette');"
                + " ScormProcessSetValue('cmi.objectives.0.status', 'completed');"
                + " ScormProcessSetValue('cmi.objectives.0.score.raw', '80');"
                + " ScormProcessSetValue('cmi.interactions.0.id', 'q1');"
                + " ScormProcessSetValue('cmi.interactions.0.type', 'choice');"
                + " ScormProcessSetValue('cmi.interactions.0.student_response', 'b');"
                + " ScormProcessSetValue('cmi.interactions.0.result', 'correct');"
                + " ScormProcessSetValue('cmi.comments', '课程很好');"
                + " ScormProcessSetValue('cmi.core.lesson_status', 'incomplete');"
                + " var c = ScormProcessCommit(); var err = API.LMSGetLastError();"
                + " API.LMSGetErrorString(err); API.LMSGetDiagnostic(err);"
                + " show('state', 'committed:' + c + ':' + err); };"
                + "function finishQuiz(){ ScormProcessSetValue('cmi.core.score.min', '0');"
                + " ScormProcessSetValue('cmi.core.score.max', '10'); ScormProcessSetValue('cmi.core.score.raw', '9');"
                + " ScormProcessSetValue('cmi.core.lesson_status', 'passed'); ScormProcessFinish(); }"
                + "window.onunload = ScormProcessFinish;</script>"));
    write(
        dir,
        "imsmanifest.xml",
        "<?xml version=\"1.0\" standalone=\"no\" ?><manifest identifier=\"com.scorm.golfsamples.runtime.advancedcalls.12\" version=\"1\" "
            + NS12
            + "><metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>"
            + "<organizations default=\"o\"><organization identifier=\"o\"><title>Golf Explained - Advanced Run-time Calls</title>"
            + "<item identifier=\"item_1\" identifierref=\"resource_1\"><title>Golf Explained</title>"
            + "<adlcp:masteryscore>80</adlcp:masteryscore><adlcp:datafromlms>mode=advanced</adlcp:datafromlms></item>"
            + "</organization></organizations>"
            + "<resources><resource identifier=\"resource_1\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"shared/launchpage.html\">"
            + "<file href=\"shared/launchpage.html\"/><file href=\"shared/scormfunctions.js\"/></resource></resources></manifest>");
    return dir;
  }

  /** The identifiers of the multi-SCO sample's launchable items, in order. */
  static final List<String> MULTI_ITEMS = multiItems();

  private static List<String> multiItems() {
    List<String> l = new ArrayList<>();
    for (int i = 1; i <= 19; i++) {
      l.add(String.format("item_%02d", i));
    }
    return l;
  }

  /**
   * "Golf Explained - Multi SCO" (SCORM 1.2): 19 SCOs, one file each, under four headings, and an
   * assessment that has {@code adlcp:prerequisites} on the first two. Each SCO initialises, reports
   * itself completed and finishes, without a commit.
   */
  static Path multiSco(Path root) throws IOException {
    Path dir = root.resolve("golf-multi-" + System.nanoTime());
    write(dir, "shared/scormfunctions.js", SCORM_FUNCTIONS_12);
    String[] headings = {"Playing the Game", "Etiquette", "Handicapping", "Having Fun"};
    StringBuilder items = new StringBuilder();
    StringBuilder resources = new StringBuilder();
    int n = 0;
    for (int h = 0; h < headings.length; h++) {
      items.append("<item identifier=\"heading_").append(h).append("\"><title>");
      items.append(headings[h]).append("</title>");
      int count = h == 3 ? 3 : 5; // 5 + 5 + 5 + 3 = 18, and the assessment
      for (int k = 0; k < count; k++) {
        n++;
        String id = String.format("item_%02d", n);
        String file = String.format("sco%02d/sco.html", n);
        items.append("<item identifier=\"").append(id).append("\" identifierref=\"res_").append(id);
        items.append("\"><title>第 ").append(n).append(" 单元</title></item>");
        resources.append("<resource identifier=\"res_").append(id);
        resources.append("\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"").append(file);
        resources
            .append("\"><file href=\"")
            .append(file)
            .append("\"/><dependency identifierref=\"common\"/></resource>");
        write(
            dir,
            file,
            page(
                "SCO " + id,
                "../shared/",
                "<script>window.onload = function(){ ScormProcessInitialize();"
                    + " show('entry', ScormProcessGetValue('cmi.core.entry') || '(empty)');"
                    + " ScormProcessSetValue('cmi.core.lesson_status', 'completed'); ScormProcessFinish(); };"
                    + "</script>"));
      }
      items.append("</item>");
    }
    items.append(
        "<item identifier=\"item_19\" identifierref=\"res_item_19\"><title>测验 / Assessment</title>"
            + "<adlcp:prerequisites type=\"aicc_script\">item_01 &amp; item_02</adlcp:prerequisites></item>");
    resources.append(
        "<resource identifier=\"res_item_19\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"assessment/assessment.html\">"
            + "<file href=\"assessment/assessment.html\"/><dependency identifierref=\"common\"/></resource>");
    write(
        dir,
        "assessment/assessment.html",
        page(
            "Assessment",
            "../shared/",
            "<script>window.onload = function(){ ScormProcessInitialize();"
                + " ScormProcessSetValue('cmi.core.score.raw', '75'); ScormProcessSetValue('cmi.core.lesson_status', 'passed');"
                + " ScormProcessFinish(); };</script>"));
    resources.append(
        "<resource identifier=\"common\" type=\"webcontent\" adlcp:scormtype=\"asset\">"
            + "<file href=\"shared/scormfunctions.js\"/></resource>");
    write(
        dir,
        "imsmanifest.xml",
        "<?xml version=\"1.0\" standalone=\"no\" ?><manifest identifier=\"com.scorm.golfsamples.multisco.12\" version=\"1\" "
            + NS12
            + "><metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>"
            + "<organizations default=\"golf_sample_default_org\"><organization identifier=\"golf_sample_default_org\">"
            + "<title>Golf Explained - Multi SCO</title>"
            + items
            + "</organization></organizations><resources>"
            + resources
            + "</resources></manifest>");
    return dir;
  }

  /**
   * "Golf Explained - Run-time Basic Calls" for SCORM 2004 4th edition: a manifest with IMS Simple
   * Sequencing (flow and choice, a rollup rule), one SCO that keeps its page in cmi.location,
   * suspends, and on the second launch reads cmi.entry resume and passes; Terminate on unload, no
   * Commit.
   */
  static Path scorm2004(Path root) throws IOException {
    Path dir = root.resolve("golf-2004-" + System.nanoTime());
    write(dir, "shared/scormfunctions.js", SCORM_FUNCTIONS_2004);
    write(
        dir,
        "shared/launchpage.html",
        page(
            "Golf Explained 2004",
            "",
            "<button id=\"next\" onclick=\"ScormProcessSetValue('cmi.location','p2'); show('location','p2')\">Next</button>"
                + "<button id=\"quiz\" onclick=\"doQuiz()\">Submit quiz</button><script>"
                + "var done = false;"
                + "window.onload = function(){ ScormProcessInitialize();"
                + " show('entry', ScormProcessGetValue('cmi.entry') || '(empty)');"
                + " show('location', ScormProcessGetValue('cmi.location'));"
                + " show('total', ScormProcessGetValue('cmi.total_time'));"
                + " ScormProcessSetValue('cmi.completion_status', 'incomplete'); show('state', 'started'); };"
                + "function doQuiz(){ ScormProcessSetValue('cmi.score.scaled', '0.9'); ScormProcessSetValue('cmi.score.raw', '90');"
                + " ScormProcessSetValue('cmi.score.min', '0'); ScormProcessSetValue('cmi.score.max', '100');"
                + " ScormProcessSetValue('cmi.success_status', 'passed'); ScormProcessSetValue('cmi.completion_status', 'completed');"
                + " ScormProcessSetValue('cmi.interactions.0.id', 'q1'); ScormProcessSetValue('cmi.interactions.0.type', 'true-false');"
                + " ScormProcessSetValue('cmi.interactions.0.learner_response', 'true');"
                + " done = true; ScormProcessSetValue('cmi.exit', 'normal'); ScormProcessTerminate(); }"
                + "function doUnload(){ if (!done){ ScormProcessSetValue('cmi.exit', 'suspend'); } ScormProcessTerminate(); }"
                + "window.onunload = doUnload; window.onbeforeunload = doUnload;</script>"));
    write(
        dir,
        "imsmanifest.xml",
        "<?xml version=\"1.0\" standalone=\"no\" ?><manifest identifier=\"com.scorm.golfsamples.runtime.basic.20044\" version=\"1\" "
            + NS2004
            + "><metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>"
            + "<organizations default=\"golf_sample_default_org\"><organization identifier=\"golf_sample_default_org\""
            + " adlseq:objectivesGlobalToSystem=\"false\"><title>Golf Explained - Run-time Basic Calls (2004)</title>"
            + "<item identifier=\"item_1\" identifierref=\"resource_1\"><title>Golf Explained</title>"
            + "<imsss:sequencing><imsss:deliveryControls completionSetByContent=\"true\" objectiveSetByContent=\"true\"/></imsss:sequencing></item>"
            + "<imsss:sequencing><imsss:controlMode choice=\"true\" flow=\"true\"/>"
            + "<imsss:rollupRules><imsss:rollupRule childActivitySet=\"all\"><imsss:rollupConditions>"
            + "<imsss:rollupCondition condition=\"completed\"/></imsss:rollupConditions>"
            + "<imsss:rollupAction action=\"completed\"/></imsss:rollupRule></imsss:rollupRules></imsss:sequencing>"
            + "</organization></organizations><resources>"
            + "<resource identifier=\"resource_1\" type=\"webcontent\" adlcp:scormType=\"sco\" href=\"shared/launchpage.html\">"
            + "<file href=\"shared/launchpage.html\"/><file href=\"shared/scormfunctions.js\"/></resource></resources></manifest>");
    return dir;
  }

  /**
   * A SCORM 2004 4th edition package of two SCOs with flow and choice: each SCO completes itself,
   * then asks the LMS to go on with {@code adl.nav.request} (continue, or a choice of the first
   * SCO) before Terminate, as sequenced 2004 content does instead of offering its own links.
   */
  static Path scorm2004Navigation(Path root) throws IOException {
    Path dir = root.resolve("golf-2004-nav-" + System.nanoTime());
    write(dir, "shared/scormfunctions.js", SCORM_FUNCTIONS_2004);
    for (int n = 1; n <= 2; n++) {
      write(
          dir,
          "sco" + n + "/index.html",
          page(
              "SCO " + n,
              "../shared/",
              "<button id=\"continue\" onclick=\"nav('continue')\">Continue</button>"
                  + "<button id=\"choose\" onclick=\"nav('{target=item_1}choice')\">Back to 1</button><script>"
                  + "window.onload = function(){ ScormProcessInitialize(); show('entry', ScormProcessGetValue('cmi.entry'));"
                  + " show('state', 'started sco"
                  + n
                  + "'); };"
                  + "function nav(r){ ScormProcessSetValue('cmi.completion_status', 'completed');"
                  + " ScormProcessSetValue('adl.nav.request', r); ScormProcessTerminate(); }</script>"));
    }
    write(
        dir,
        "imsmanifest.xml",
        "<?xml version=\"1.0\" standalone=\"no\" ?><manifest identifier=\"com.scorm.golfsamples.sequencing.nav.20044\" version=\"1\" "
            + NS2004
            + "><metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>"
            + "<organizations default=\"org\"><organization identifier=\"org\"><title>Golf Explained - Sequencing Navigation</title>"
            + "<item identifier=\"item_1\" identifierref=\"r1\"><title>第一部分</title></item>"
            + "<item identifier=\"item_2\" identifierref=\"r2\"><title>第二部分</title></item>"
            + "<imsss:sequencing><imsss:controlMode choice=\"true\" flow=\"true\"/></imsss:sequencing>"
            + "</organization></organizations><resources>"
            + "<resource identifier=\"r1\" type=\"webcontent\" adlcp:scormType=\"sco\" href=\"sco1/index.html\"><file href=\"sco1/index.html\"/></resource>"
            + "<resource identifier=\"r2\" type=\"webcontent\" adlcp:scormType=\"sco\" href=\"sco2/index.html\"><file href=\"sco2/index.html\"/></resource>"
            + "</resources></manifest>");
    return dir;
  }

  /**
   * A SCO that tries to act with the inmate's session (issue 14, finding 11): on load it reads a
   * platform API answer with the browser's credentials, the session endpoint, the cookie, the
   * lesson page around it and local storage, writes what came of each into {@code #probe} and keeps
   * it in {@code cmi.suspend_data}; a button sets a score and commits (for the failing commit).
   */
  static Path isolationProbe(Path root) throws IOException {
    Path dir = root.resolve("isolation-probe-" + System.nanoTime());
    write(dir, "shared/scormfunctions.js", SCORM_FUNCTIONS_12);
    write(
        dir,
        "shared/pic.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>");
    write(
        dir,
        "shared/launchpage.html",
        page(
            "隔离探针 Isolation probe",
            "",
            "<p id=\"zh\" style=\"font-family:Arial\">中文课件</p><img id=\"pic\" src=\"pic.svg\" alt=\"\">"
                + "<p>probe <span id=\"probe\">running</span> blocked <span id=\"violations\"></span></p>"
                + "<button id=\"score\" onclick=\"scoreIt()\">Score</button><script>"
                + "document.addEventListener('securitypolicyviolation', function(e){"
                + " var v = document.getElementById('violations'); v.textContent += e.violatedDirective + ' ' + e.blockedURI + '; '; });"
                + "var results = [];"
                + "function note(r){ results.push(r); }"
                + "function attempt(name, f){ try { note(name + ':' + f()); } catch (e) { note(name + ':refused'); } }"
                + "function read(name, url){ return fetch(url, {credentials: 'include'})"
                + ".then(function(r){ note(name + (r.ok ? ':open ' : ':status ') + r.status); },"
                + " function(){ note(name + ':refused'); }); }"
                + "function scoreIt(){ ScormProcessSetValue('cmi.core.score.raw', '77');"
                + " ScormProcessSetValue('cmi.core.lesson_status', 'passed'); show('state', 'scored:' + ScormProcessCommit()); }"
                + "window.onload = function(){ ScormProcessInitialize();"
                + " attempt('cookie', function(){ return document.cookie.indexOf('JSESSIONID') >= 0 ? 'open' : 'empty'; });"
                + " attempt('page', function(){ return window.top.document.title ? 'open' : 'empty'; });"
                + " attempt('storage', function(){ return window.localStorage ? 'open' : 'empty'; });"
                + " Promise.all([read('api', '/api/v1/lms/me/courses'), read('session', '/api/v1/session')]).then(function(){"
                + " var text = results.join(';'); show('probe', text);"
                + " ScormProcessSetValue('cmi.suspend_data', text); ScormProcessSetValue('cmi.core.lesson_status', 'incomplete');"
                + " show('state', 'probed:' + ScormProcessCommit()); }); };"
                + "window.onunload = ScormProcessFinish;</script>"));
    write(
        dir,
        "imsmanifest.xml",
        "<?xml version=\"1.0\" standalone=\"no\" ?><manifest identifier=\"cn.it.isolation.probe\" version=\"1\" "
            + NS12
            + "><metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>"
            + "<organizations default=\"o\"><organization identifier=\"o\"><title>Isolation probe</title>"
            + "<item identifier=\"item_1\" identifierref=\"resource_1\"><title>Probe</title></item></organization></organizations>"
            + "<resources><resource identifier=\"resource_1\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"shared/launchpage.html\">"
            + "<file href=\"shared/launchpage.html\"/><file href=\"shared/scormfunctions.js\"/><file href=\"shared/pic.svg\"/></resource></resources></manifest>");
    return dir;
  }

  /**
   * A SCORM 1.2 SCO shaped like many publishers' older courses: the launch file is a frameset (a
   * navigation frame and a content frame), and the content page finds the API with the ADL
   * algorithm (window, then up to 7 parents, then window.opener) after its own wrapper declared
   * {@code var API = null}, so it walks to the frame above. The navigation frame moves the content
   * frame to its next page through {@code parent.frames['content']}. Each content page initialises
   * and finishes (suspend at unload, unless the learner finished).
   */
  static Path framesetSco12(Path root) throws IOException {
    Path dir = root.resolve("frameset-12-" + System.nanoTime());
    write(
        dir,
        "course/index.html",
        "<html><head><meta charset=\"utf-8\"><title>Frameset SCO</title></head>"
            + "<frameset rows=\"90,*\"><frame name=\"nav\" src=\"nav.html\"><frame name=\"content\" src=\"content.html\"></frameset></html>");
    write(
        dir,
        "course/nav.html",
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>nav</title></head><body>"
            + "<p id=\"zh\" style=\"font-family:'Microsoft YaHei'\">第一课：高尔夫礼仪</p><img id=\"title\" src=\"title.svg\" alt=\"\">"
            + "<button id=\"next\" onclick=\"parent.frames['content'].location.href = 'content.html?p=2'\">下一页 Next</button>"
            + "</body></html>");
    write(
        dir,
        "course/title.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"40\">"
            + "<text x=\"10\" y=\"30\" font-size=\"20\" fill=\"#333\">分框架课件</text></svg>");
    write(dir, "course/apiwrapper.js", ADL_FINDER_12);
    write(
        dir,
        "course/content.html",
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>content</title>"
            + "<script src=\"apiwrapper.js\"></script></head><body>"
            + "<p>entry <span id=\"entry\"></span> location <span id=\"location\"></span>"
            + " state <span id=\"state\">loading</span></p>"
            + "<button id=\"score\" onclick=\"scoreIt()\">Score</button><script>"
            + "var pageNo = (location.search.match(/p=(\\d+)/) || [0, '1'])[1], finished = false;"
            + "function show(id, v){ document.getElementById(id).textContent = v; }"
            + "window.onload = function(){ API = getAPI();"
            + " if (API == null) { show('state', 'no API'); return; }"
            + " API.LMSInitialize('');"
            + " show('entry', API.LMSGetValue('cmi.core.entry') || '(empty)');"
            + " show('location', API.LMSGetValue('cmi.core.lesson_location'));"
            + " API.LMSSetValue('cmi.core.lesson_location', 'page' + pageNo);"
            + " API.LMSSetValue('cmi.core.lesson_status', 'incomplete');"
            + " show('state', 'ready:page' + pageNo); };"
            + "function scoreIt(){ API.LMSSetValue('cmi.core.score.raw', '91'); API.LMSSetValue('cmi.core.lesson_status', 'passed');"
            + " finished = true; show('state', 'finished:' + API.LMSFinish('')); }"
            + "window.onunload = function(){ if (!finished && API) { API.LMSSetValue('cmi.core.exit', 'suspend');"
            + " API.LMSSetValue('cmi.suspend_data', 'seen:' + pageNo); finished = true; API.LMSFinish(''); } };"
            + "</script></body></html>");
    write(
        dir,
        "imsmanifest.xml",
        "<?xml version=\"1.0\" standalone=\"no\" ?><manifest identifier=\"com.example.frameset.12\" version=\"1\" "
            + NS12
            + "><metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>"
            + "<organizations default=\"o\"><organization identifier=\"o\"><title>Frameset SCO</title>"
            + "<item identifier=\"item_1\" identifierref=\"r1\"><title>分框架课件</title></item></organization></organizations>"
            + "<resources><resource identifier=\"r1\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"course/index.html\">"
            + "<file href=\"course/index.html\"/><file href=\"course/nav.html\"/><file href=\"course/content.html\"/><file href=\"course/title.svg\"/>"
            + "<file href=\"course/apiwrapper.js\"/></resource></resources></manifest>");
    return dir;
  }

  /**
   * A SCORM 1.2 frameset SCO whose pages use link targets, as published courses do: the navigation
   * frame opens a help page with {@code target="_blank"} and goes to the end page with {@code
   * target="_parent"}; the content frame holds an inner frame whose links go to the next content
   * page ({@code _parent}, the content frame) and to the end page ({@code _top}); the end page, the
   * SCO's own window, starts again with {@code target="_top"}. Each page writes where it is into
   * {@code #state}.
   */
  static Path linkTargets12(Path root) throws IOException {
    Path dir = root.resolve("targets-12-" + System.nanoTime());
    String head =
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>%s</title></head><body>";
    write(
        dir,
        "course/index.html",
        "<html><head><meta charset=\"utf-8\"><title>Link targets</title></head>"
            + "<frameset rows=\"90,*\"><frame name=\"nav\" src=\"nav.html\"><frame name=\"content\" src=\"content.html\"></frameset></html>");
    write(
        dir,
        "course/nav.html",
        String.format(head, "nav")
            + "<p id=\"state\">nav</p>"
            + "<a id=\"help\" href=\"help.html\" target=\"_blank\">帮助 Help</a> "
            + "<a id=\"end\" href=\"end.html?via=parent\" target=\"_parent\">结束 End</a>"
            + "</body></html>");
    write(
        dir,
        "course/help.html",
        String.format(head, "help")
            + "<p id=\"state\">help</p><button id=\"close\" onclick=\"window.close()\">关闭 Close</button>"
            + "</body></html>");
    write(dir, "course/apiwrapper.js", ADL_FINDER_12);
    write(
        dir,
        "course/content.html",
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>content</title>"
            + "<script src=\"apiwrapper.js\"></script></head><body>"
            + "<p>state <span id=\"state\">loading</span></p><iframe name=\"inner\" src=\"inner.html\"></iframe><script>"
            + "var page = location.search.indexOf('p=2') >= 0 ? 'page2' : 'page1', done = false;"
            + "window.onload = function(){ API = getAPI(); if (API == null) { document.getElementById('state').textContent = 'no API'; return; }"
            + " API.LMSInitialize(''); API.LMSSetValue('cmi.core.lesson_location', page);"
            + " API.LMSSetValue('cmi.core.lesson_status', 'incomplete'); document.getElementById('state').textContent = 'ready:' + page; };"
            + "window.onunload = function(){ if (!done && API) { done = true; API.LMSSetValue('cmi.core.exit', 'suspend'); API.LMSFinish(''); } };"
            + "</script></body></html>");
    write(
        dir,
        "course/inner.html",
        String.format(head, "inner")
            + "<p id=\"state\">inner</p>"
            + "<a id=\"next\" href=\"content.html?p=2\" target=\"_parent\">下一页 Next</a> "
            + "<a id=\"leave\" href=\"end.html?via=top\" target=\"_top\">离开 Leave</a>"
            + "</body></html>");
    write(
        dir,
        "course/end.html",
        String.format(head, "end")
            + "<p id=\"state\">loading</p>"
            + "<a id=\"again\" href=\"index.html\" target=\"_top\">重新开始 Again</a><script>"
            + "document.getElementById('state').textContent = 'end:' + (location.search.match(/via=(\\w+)/) || [0, '?'])[1];"
            + "</script></body></html>");
    write(
        dir,
        "imsmanifest.xml",
        "<?xml version=\"1.0\" standalone=\"no\" ?><manifest identifier=\"com.example.targets.12\" version=\"1\" "
            + NS12
            + "><metadata><schema>ADL SCORM</schema><schemaversion>1.2</schemaversion></metadata>"
            + "<organizations default=\"o\"><organization identifier=\"o\"><title>Link targets</title>"
            + "<item identifier=\"item_1\" identifierref=\"r1\"><title>链接目标课件</title></item></organization></organizations>"
            + "<resources><resource identifier=\"r1\" type=\"webcontent\" adlcp:scormtype=\"sco\" href=\"course/index.html\">"
            + "<file href=\"course/index.html\"/><file href=\"course/nav.html\"/><file href=\"course/help.html\"/>"
            + "<file href=\"course/content.html\"/><file href=\"course/inner.html\"/><file href=\"course/end.html\"/>"
            + "<file href=\"course/apiwrapper.js\"/></resource></resources></manifest>");
    return dir;
  }

  /**
   * A SCORM 2004 (4th edition) SCO that never sets a completion status, as short published pages
   * do: it keeps its place and suspends ("suspend" button), or leaves normally ("leave"). The SN
   * book's End Attempt Process (UP.4) completes such an activity only when it was not suspended.
   */
  static Path statuslessSco2004(Path root) throws IOException {
    Path dir = root.resolve("statusless-2004-" + System.nanoTime());
    write(dir, "sco/apiwrapper.js", ADL_FINDER_2004);
    write(
        dir,
        "sco/page.html",
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>sco</title>"
            + "<script src=\"apiwrapper.js\"></script></head><body>"
            + "<p>entry <span id=\"entry\"></span> location <span id=\"location\"></span>"
            + " state <span id=\"state\">loading</span></p>"
            + "<button id=\"suspend\" onclick=\"suspendIt()\">Suspend</button>"
            + "<button id=\"leave\" onclick=\"leaveIt()\">Leave</button><script>"
            + "function show(id, v){ document.getElementById(id).textContent = v; }"
            + "window.onload = function(){ getAPI(window);"
            + " if (API == null) { show('state', 'no API'); return; }"
            + " API.Initialize(''); show('entry', API.GetValue('cmi.entry') || '(empty)');"
            + " show('location', API.GetValue('cmi.location')); show('state', 'ready'); };"
            + "function suspendIt(){ API.SetValue('cmi.location', 'p3'); API.SetValue('cmi.exit', 'suspend');"
            + " show('state', 'terminated:' + API.Terminate('')); }"
            + "function leaveIt(){ API.SetValue('cmi.exit', 'normal'); show('state', 'terminated:' + API.Terminate('')); }"
            + "</script></body></html>");
    write(
        dir,
        "imsmanifest.xml",
        "<?xml version=\"1.0\" standalone=\"no\" ?><manifest identifier=\"com.example.statusless.20044\" version=\"1\" "
            + NS2004
            + "><metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>"
            + "<organizations default=\"o\"><organization identifier=\"o\"><title>Statusless SCO</title>"
            + "<item identifier=\"item_1\" identifierref=\"r1\"><title>无状态课件</title></item></organization></organizations>"
            + "<resources><resource identifier=\"r1\" type=\"webcontent\" adlcp:scormType=\"sco\" href=\"sco/page.html\">"
            + "<file href=\"sco/page.html\"/><file href=\"sco/apiwrapper.js\"/></resource></resources></manifest>");
    return dir;
  }

  /**
   * A SCORM 2004 (4th edition) SCO launched in a popup: the launch page opens the SCO's page with
   * {@code window.open}, and the SCO finds {@code API_1484_11} with the ADL 2004 algorithm (from
   * window.parent, up to 7 parents, then window.opener). It calls only Initialize, GetValue,
   * SetValue and Terminate (no Commit), then closes its window.
   */
  static Path popupSco2004(Path root) throws IOException {
    Path dir = root.resolve("popup-2004-" + System.nanoTime());
    write(
        dir,
        "launch.html",
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>launcher</title></head><body>"
            + "<p>state <span id=\"state\">launcher</span></p>"
            + "<button id=\"open\" onclick=\"var w = window.open('sco/sco.html', 'golfsco', 'width=800,height=600,resizable=yes');"
            + " document.getElementById('state').textContent = w ? 'opened' : 'blocked';\">打开课件 Open</button>"
            + "</body></html>");
    write(dir, "sco/apiwrapper.js", ADL_FINDER_2004);
    write(
        dir,
        "sco/sco.html",
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>sco</title>"
            + "<script src=\"apiwrapper.js\"></script></head><body>"
            + "<p>entry <span id=\"entry\"></span> location <span id=\"location\"></span>"
            + " state <span id=\"state\">loading</span></p>"
            + "<button id=\"suspend\" onclick=\"suspendIt()\">Suspend</button>"
            + "<button id=\"finish\" onclick=\"finishIt()\">Finish</button><script>"
            + "function show(id, v){ document.getElementById(id).textContent = v; }"
            + "window.onload = function(){ getAPI(window);"
            + " if (API == null) { show('state', 'no API'); return; }"
            + " API.Initialize('');"
            + " show('entry', API.GetValue('cmi.entry') || '(empty)');"
            + " show('location', API.GetValue('cmi.location'));"
            + " API.SetValue('cmi.completion_status', 'incomplete'); API.SetValue('cmi.location', 'q1');"
            + " show('state', 'ready'); };"
            + "function suspendIt(){ API.SetValue('cmi.location', 'q2'); API.SetValue('cmi.suspend_data', 'answered:1');"
            + " API.SetValue('cmi.exit', 'suspend'); show('state', 'terminated:' + API.Terminate('')); window.close(); }"
            + "function finishIt(){ API.SetValue('cmi.score.scaled', '0.8'); API.SetValue('cmi.score.raw', '80');"
            + " API.SetValue('cmi.score.min', '0'); API.SetValue('cmi.score.max', '100');"
            + " API.SetValue('cmi.success_status', 'passed'); API.SetValue('cmi.completion_status', 'completed');"
            + " API.SetValue('cmi.session_time', 'PT1M5S'); API.SetValue('cmi.exit', 'normal');"
            + " show('state', 'terminated:' + API.Terminate('')); window.close(); }"
            + "</script></body></html>");
    write(
        dir,
        "imsmanifest.xml",
        "<?xml version=\"1.0\" standalone=\"no\" ?><manifest identifier=\"com.example.popup.20044\" version=\"1\" "
            + NS2004
            + "><metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>"
            + "<organizations default=\"o\"><organization identifier=\"o\"><title>Popup SCO</title>"
            + "<item identifier=\"item_1\" identifierref=\"r1\"><title>弹出窗口课件</title></item></organization></organizations>"
            + "<resources><resource identifier=\"r1\" type=\"webcontent\" adlcp:scormType=\"sco\" href=\"launch.html\">"
            + "<file href=\"launch.html\"/><file href=\"sco/sco.html\"/><file href=\"sco/apiwrapper.js\"/></resource></resources></manifest>");
    return dir;
  }

  /**
   * The ADL API-finding algorithm for SCORM 1.2 (RTE 3.3.6.1, as in ADL's APIWrapper.js): the
   * window itself, then up to 7 parents, then the opener. The wrapper's own {@code var API = null}
   * hides the window's API, as publishers' wrappers do.
   */
  static final String ADL_FINDER_12 =
      """
      var API = null;
      var findAPITries = 0;
      function findAPI(win) {
        while ((win.API == null) && (win.parent != null) && (win.parent != win)) {
          findAPITries++;
          if (findAPITries > 7) { return null; }
          win = win.parent;
        }
        return win.API;
      }
      function getAPI() {
        var theAPI = findAPI(window);
        if ((theAPI == null) && (window.opener != null) && (typeof(window.opener) != "undefined")) {
          theAPI = findAPI(window.opener);
        }
        return theAPI;
      }
      """;

  /** The ADL API-finding algorithm for SCORM 2004 (from window.parent, 7 parents, the opener). */
  static final String ADL_FINDER_2004 =
      """
      var API = null;
      var nFindAPITries = 0;
      var maxTries = 7;
      function scanForAPI(win) {
        while ((win.API_1484_11 == null) && (win.parent != null) && (win.parent != win)) {
          nFindAPITries++;
          if (nFindAPITries > maxTries) { return null; }
          win = win.parent;
        }
        return win.API_1484_11;
      }
      function getAPI(win) {
        if ((win.parent != null) && (win.parent != win)) { API = scanForAPI(win.parent); }
        if ((API == null) && (win.opener != null)) { API = scanForAPI(win.opener); }
      }
      """;

  /**
   * Shaped like Rustici's "Golf Explained - Sequencing" SCORM 2004 4th edition samples: every SCO
   * is the one common launch page with its module in the query ({@code
   * shared/launchpage.html?content=playing}), the shared files are an asset resource the SCOs
   * depend on, the manifest has forced-sequential sequencing (flow without choice, a precondition
   * rule that disables the test until the content is satisfied, objectives mapped to global
   * objectives, rollup rules). The launch page shows the module's pages in a frame, sets completion
   * at the last page, keeps the page in cmi.location, and calls only Initialize, GetValue, SetValue
   * and Terminate (from its unload handler), never Commit; the test page in the frame reports its
   * score with {@code parent.RecordTest(score)}.
   */
  static Path golfSequencing2004(Path root) throws IOException {
    Path dir = root.resolve("golf-seq-2004-" + System.nanoTime());
    String[][] modules = {
      {"playing", "Playing/Playing.html", "Playing/Par.html", "Playing/Scoring.html"},
      {"etiquette", "Etiquette/Course.html", "Etiquette/Distracting.html"},
      {"assessment", "shared/assessmenttemplate.html"}
    };
    StringBuilder files = new StringBuilder();
    StringBuilder table = new StringBuilder("var modules = {");
    for (String[] m : modules) {
      table.append(m[0]).append(": [");
      for (int i = 1; i < m.length; i++) {
        if (!m[i].startsWith("shared/")) {
          write(dir, m[i], "<!DOCTYPE html><html><body><p>" + m[i] + " 高尔夫</p></body></html>");
          files.append("<file href=\"").append(m[i]).append("\"/>");
        }
        table.append(i == 1 ? "" : ",").append("\"../").append(m[i]).append("\"");
      }
      table.append("],");
    }
    table.append("};");
    write(
        dir,
        "shared/assessmenttemplate.html",
        "<!DOCTYPE html><html><body><p>测验 Assessment</p>"
            + "<button id=\"submit\" onclick=\"if (parent.RecordTest) { parent.RecordTest(80); }\">提交 Submit</button></body></html>");
    write(dir, "shared/scormfunctions.js", SCORM_FUNCTIONS_2004);
    write(dir, "shared/style.css", "body{font-family:Arial}");
    write(
        dir,
        "shared/launchpage.html",
        page(
            "Golf Explained - Sequencing",
            "",
            "<iframe id=\"contentFrame\" style=\"width:100%;height:200px\"></iframe>"
                + "<button id=\"prev\" onclick=\"doPrevious()\">Previous</button>"
                + "<button id=\"next\" onclick=\"doNext()\">Next</button>"
                + "<script>"
                + table
                + "var content = (location.search.match(/content=(\\w+)/) || [0, 'playing'])[1];"
                + "var pageArray = modules[content];"
                + "var currentPage = null, startTimeStamp = null, processedUnload = false, reachedEnd = false;"
                + "function doStart(){ startTimeStamp = new Date(); ScormProcessInitialize();"
                + " if (ScormProcessGetValue('cmi.completion_status') == 'unknown'){ ScormProcessSetValue('cmi.completion_status', 'incomplete'); }"
                + " var entry = ScormProcessGetValue('cmi.entry'); show('entry', entry || '(empty)');"
                + " show('total', ScormProcessGetValue('cmi.total_time'));"
                + " var bookmark = ScormProcessGetValue('cmi.location');"
                + " currentPage = (entry == 'resume' && bookmark != '') ? parseInt(bookmark, 10) : 0;"
                + " show('location', bookmark); goToPage(); show('state', 'started:' + content); }"
                + "function goToPage(){ document.getElementById('contentFrame').src = pageArray[currentPage];"
                + " ScormProcessSetValue('cmi.location', String(currentPage)); show('location', String(currentPage));"
                + " if (currentPage == pageArray.length - 1 && content != 'assessment'){ reachedEnd = true;"
                + " ScormProcessSetValue('cmi.completion_status', 'completed'); } }"
                + "function doNext(){ if (currentPage < pageArray.length - 1){ currentPage++; goToPage(); } }"
                + "function doPrevious(){ if (currentPage > 0){ currentPage--; goToPage(); } }"
                + "function RecordTest(score){ ScormProcessSetValue('cmi.score.raw', String(score));"
                + " ScormProcessSetValue('cmi.score.min', '0'); ScormProcessSetValue('cmi.score.max', '100');"
                + " ScormProcessSetValue('cmi.score.scaled', String(score / 100));"
                + " ScormProcessSetValue('cmi.success_status', score >= 70 ? 'passed' : 'failed');"
                + " ScormProcessSetValue('cmi.completion_status', 'completed'); reachedEnd = true; show('state', 'recorded:' + score); }"
                + "function isoDuration(ms){ var s = Math.round(ms / 1000); return 'PT' + Math.floor(s / 3600) + 'H' + (Math.floor(s / 60) % 60) + 'M' + (s % 60) + 'S'; }"
                + "function doUnload(){ if (processedUnload){ return; } processedUnload = true;"
                + " ScormProcessSetValue('cmi.session_time', isoDuration(new Date() - startTimeStamp));"
                + " ScormProcessSetValue('cmi.exit', reachedEnd ? 'normal' : 'suspend'); ScormProcessTerminate(); }"
                + "window.onload = doStart; window.onbeforeunload = doUnload; window.onunload = doUnload;"
                + "</script>"));
    String objective =
        "<imsss:objectives><imsss:primaryObjective objectiveID=\"%s_satisfied\" satisfiedByMeasure=\"false\">"
            + "<imsss:mapInfo targetObjectiveID=\"com.scorm.golfsamples.sequencing.%s_satisfied\""
            + " readSatisfiedStatus=\"true\" writeSatisfiedStatus=\"true\"/></imsss:primaryObjective></imsss:objectives>";
    String disabledUntil =
        "<imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions conditionCombination=\"any\">"
            + "<imsss:ruleCondition referencedObjective=\"%s_satisfied\" operator=\"not\" condition=\"satisfied\"/>"
            + "</imsss:ruleConditions><imsss:ruleAction action=\"disabled\"/></imsss:preConditionRule></imsss:sequencingRules>";
    StringBuilder items = new StringBuilder();
    StringBuilder resources = new StringBuilder();
    String previous = null;
    for (String[] m : modules) {
      items
          .append("<item identifier=\"")
          .append(m[0])
          .append("_item\" identifierref=\"")
          .append(m[0])
          .append("_resource\"><title>")
          .append(m[0])
          .append("</title><imsss:sequencing>")
          .append(previous == null ? "" : String.format(disabledUntil, previous))
          .append(String.format(objective, m[0], m[0]))
          .append(
              "<imsss:deliveryControls completionSetByContent=\"true\" objectiveSetByContent=\"true\"/>")
          .append("</imsss:sequencing></item>");
      resources
          .append("<resource identifier=\"")
          .append(m[0])
          .append(
              "_resource\" type=\"webcontent\" adlcp:scormType=\"sco\" href=\"shared/launchpage.html?content=")
          .append(m[0])
          .append("\"><dependency identifierref=\"common_files\"/></resource>");
      previous = m[0];
    }
    write(
        dir,
        "imsmanifest.xml",
        "<?xml version=\"1.0\" standalone=\"no\" ?><manifest identifier=\"com.scorm.golfsamples.sequencing.forcedsequential.20044th\" version=\"1\" "
            + NS2004
            + "><metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>"
            + "<organizations default=\"golf_sample_default_org\"><organization identifier=\"golf_sample_default_org\""
            + " adlseq:objectivesGlobalToSystem=\"false\"><title>Golf Explained - Sequencing Forced Sequential Order</title>"
            + items
            + "<imsss:sequencing><imsss:controlMode choice=\"false\" flow=\"true\"/>"
            + "<imsss:rollupRules><imsss:rollupRule childActivitySet=\"all\"><imsss:rollupConditions>"
            + "<imsss:rollupCondition condition=\"completed\"/></imsss:rollupConditions>"
            + "<imsss:rollupAction action=\"completed\"/></imsss:rollupRule></imsss:rollupRules></imsss:sequencing>"
            + "</organization></organizations><resources>"
            + resources
            + "<resource identifier=\"common_files\" type=\"webcontent\" adlcp:scormType=\"asset\">"
            + "<file href=\"shared/launchpage.html\"/><file href=\"shared/scormfunctions.js\"/>"
            + "<file href=\"shared/style.css\"/><file href=\"shared/assessmenttemplate.html\"/>"
            + files
            + "</resource></resources></manifest>");
    return dir;
  }
}
