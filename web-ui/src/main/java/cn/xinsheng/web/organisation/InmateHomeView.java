package cn.xinsheng.web.organisation;

import cn.xinsheng.organisation.application.OrganisationQueries;
import cn.xinsheng.organisation.domain.Inmate;
import cn.xinsheng.web.shell.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.text.MessageFormat;

/** The inmate's own terminal home: his record, nothing of anyone else. */
@Named
@RequestScoped
public class InmateHomeView {

  @Inject OrganisationQueries organisation;

  private Inmate record;
  private boolean loaded;

  public Inmate getRecord() {
    if (!loaded) {
      record = organisation.myOwnRecord().orElse(null);
      loaded = true;
    }
    return record;
  }

  public String getTerm() {
    Inmate inmate = getRecord();
    if (inmate == null || inmate.getSentence().months() == null) {
      return "";
    }
    int months = inmate.getSentence().months();
    return MessageFormat.format(Messages.text("inmate.term"), months / 12, months % 12);
  }
}
