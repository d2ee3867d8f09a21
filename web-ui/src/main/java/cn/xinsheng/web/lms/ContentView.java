package cn.xinsheng.web.lms;

import cn.xinsheng.lms.application.ContentImportService;
import cn.xinsheng.lms.application.EnrolmentService;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.web.shell.Messages;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.primefaces.event.FileUploadEvent;

/**
 * The education office's desk: import signed packages (the upload shows its progress; a refused
 * package says why and leaves nothing), the trusted publishers, the packages imported, cohorts.
 */
@Named
@ViewScoped
public class ContentView implements Serializable {
  private static final long serialVersionUID = 1L;

  @Inject transient ContentImportService imports;
  @Inject transient EnrolmentService enrolment;

  /** The programme an upload goes into; empty: the one the package names. */
  private String importProgramme;

  private String cohortName;
  private String programme;
  private String teacher;
  private String inmates;
  // issue 18, item 4: the class members picked by number or name ("3301000001 张三 · 一监区 / 一分监区")
  private List<String> members = new java.util.ArrayList<>();

  public void upload(FileUploadEvent event) {
    try (InputStream in = event.getFile().getInputStream()) {
      ContentImportService.Imported i =
          imports.importPackage(in, event.getFile().getFileName(), importProgramme);
      Messages.info(
          "lms.imported",
          i.packageId(),
          i.version(),
          i.courseTitle(),
          i.lessons(),
          i.quizzes(),
          i.assignments());
    } catch (Refusal r) {
      Messages.refused(r);
    } catch (IOException e) {
      Messages.error("content.error.io", e.getMessage(), e.getMessage());
    }
  }

  public void createCohort() {
    try {
      // the picked members (their number leads the label), and any typed as before
      List<String> numbers =
          java.util.stream.Stream.concat(
                  members.stream().map(m -> m.strip().split("\\s+")[0]),
                  Arrays.stream(inmates == null ? new String[0] : inmates.split("[,，\\s]+")))
              .filter(s -> !s.isBlank())
              .distinct()
              .toList();
      enrolment.createCohort(cohortName, programme, teacher, numbers);
      // the class by its name, as the table below lists it, not its row number
      Messages.info("lms.cohortCreated", cohortName == null ? "" : cohortName.strip());
      cohortName = null;
      members = new java.util.ArrayList<>();
      inmates = null;
    } catch (Refusal r) {
      Messages.refused(r);
    }
  }

  public List<cn.xinsheng.identity.application.AccountDirectory.Person> getTeachers() {
    return enrolment.teachers();
  }

  /** The class-member picker's suggestions: number, name and section. */
  public List<String> completeLearner(String typed) {
    return enrolment.learners(typed).stream()
        .map(l -> l.prisonerNumber() + " " + l.name() + " · " + l.section())
        .filter(l -> !members.contains(l))
        .toList();
  }

  public List<String> getMembers() {
    return members;
  }

  public void setMembers(List<String> members) {
    this.members =
        members == null ? new java.util.ArrayList<>() : new java.util.ArrayList<>(members);
  }

  /** The browser refuses a file larger than this before sending it; the server checks again. */
  public Long getSizeLimit() {
    return 2048L << 20;
  }

  public List<ContentImportService.Publisher> getPublishers() {
    return imports.publishers();
  }

  public List<ContentImportService.ImportedPackage> getPackages() {
    return imports.packages();
  }

  public List<EnrolmentService.Programme> getProgrammes() {
    return enrolment.programmes();
  }

  public List<EnrolmentService.Cohort> getCohorts() {
    return enrolment.cohorts();
  }

  public String getImportProgramme() {
    return importProgramme;
  }

  public void setImportProgramme(String importProgramme) {
    this.importProgramme = importProgramme;
  }

  public String getCohortName() {
    return cohortName;
  }

  public void setCohortName(String cohortName) {
    this.cohortName = cohortName;
  }

  public String getProgramme() {
    return programme;
  }

  public void setProgramme(String programme) {
    this.programme = programme;
  }

  public String getTeacher() {
    return teacher;
  }

  public void setTeacher(String teacher) {
    this.teacher = teacher;
  }

  public String getInmates() {
    return inmates;
  }

  public void setInmates(String inmates) {
    this.inmates = inmates;
  }
}
