package cn.xinsheng.web.readiness;

import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.readiness.application.RiskService;
import cn.xinsheng.web.shell.LocaleView;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.primefaces.event.FileUploadEvent;

/**
 * The model card (issue 20): what the instrument is and rests on, DOMAIN §6's warning, whether it
 * is calibrated, the demo's report on the seeded synthetic cohort, and reports on imported
 * outcomes, which a reviewing officer uploads as CSV.
 */
@Named
@ViewScoped
public class RiskModelView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient RiskService risk;
  @Inject LocaleView locale;
  @Inject transient PrisonTime time;

  private transient RiskService.ModelCard card;
  private transient RiskService.SyntheticReport synthetic;
  private transient List<RiskService.ValidationView> validations;

  public RiskService.ModelCard getCard() {
    if (card == null) {
      card = risk.modelCard();
    }
    return card;
  }

  public RiskService.SyntheticReport getSynthetic() {
    if (synthetic == null) {
      synthetic = risk.syntheticReport();
    }
    return synthetic;
  }

  public List<RiskService.ValidationView> getValidations() {
    if (validations == null) {
      validations = risk.validations();
    }
    return validations;
  }

  public void upload(FileUploadEvent event) {
    try (InputStream in = event.getFile().getInputStream()) {
      byte[] bytes = in.readNBytes(RiskService.MAX_CSV_BYTES + 1);
      risk.importValidation(event.getFile().getFileName(), bytes);
      validations = null;
      Messages.info("risk.validation.imported");
    } catch (Refusal r) {
      Messages.refused(r);
    } catch (IOException e) {
      Messages.error("risk.validation.unreadable");
    }
  }

  public String text(String zh, String en) {
    return locale.isChinese() ? zh : en;
  }

  public String level(RiskService.LevelView l) {
    return l == null ? "—" : locale.isChinese() ? l.zh() : l.en();
  }

  /** A measured figure to four places; "not measured" where there was nothing to measure. */
  public String figure(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.4f", v);
  }

  public String cutoffs() {
    StringBuilder b = new StringBuilder();
    for (Double c : getCard().cutoffs()) {
      b.append(b.length() == 0 ? "" : " · ").append(String.format(Locale.ROOT, "%.2f", c));
    }
    return b.toString();
  }

  public String weight(double w) {
    return (w > 0 ? "+" : w < 0 ? "−" : "±") + String.format(Locale.ROOT, "%.2f", Math.abs(w));
  }

  public String options(RiskService.FactorCard f) {
    StringBuilder b = new StringBuilder();
    for (RiskService.Option o : f.options()) {
      b.append(b.length() == 0 ? "" : "；")
          .append(locale.isChinese() ? o.zh() : o.en())
          .append(" ")
          .append(weight(o.weight()));
    }
    return b.toString();
  }

  public String when(Instant at) {
    return at == null
        ? "—"
        : DateTimeFormatter.ofPattern(PrisonTime.MINUTES).withZone(time.zone()).format(at);
  }
}
