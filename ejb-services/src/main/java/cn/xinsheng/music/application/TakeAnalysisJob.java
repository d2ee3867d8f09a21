package cn.xinsheng.music.application;

import cn.xinsheng.music.domain.MusicRefusal;
import cn.xinsheng.music.domain.analysis.AnalysisJson;
import cn.xinsheng.music.domain.analysis.TakeAnalyser;
import cn.xinsheng.music.domain.audio.AudioDecoding;
import cn.xinsheng.music.domain.audio.PcmAudio;
import cn.xinsheng.music.domain.notation.Jianpu;
import cn.xinsheng.music.domain.notation.Piece;
import cn.xinsheng.music.infrastructure.Ffmpeg;
import cn.xinsheng.music.infrastructure.TakeFiles;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The analysis of a take as a background job: started once the take's transaction has committed (so
 * the job always finds its row), on the container's asynchronous EJB threads, one take per thread
 * (the analysis is single-threaded: a 3-minute take is about a second of CPU). Progress is written
 * in steps of 5 % in transactions of their own, so the take's page can show it while the job runs;
 * the result or the reason it failed is stored at the end.
 */
@Stateless
@PermitAll
public class TakeAnalysisJob {

  private static final Logger LOG = Logger.getLogger(TakeAnalysisJob.class.getName());

  @Inject TakeAnalysisStates states;
  @Inject MusicSettings settings;

  @Asynchronous
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void analyse(long takeId) {
    Optional<TakeAnalysisStates.Work> work = states.start(takeId);
    if (work.isEmpty()) {
      return; // done already, or another job has it
    }
    try {
      byte[] bytes = Files.readAllBytes(new TakeFiles(settings.takes()).path(work.get().sha256()));
      PcmAudio audio = new AudioDecoding(settings.audioLimits(), Ffmpeg.detect()).decode(bytes);
      Optional<Piece> piece =
          work.get().notation() == null
              ? Optional.empty()
              : Optional.of(Jianpu.parse(work.get().notation()));
      int[] shown = {0};
      var analysis =
          new TakeAnalyser()
              .analyse(
                  audio,
                  piece,
                  p -> {
                    int percent = (int) Math.floor(p * 100);
                    if (percent >= shown[0] + 5 && percent < 100) {
                      shown[0] = percent;
                      states.progress(takeId, percent);
                    }
                  });
      states.finish(takeId, AnalysisJson.write(analysis));
    } catch (MusicRefusal r) {
      states.fail(takeId, r.zh(), r.en());
    } catch (Exception e) {
      LOG.log(Level.WARNING, "analysis of take " + takeId + " failed", e);
      states.fail(takeId, "分析失败（系统错误，已记入日志）", "the analysis failed (a system error, logged)");
    }
  }
}
