package cn.xinsheng.web.lms;

import cn.xinsheng.lms.application.ContentImportService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The administrator's publisher keys: trust a key the education office brought (its text and who
 * the publisher is), revoke one with the reason; packages signed by a revoked key are refused.
 */
@Named
@ViewScoped
public class PublishersView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient ContentImportService imports;

  private String verifierKey;
  private String description;
  private final Map<Long, String> reasons = new HashMap<>();

  public List<ContentImportService.Publisher> getPublishers() {
    return imports.publishers();
  }

  public void trust() {
    try {
      ContentImportService.Publisher p = imports.trustPublisher(verifierKey, description);
      Messages.info("publisher.trusted", p.name());
      verifierKey = null;
      description = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void revoke(long id) {
    try {
      ContentImportService.Publisher p = imports.revokePublisher(id, reasons.get(id));
      Messages.info("publisher.revoked", p.name());
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public Map<Long, String> getReasons() {
    return reasons;
  }

  public String getVerifierKey() {
    return verifierKey;
  }

  public void setVerifierKey(String verifierKey) {
    this.verifierKey = verifierKey;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }
}
