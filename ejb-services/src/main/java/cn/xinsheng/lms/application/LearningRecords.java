package cn.xinsheng.lms.application;

import java.time.Instant;
import java.util.List;

/**
 * An inmate's confirmed education credits as other contexts may read them (issue 20: the handover
 * to community corrections carries the education record). A port: answered by learning's
 * infrastructure in the caller's transaction; the caller's service decides who may see the inmate.
 */
public interface LearningRecords {

  /** One confirmed credit: the course, its credits, who confirmed it and when. */
  record Credit(String courseCode, String course, int credits, String by, Instant at) {}

  List<Credit> creditsOf(long inmateId);
}
