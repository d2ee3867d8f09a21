package cn.xinsheng.music.domain.audio;

import cn.xinsheng.music.domain.MusicRefusal;
import java.io.ByteArrayInputStream;
import javazoom.jl.decoder.Bitstream;
import javazoom.jl.decoder.BitstreamException;
import javazoom.jl.decoder.Decoder;
import javazoom.jl.decoder.DecoderException;
import javazoom.jl.decoder.Header;
import javazoom.jl.decoder.SampleBuffer;

/** MPEG-1/2/2.5 Layer I–III (MP3) with JLayer, the Java decoder on Maven Central since 2008. */
final class Mp3Decoder {
  private Mp3Decoder() {}

  static PcmAudio decode(byte[] bytes, AudioLimits limits) throws MusicRefusal {
    Bitstream in = new Bitstream(new ByteArrayInputStream(bytes));
    Decoder decoder = new Decoder();
    MonoSink sink = new MonoSink(limits);
    int frames = 0;
    try {
      Header h;
      while ((h = in.readFrame()) != null) {
        SampleBuffer out = (SampleBuffer) decoder.decodeFrame(h, in);
        if (frames == 0) {
          sink.rate(out.getSampleFrequency());
        }
        int channels = out.getChannelCount();
        sink.add(out.getBuffer(), 0, out.getBufferLength() / channels, channels);
        in.closeFrame();
        frames++;
      }
    } catch (BitstreamException | DecoderException | RuntimeException e) {
      if (frames == 0) {
        throw AudioRefusals.corrupt(
            "MP3", "无法解码：" + e.getMessage(), "cannot decode: " + e.getMessage());
      }
      // a damaged tail after good frames: keep what was decoded, as players do
    }
    if (frames == 0) {
      throw AudioRefusals.corrupt("MP3", "没有可解码的帧", "no decodable frame");
    }
    return sink.audio();
  }
}
