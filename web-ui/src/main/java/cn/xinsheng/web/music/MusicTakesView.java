package cn.xinsheng.web.music;

import cn.xinsheng.music.application.MusicCatalogueService;
import cn.xinsheng.music.application.TakeService;
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
 * The takes a reader may see, newest first; a teacher or an officer uploads one for an inmate (WAV,
 * WebM/Opus, Ogg, MP3), which is analysed in the background.
 */
@Named
@ViewScoped
public class MusicTakesView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient TakeService takes;
  @Inject transient MusicCatalogueService catalogue;

  private String prisonerNumber;
  private Long item;
  private Long uploaded;

  public List<TakeService.TakeView> getTakes() {
    return takes.takes();
  }

  public List<MusicCatalogueService.ItemView> getItemChoices() {
    return catalogue.itemsInForce();
  }

  public void upload(FileUploadEvent event) {
    try (InputStream in = event.getFile().getInputStream()) {
      TakeService.TakeView t = takes.upload(in, prisonerNumber, item, null);
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
