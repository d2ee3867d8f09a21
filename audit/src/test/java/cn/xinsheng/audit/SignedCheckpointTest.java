package cn.xinsheng.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SignedCheckpointTest {

  private static final Instant T = Instant.parse("2026-11-23T08:00:00.250Z");
  private final NoteKey prison = NoteKey.generate("xinsheng.demo-prison");
  private final NoteKey procuratorate = NoteKey.generate("procuratorate.witness");

  private Checkpoint checkpoint(long size) {
    return new Checkpoint(
        "xinsheng.demo-prison/audit", size, MerkleTree.rootHash(MerkleTreeTest.leafHashes(3)), T);
  }

  @Test
  void bodyHasTheCheckpointLines() {
    Checkpoint c = checkpoint(3);
    assertEquals(
        "xinsheng.demo-prison/audit\n3\nrra8/idLcKFPsGel5VeCZNsPqbUa9eC6FZFY8yngbnc=\n"
            + "Timestamp: 2026-11-23T08:00:00.250Z\n",
        c.body());
    assertEquals(c, Checkpoint.parse(c.body()));
  }

  @Test
  void aSignedNoteRoundTripsAndVerifies() {
    SignedCheckpoint signed = SignedCheckpoint.sign(checkpoint(3), prison);
    String text = signed.format();
    assertTrue(text.contains("\n\n\u2014 xinsheng.demo-prison "), text);
    SignedCheckpoint parsed = SignedCheckpoint.parse(text);
    assertEquals(signed.checkpoint(), parsed.checkpoint());
    assertTrue(parsed.isSignedBy(prison));
    assertFalse(parsed.isSignedBy(NoteKey.generate("xinsheng.demo-prison")), "another key");
  }

  @Test
  void aChangedBodyNoLongerVerifies() {
    String text = SignedCheckpoint.sign(checkpoint(3), prison).format();
    SignedCheckpoint tampered = SignedCheckpoint.parse(text.replace("\n3\n", "\n4\n"));
    assertFalse(tampered.isSignedBy(prison));
  }

  @Test
  void theVerifierKeyTextRoundTrips() {
    String vkey = prison.verifierKey();
    assertTrue(vkey.startsWith("xinsheng.demo-prison+"), vkey);
    NoteKey verifier = NoteKey.parseVerifierKey(vkey);
    assertFalse(verifier.canSign());
    assertTrue(SignedCheckpoint.sign(checkpoint(3), prison).isSignedBy(verifier));
    assertThrows(
        IllegalArgumentException.class,
        () -> NoteKey.parseVerifierKey(vkey.replaceFirst("\\+[0-9a-f]{8}\\+", "+00000000+")));
  }

  @Test
  void witnessesCosignAndTheirTimeIsRead() {
    Instant when = Instant.parse("2026-11-23T09:00:00Z");
    SignedCheckpoint cosigned =
        SignedCheckpoint.sign(checkpoint(3), prison).cosignedBy(procuratorate, when);
    SignedCheckpoint parsed = SignedCheckpoint.parse(cosigned.format());
    assertTrue(parsed.isSignedBy(prison));
    assertEquals(Optional.of(when), parsed.cosignatureTime(procuratorate));
    assertEquals(
        Optional.empty(), parsed.cosignatureTime(NoteKey.generate("procuratorate.witness")));
    // a cosignature is not a log signature, even by the same key
    assertFalse(parsed.isSignedBy(procuratorate));
  }

  @Test
  void rotationSignsTheFirstCheckpointWithBothKeys() {
    NoteKey next = NoteKey.generate("xinsheng.demo-prison.2027");
    SignedCheckpoint first = SignedCheckpoint.sign(checkpoint(3), next).alsoSignedBy(prison);
    SignedCheckpoint parsed = SignedCheckpoint.parse(first.format());
    assertTrue(parsed.isSignedBy(next));
    assertTrue(parsed.isSignedBy(prison));
    assertEquals(2, parsed.signatures().size());
  }

  @Test
  void malformedNotesAreRefusedWithAReason() {
    for (String bad :
        List.of(
            "",
            "no blank line\n",
            "origin\n3\nAAAA\n\n\u2014 k AAAAAAA=\n",
            "origin\nx\n"
                + "A".repeat(43)
                + "=\nTimestamp: 2026-11-23T08:00:00Z\n\n\u2014 k AAAAAAA=\n",
            SignedCheckpoint.sign(checkpoint(3), prison).format().replace("\u2014 ", "- "))) {
      assertThrows(IllegalArgumentException.class, () -> SignedCheckpoint.parse(bad), bad);
    }
  }

  @Test
  void keysSurviveTheirEncodings() {
    NoteKey restored =
        NoteKey.fromEncoded(prison.name(), prison.encodedPrivateKey(), prison.encodedPublicKey());
    assertTrue(SignedCheckpoint.sign(checkpoint(5), restored).isSignedBy(prison));
  }

  @Test
  void aWitnessKeyTravelsAsItsCosignatureVerifierKey() {
    NoteKey witness = NoteKey.generate("procuratorate.demo");
    String vkey = witness.witnessVerifierKey();
    NoteKey parsed = NoteKey.parseVerifierKey(vkey);
    Instant when = Instant.parse("2026-11-24T08:00:00Z");
    SignedCheckpoint cosigned =
        SignedCheckpoint.sign(checkpoint(4), prison).cosignedBy(witness, when);
    assertEquals(when, cosigned.cosignatureTime(parsed).orElseThrow());
    // the log joins a cosignature sent in separately with the note it keeps
    SignedCheckpoint fromWitness =
        SignedCheckpoint.parse(cosigned.format()).cosignatureOnly(parsed).orElseThrow();
    SignedCheckpoint joined =
        SignedCheckpoint.sign(checkpoint(4), prison).withSignaturesOf(fromWitness);
    assertTrue(joined.isSignedBy(prison));
    assertEquals(when, joined.cosignatureTime(parsed).orElseThrow());
    // a witness key with its key ID for the other type is refused
    String wrongId = vkey.replace(vkey.split("\\+")[1], prison.verifierKey().split("\\+")[1]);
    assertThrows(IllegalArgumentException.class, () -> NoteKey.parseVerifierKey(wrongId));
  }

  @Test
  void thePrivateKeyFileTextRoundTrips() {
    NoteKey restored = NoteKey.parsePrivateKeyText(prison.privateKeyText());
    assertEquals(prison.verifierKey(), restored.verifierKey());
    assertTrue(SignedCheckpoint.sign(checkpoint(2), restored).isSignedBy(prison));
    assertThrows(IllegalArgumentException.class, () -> NoteKey.parsePrivateKeyText("junk"));
  }
}
