package cn.xinsheng.ledger.application;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** How far a long job (a month close, a bulk import) has come, for the page's progress bar. */
@ApplicationScoped
public class JobProgress {

  /** Done out of total; a finished job has a result or an error key. */
  public record Progress(long done, long total, boolean finished, String error, Long resultId) {
    public int percent() {
      return total == 0 ? (finished ? 100 : 0) : (int) Math.min(100, done * 100 / total);
    }
  }

  private final Map<String, Progress> jobs = new ConcurrentHashMap<>();

  public void start(String job, long total) {
    jobs.put(job, new Progress(0, total, false, null, null));
  }

  public void advance(String job, long done) {
    jobs.computeIfPresent(job, (k, p) -> new Progress(done, p.total(), false, null, null));
  }

  public void finish(String job, Long resultId) {
    jobs.computeIfPresent(job, (k, p) -> new Progress(p.total(), p.total(), true, null, resultId));
  }

  public void fail(String job, String errorKey) {
    jobs.put(job, new Progress(0, 0, true, errorKey, null));
  }

  public Optional<Progress> get(String job) {
    return Optional.ofNullable(jobs.get(job));
  }
}
