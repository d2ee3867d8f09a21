package cn.xinsheng.web.readiness;

import cn.xinsheng.platform.Refusal;
import cn.xinsheng.readiness.application.ScenarioPackageService;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/**
 * The education office imports signed scenario packages (issue 20): the upload, the result in
 * words, and every version imported with its scenarios, publisher and time.
 */
@Named
@ViewScoped
public class ScenarioPackagesView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient ScenarioPackageService service;

  private transient List<ScenarioPackageService.PackageView> packages;

  public List<ScenarioPackageService.PackageView> getPackages() {
    if (packages == null) {
      packages = service.packages();
    }
    return packages;
  }

  /** The scenario ids of a version, as one line. */
  public String scenarios(ScenarioPackageService.PackageView p) {
    return String.join("、", p.scenarios());
  }

  /** The upload limit the browser checks first; the service checks it again. */
  public Long getSizeLimit() {
    return 64L << 20;
  }

  public void upload(FileUploadEvent event) {
    try (InputStream in = event.getFile().getInputStream()) {
      ScenarioPackageService.Imported i = service.importPackage(in);
      packages = null;
      Messages.info("readiness.package.imported", i.packageId(), i.version(), i.scenarios().size());
    } catch (Refusal r) {
      Messages.refused(r);
    } catch (IOException e) {
      Messages.error(
          "readiness.package.refused",
          "无法读取上传的文件：" + e.getMessage(),
          "the upload could not be read: " + e.getMessage());
    }
  }
}
