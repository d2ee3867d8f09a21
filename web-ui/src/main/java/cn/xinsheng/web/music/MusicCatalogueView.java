package cn.xinsheng.web.music;

import cn.xinsheng.music.application.MusicCatalogueService;
import cn.xinsheng.platform.Refusal;
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
 * The catalogue: instruments, levels, the syllabi in force and one syllabus's items with their 简谱,
 * sheet music and reference recording; the education office imports syllabus packages here.
 */
@Named
@ViewScoped
public class MusicCatalogueView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient MusicCatalogueService catalogue;

  private Long syllabus;
  private transient List<MusicCatalogueService.SyllabusView> syllabi;

  public List<MusicCatalogueService.Instrument> getInstruments() {
    return catalogue.instruments();
  }

  public List<MusicCatalogueService.Level> getLevels() {
    return catalogue.levels();
  }

  public List<MusicCatalogueService.SyllabusView> getSyllabi() {
    if (syllabi == null) {
      syllabi = catalogue.syllabi();
    }
    return syllabi;
  }

  public Long getSyllabus() {
    return syllabus;
  }

  public void setSyllabus(Long syllabus) {
    this.syllabus = syllabus;
  }

  /** The chosen syllabus, or the first in force. */
  public MusicCatalogueService.SyllabusView getChosen() {
    if (getSyllabi().isEmpty()) {
      return null;
    }
    return getSyllabi().stream()
        .filter(s -> syllabus != null && s.id() == syllabus)
        .findFirst()
        .orElse(getSyllabi().get(0));
  }

  /** An item's 简谱 drawn as notation (digits, octave dots, underlines), not its text source. */
  public String notationHtml(String notation) {
    return JianpuHtml.render(notation);
  }

  public List<MusicCatalogueService.ItemView> getItems() {
    MusicCatalogueService.SyllabusView s = getChosen();
    return s == null ? List.of() : catalogue.items(s.id());
  }

  public void choose(long id) {
    syllabus = id;
  }

  public List<MusicCatalogueService.PackageView> getPackages() {
    return catalogue.packages();
  }

  public void upload(FileUploadEvent event) {
    try (InputStream in = event.getFile().getInputStream()) {
      MusicCatalogueService.Imported i = catalogue.importPackage(in);
      syllabi = null;
      Messages.info("music.imported", i.packageId(), i.version(), i.syllabi(), i.items());
    } catch (Refusal r) {
      Messages.refused(r);
    } catch (IOException e) {
      Messages.error("music.error.package", e.getMessage(), e.getMessage());
    }
  }
}
