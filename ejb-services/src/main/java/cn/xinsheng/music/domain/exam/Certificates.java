package cn.xinsheng.music.domain.exam;

import java.time.Instant;
import java.util.Optional;

/**
 * The certificates issued for published passes (music_certificate): a verification code and the
 * PDF's hash, one per candidate, never changed. Runs in the caller's transaction; the calling
 * service checks who may ask.
 */
public interface Certificates {

  /** A certificate on record and whose it is. */
  record Certificate(long id, long candidateId, String code, String sha256, long inmateId) {}

  /** Records an issued certificate; answers its id. */
  long insert(long candidateId, String code, String sha256, Instant issuedAt);

  /** The certificate with this verification code (as written: upper case, with its dashes). */
  Optional<Certificate> find(String code);
}
