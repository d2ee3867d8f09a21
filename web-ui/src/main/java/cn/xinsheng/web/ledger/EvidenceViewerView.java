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
    } catch (Refusal r) {
      id = null;
      mediaType = null;
    }
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
