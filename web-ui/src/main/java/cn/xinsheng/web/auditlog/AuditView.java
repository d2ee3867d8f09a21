package cn.xinsheng.web.auditlog;

import cn.xinsheng.auditlog.application.AuditAdministration;
import cn.xinsheng.auditlog.application.SelfCheck;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * The audit log at a glance for the administrator: size, latest checkpoint, the key to publish,
 * witnesses and their last cosigned size, the last self-check; register a witness, rotate the key,
 * check now.
 */
@Named
@ViewScoped
public class AuditView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient AuditAdministration administration;

  private transient AuditAdministration.Status status;
  @Inject cn.xinsheng.web.organisation.InmatePicker picker;

  /** The inmate whose records to export: "姓名（编号）" once chosen. */
  private String exportInmate;

  private String witnessKey;
  private String witnessDescription;

  /**
   * A link may name the inmate to export (?inmate=3301000011): the picker shows him, or the page
   * says that it names nobody. The page's view action, so that what it says is shown.
   */
  public void openLink() {
    String linked = cn.xinsheng.web.organisation.InmatePicker.parameter("inmate");
    if (linked == null) {
      return;
    }
    exportInmate = picker.lineOf(linked);
    if (picker.namesNobody(exportInmate)) {
      Messages.error("error.unknownInmate");
    }
  }

  /**
   * Downloads the chosen inmate's records: the browser is sent to the export endpoint, which checks
   * the number and writes the signed head before the file starts.
   */
  public void exportOneInmate() throws java.io.IOException {
    String number = cn.xinsheng.web.organisation.InmatePicker.numberOf(exportInmate);
    if (number.isEmpty()) {
      Messages.error("picker.inmate.required");
      return;
    }
    // a number naming nobody is said here, in words, rather than as the endpoint's JSON error
    if (picker.namesNobody(number)) {
      Messages.error("error.unknownInmate");
      return;
    }
    var external = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
    external.redirect(
        external.getRequestContextPath()
            + "/api/v1/audit/export?inmate="
            + java.net.URLEncoder.encode(number, java.nio.charset.StandardCharsets.UTF_8));
  }

  public String getExportInmate() {
    return exportInmate;
  }

  public void setExportInmate(String exportInmate) {
    this.exportInmate = exportInmate;
  }

  public AuditAdministration.Status getStatus() {
    if (status == null) {
      status = administration.status();
    }
    return status;
  }

  public SelfCheck getLastSelfCheck() {
    return getStatus().lastSelfCheck().orElse(null);
  }

  /** When the last full pass over the bound records ran, in the prison's zone. */
  public String getRecordPassAt() {
    return getStatus()
        .lastRecordPass()
        .map(
            p ->
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                    .withZone(
                        java.time.ZoneId.of(
                            org.eclipse.microprofile.config.ConfigProvider.getConfig()
                                .getOptionalValue("xinsheng.zone", String.class)
                                .orElse("Asia/Shanghai")))
                    .format(p.at()))
        .orElse("—");
  }

  public String getLatestCheckpoint() {
    return getStatus().latestCheckpoint().orElse("—");
  }

  public void registerWitness() {
    try {
      administration.registerWitness(witnessKey, witnessDescription);
      Messages.info("audit.witnessRegistered");
      witnessKey = null;
      witnessDescription = null;
      status = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public void rotateKey() {
    try {
      administration.rotateKey();
      Messages.info("audit.rotated");
    } catch (Refusal r) {
      Messages.refused(r);
    }
    status = null;
  }

  public void runSelfCheck() {
    administration.runSelfCheck();
    Messages.info("audit.selfCheckDone");
    status = null;
  }

  public String getWitnessKey() {
    return witnessKey;
  }

  public void setWitnessKey(String witnessKey) {
    this.witnessKey = witnessKey;
  }

  public String getWitnessDescription() {
    return witnessDescription;
  }

  public void setWitnessDescription(String witnessDescription) {
    this.witnessDescription = witnessDescription;
  }
}
