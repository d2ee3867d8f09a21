package cn.xinsheng.web.ledger;

import cn.xinsheng.ledger.application.BulkImportService;
import cn.xinsheng.ledger.application.JobProgress;
import cn.xinsheng.organisation.application.OrganisationQueries;
import cn.xinsheng.organisation.domain.Section;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.List;
import java.util.stream.Collectors;
import org.primefaces.event.FileUploadEvent;

/**
 * Bulk entry from a spreadsheet: the file is checked row by row and shown; only a sheet without a
 * wrong row can be saved, as one batch, with a progress bar.
 */
@Named
@ViewScoped
public class BulkImportView implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final long MAX = 20L << 20;

  @Inject transient BulkImportService bulk;
  @Inject transient OrganisationQueries organisation;
  @Inject transient JobProgress progress;

  private Long sectionId;
  private List<Section> sections;
  private byte[] content;
  private String fileName;
  private transient List<BulkImportService.RowCheck> rows = List.of();

  public List<Section> getSections() {
    if (sections == null) {
      sections = organisation.mySections();
      if (sectionId == null && !sections.isEmpty()) {
        sectionId = sections.get(0).getId();
      }
    }
    return sections;
  }

  public void upload(FileUploadEvent event) {
    try (InputStream in = event.getFile().getInputStream()) {
      byte[] bytes = in.readNBytes((int) MAX + 1);
      if (bytes.length > MAX) {
        Messages.error("evidence.error.tooLarge", MAX >> 20);
        return;
      }
      content = bytes;
      fileName = event.getFile().getFileName();
      rows = bulk.preview(sectionId, content);
    } catch (Refusal r) {
      content = null;
      rows = List.of();
      Messages.refused(r);
    } catch (IOException e) {
      Messages.error("bulk.error.format");
    }
  }

  public boolean isSavable() {
    return content != null
        && !rows.isEmpty()
        && rows.stream().allMatch(BulkImportService.RowCheck::ok);
  }

  public long getWrongRows() {
    return rows.stream().filter(r -> !r.ok()).count();
  }

  public void save() {
    if (!isSavable()) {
      return;
    }
    progress.start(BulkImportService.jobKey(BulkImportService.sha256(content)), rows.size());
    bulk.commitInBackground(sectionId, fileName, content);
  }

  public int getProgress() {
    return content == null
        ? 0
        : progress
            .get(BulkImportService.jobKey(BulkImportService.sha256(content)))
            .map(JobProgress.Progress::percent)
            .orElse(0);
  }

  public void saved() {
    progress
        .get(BulkImportService.jobKey(BulkImportService.sha256(content)))
        .ifPresent(
            p -> {
              if (p.error() != null) {
                Messages.error(p.error());
              } else {
                Messages.info("bulk.saved", rows.size(), p.resultId());
                content = null;
                rows = List.of();
              }
            });
  }

  public String problems(BulkImportService.RowCheck row) {
    return row.problems().stream()
        .map(p -> Messages.text(p.key(), p.args().toArray()))
        .collect(Collectors.joining("；"));
  }

  public List<BulkImportService.RowCheck> getRows() {
    return rows;
  }

  public Long getSectionId() {
    return sectionId;
  }

  public void setSectionId(Long sectionId) {
    this.sectionId = sectionId;
  }
}
