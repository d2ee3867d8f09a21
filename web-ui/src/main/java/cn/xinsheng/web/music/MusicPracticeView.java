package cn.xinsheng.web.music;

import cn.xinsheng.music.application.MusicCatalogueService;
import cn.xinsheng.music.application.PracticeService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The practice log: the inmate enters today's practice at the terminal (instrument, minutes,
 * items); a teacher reads his cohorts' entries, the education office everyone's.
 */
@Named
@ViewScoped
public class MusicPracticeView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient PracticeService practice;
  @Inject transient MusicCatalogueService catalogue;

  private String instrument;
  private Integer minutes = 30;
  private List<Long> items = new ArrayList<>();
  private String note;

  public List<MusicCatalogueService.Instrument> getInstruments() {
    return catalogue.instruments();
  }

  /** The items of the instrument chosen (the first one until one is chosen), not every syllabus. */
  public List<MusicCatalogueService.ItemView> getItemChoices() {
    String chosen =
        instrument != null
            ? instrument
            : getInstruments().stream()
                .findFirst()
                .map(MusicCatalogueService.Instrument::code)
                .orElse(null);
    return catalogue.itemsInForce().stream().filter(i -> i.instrument().equals(chosen)).toList();
  }

  public List<PracticeService.PracticeView> getEntries() {
    return practice.list();
  }

  public void save() {
    try {
      practice.log(instrument, minutes, items, note);
      Messages.info("music.practice.saved", minutes);
      items = new ArrayList<>();
      note = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public String getInstrument() {
    return instrument;
  }

  public void setInstrument(String instrument) {
    this.instrument = instrument;
  }

  public Integer getMinutes() {
    return minutes;
  }

  public void setMinutes(Integer minutes) {
    this.minutes = minutes;
  }

  public List<Long> getItems() {
    return items;
  }

  public void setItems(List<Long> items) {
    this.items = items == null ? new ArrayList<>() : items;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }
}
