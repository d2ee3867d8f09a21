package cn.xinsheng.web.music;

import cn.xinsheng.music.application.MusicCatalogueService;
import cn.xinsheng.music.application.TakeService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.organisation.InmatePicker;
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
 * The takes a reader may see, newest first; a teacher or an officer uploads one for an inmate (WAV,
 * WebM/Opus, Ogg, MP3), which is analysed in the background.
 */
@Named
@ViewScoped
public class MusicTakesView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient TakeService takes;
  @Inject transient MusicCatalogueService catalogue;

  /** The picker's value: "姓名（编号）" once chosen. */
  private String prisonerNumber;

  private Long item;
  private Long uploaded;

  /**
   * A link may name the inmate the take is for (?inmate=3301000011); one naming nobody the uploader
   * serves is said at once. The page's view action, so that what it says is shown.
   */
  public void openLink() {
    String linked = InmatePicker.parameter("inmate");
    if (linked != null && mayUpload()) {
      prisonerNumber = InmatePicker.lineOf(linked, takes::inmatesToUploadFor);
      checkInmate();
    }
  }

  /**
   * Says when the picker names nobody the uploader may serve, as soon as it is left (issue 18 walk:
   * the page stayed silent until a file was sent), in the words the upload's refusal uses.
   */
  public void checkInmate() {
    if (InmatePicker.namesNobody(prisonerNumber, takes::inmatesToUploadFor)) {
      Messages.error("music.error.noInmate");
    }
  }

  private static boolean mayUpload() {
    var ec = jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext();
    return ec.isUserInRole("TEACHER") || ec.isUserInRole("OFFICER");
  }

  /**
   * The inmates the teacher or officer may upload a take for, by name or number (issue 18, item 5),
   * as "姓名（编号）".
   */
  public List<String> completeInmate(String typed) {
    return InmatePicker.lines(takes.inmatesToUploadFor(typed));
  }

  public List<TakeService.TakeView> getTakes() {
    return takes.takes();
  }

  public List<MusicCatalogueService.ItemView> getItemChoices() {
    return catalogue.itemsInForce();
  }

  public void upload(FileUploadEvent event) {
    try (InputStream in = event.getFile().getInputStream()) {
      TakeService.TakeView t = takes.upload(in, InmatePicker.numberOf(prisonerNumber), item, null);
      uploaded = t.id();
      Messages.info("music.take.uploaded", t.inmateName());
    } catch (Refusal r) {
      Messages.refused(r);
    } catch (IOException e) {
      Messages.error("music.error.audio", e.getMessage(), e.getMessage());
    }
  }

  public Long getUploaded() {
    return uploaded;
  }

  public String getPrisonerNumber() {
    return prisonerNumber;
  }

  public void setPrisonerNumber(String prisonerNumber) {
    this.prisonerNumber = prisonerNumber;
  }

  public Long getItem() {
    return item;
  }

  public void setItem(Long item) {
    this.item = item;
  }
}
