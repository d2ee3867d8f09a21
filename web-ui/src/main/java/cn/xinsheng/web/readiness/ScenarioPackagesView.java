package cn.xinsheng.web.readiness;

import cn.xinsheng.platform.Refusal;
import cn.xinsheng.readiness.application.ScenarioPackageService;
import cn.xinsheng.web.shell.LocaleView;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;
import org.primefaces.event.FileUploadEvent;

/**
 * The education office imports and withdraws signed scenario packages (issue 20): the upload, the
 * result in words, and every version imported in people's words (title, version, scenarios by
 * title, publisher, who imported it and when, whether it is withdrawn and why). Withdrawing asks
 * for a reason in a dialog that is itself the confirmation.
 */
@Named
@ViewScoped
public class ScenarioPackagesView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient ScenarioPackageService service;
  @Inject LocaleView locale;

  private transient List<ScenarioPackageService.PackageView> packages;

  /** The version the withdraw dialog is about: package id and version (kept over the dialog). */
  private String chosenId;

  private long chosenVersion;
  private String chosenTitle;
  private String reason;

  public List<ScenarioPackageService.PackageView> getPackages() {
    if (packages == null) {
      packages = service.packages();
    }
    return packages;
  }

  /** The scenarios of a version by title, in the reader's language, as one line. */
  public String scenarios(ScenarioPackageService.PackageView p) {
    boolean zh = locale == null || locale.isChinese();
    return p.scenarioTitles().stream()
        .map(t -> zh ? t.zh() : t.en())
        .collect(Collectors.joining("、"));
  }

  /** The upload limit the browser checks first; the service checks it again. */
  public Long getSizeLimit() {
    return 64L << 20;
  }

  public void upload(FileUploadEvent event) {
    try (InputStream in = event.getFile().getInputStream()) {
      ScenarioPackageService.Imported i = service.importPackage(in);
      packages = null;
      Messages.info("readiness.package.imported", i.title(), i.version(), i.scenarios().size());
    } catch (Refusal r) {
      Messages.refused(r);
    } catch (IOException e) {
      Messages.error(
          "readiness.package.refused",
          "无法读取上传的文件：" + e.getMessage(),
          "the upload could not be read: " + e.getMessage());
    }
  }

  /** Opens the withdraw dialog on one version. */
  public void choose(ScenarioPackageService.PackageView p) {
    chosenId = p.packageId();
    chosenVersion = p.version();
    chosenTitle = p.title();
    reason = null;
  }

  /** Withdraws the chosen version with the reason typed; the dialog closes only when it is done. */
  public void withdraw() {
    if (chosenId == null) {
      return;
    }
    try {
      service.withdraw(chosenId, chosenVersion, reason);
      packages = null;
      Messages.info("readiness.package.withdrawn", chosenTitle, chosenVersion);
      chosenId = null;
      reason = null;
      PrimeFaces.current().ajax().addCallbackParam("withdrawn", true);
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public String getChosenTitle() {
    return chosenTitle;
  }

  public long getChosenVersion() {
    return chosenVersion;
  }

  public String getReason() {
    return reason;
  }

  public void setReason(String reason) {
    this.reason = reason;
  }
}
