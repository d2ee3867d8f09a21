package cn.xinsheng.web.ledger;

import cn.xinsheng.evidence.application.EvidenceService;
import cn.xinsheng.platform.Refusal;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * A piece of evidence shown inside the terminal's page (issue 18): a picture, a video or a sound in
 * the page itself, with the way back, never the raw address in a new tab that a kiosk cannot close.
 * The evidence service decides whether the caller may see it (an inmate his own only).
 */
@Named
@RequestScoped
public class EvidenceViewerView {

  @Inject EvidenceService evidence;

  private Long id;
  private String mediaType;
  private boolean loaded;
  private EvidenceService.Described evidenceRecord;

  private void load() {
    if (loaded) {
      return;
    }
    loaded = true;
    String asked =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
    if (asked == null || !asked.matches("[0-9]{1,18}")) {
      return;
    }
    try {
      mediaType = evidence.content(Long.parseLong(asked), false).mediaType();
      id = Long.parseLong(asked);
      evidenceRecord = evidence.describe(id);
    } catch (Refusal r) {
      id = null;
      mediaType = null;
      evidenceRecord = null;
    }
  }

  /**
   * Where the staff page's way back leads: the page the link was on, from a short fixed list (the
   * parameter is never a free address), with that page's own parameter (the section, the inmate's
   * number, the case).
   */
  public String getBack() {
    java.util.Map<String, String> asked =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap();
    String from = asked.getOrDefault("from", "section");
    String p = asked.get("p");
    String param = p != null && p.matches("[0-9]{1,18}") ? p : null;
    return switch (from) {
      case "inmate" -> "/ledger/inmate" + (param == null ? "" : "?no=" + param);
      case "case" -> "/cases/case" + (param == null ? "" : "?id=" + param);
      // a release plan is addressed by its inmate's number
      case "plan" ->
          "/readiness/plan" + (p != null && p.matches("[0-9A-Za-z]{1,10}") ? "?inmate=" + p : "");
      default -> "/ledger/section" + (param == null ? "" : "?section=" + param);
    };
  }

  /** The evidence in words for the staff page: kind, name, source, description. */
  public EvidenceService.Described getEvidence() {
    load();
    return evidenceRecord;
  }

  public Long getId() {
    load();
    return id;
  }

  /** image, video, audio, or other (said, not shown). */
  public String getShape() {
    load();
    if (mediaType == null) {
      return "none";
    }
    if (mediaType.startsWith("image/")) {
      return "image";
    }
    if (mediaType.startsWith("video/")) {
      return "video";
    }
    if (mediaType.startsWith("audio/")) {
      return "audio";
    }
    return "other";
  }
}
