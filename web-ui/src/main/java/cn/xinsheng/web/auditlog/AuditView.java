package cn.xinsheng.web.auditlog;

import cn.xinsheng.auditlog.application.AuditAdministration;
import cn.xinsheng.auditlog.infrastructure.AuditStore;
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
  private String witnessKey;
  private String witnessDescription;

  public AuditAdministration.Status getStatus() {
    if (status == null) {
      status = administration.status();
    }
    return status;
  }

  public AuditStore.SelfCheck getLastSelfCheck() {
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
