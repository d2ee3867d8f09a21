package cn.xinsheng.organisation.application;

/** One section with its ward and head count, for dashboards. */
public record SectionOverview(
    long sectionId, String wardName, String sectionName, long inmateCount) {

  // Jakarta EL 5 reads bean getters, not record accessors
  public String getWardName() {
    return wardName;
  }

  public String getSectionName() {
    return sectionName;
  }

  public long getInmateCount() {
    return inmateCount;
  }
}
