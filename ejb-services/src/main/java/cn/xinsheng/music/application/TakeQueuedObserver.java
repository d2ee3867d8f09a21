package cn.xinsheng.music.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Starts a take's analysis job once the take's transaction has committed: a refused or rolled-back
 * take never gets one, and the job always finds the row it works on.
 */
@ApplicationScoped
public class TakeQueuedObserver {

  @Inject TakeAnalysisJob job;

  void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) TakeQueued queued) {
    job.analyse(queued.takeId());
  }
}
