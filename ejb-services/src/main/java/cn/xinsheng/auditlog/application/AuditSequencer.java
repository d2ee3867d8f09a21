package cn.xinsheng.auditlog.application;

import cn.xinsheng.audit.AppendOnlyTree;
import cn.xinsheng.audit.AuditEvent;
import cn.xinsheng.audit.Chains;
import cn.xinsheng.audit.Checkpoint;
import cn.xinsheng.audit.Leaf;
import cn.xinsheng.audit.LogVerifier;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.Sequencing;
import cn.xinsheng.audit.SignedCheckpoint;
import cn.xinsheng.auditlog.infrastructure.AuditStore;
import cn.xinsheng.auditlog.infrastructure.PendingEntries;
import cn.xinsheng.auditlog.infrastructure.SigningKeyFile;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.platform.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Integrates new entries into the Merkle tree and signs a checkpoint, every second while there are
 * new entries. Each entry becomes a leaf of form 2 ({@link Leaf}): its index, the previous leaf's
 * hash and its place in the chain of each subject it is about, which only this one sequencer can
 * give without a race. An entry that heads an export ({@link Leaf#HEAD_ACTION}) is the last leaf of
 * its checkpoint. It keeps the tree it signed in memory (every complete subtree, so proofs cost
 * O(log² n) at any size) and the chain heads, and checks the stored log against them and against
 * every signed checkpoint at start and on a schedule; a break stops sequencing and turns readiness
 * DOWN with the reason. One sequencer per database: a second instance runs with {@code
 * xinsheng.audit.sequencer.enabled=false}.
 */
// internal to the audit log: its callers are the guarded services (AuditLog, AuditAdministration,
// the export services), the public proof endpoints and its own timers, which run with no caller;
// declared open so the deny-by-default check (ServiceSecurityDeclaredTest) knows it is meant
@PermitAll
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditSequencer {

  private static final Logger LOG = Logger.getLogger(AuditSequencer.class.getName());
  private static final int BATCH = 20_000;

  @Resource(lookup = "java:app/jdbc/xinsheng")
  DataSource dataSource;

  @Resource TransactionSynchronizationRegistry transactions;
  @Resource SessionContext context;
  @Resource TimerService timers;

  /**
   * The platform's clock stamps keys, self-checks and checkpoints. The log is ordered by leaf
   * index, never by time, and nothing checks that times grow: a test clock moved back (or a system
   * clock corrected) gives a checkpoint an earlier time than the one before, and the log stays
   * sound.
   */
  @Inject Clock clock;

  private AuditSequencer self;

  @Inject
  @ConfigProperty(name = "xinsheng.audit.origin", defaultValue = "xinsheng.local/audit")
  String origin;

  @Inject
  @ConfigProperty(name = "xinsheng.audit.key-dir", defaultValue = "data/secrets/audit")
  String keyDir;

  @Inject
  @ConfigProperty(name = "xinsheng.audit.sequencer.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "xinsheng.audit.self-check.interval-minutes", defaultValue = "5")
  int selfCheckMinutes;

  /** Guards the tree and the latest checkpoint. */
  private final ReadWriteLock lock = new ReentrantReadWriteLock();

  /** One integration (or rotation) at a time, held until its transaction has completed. */
  private final Semaphore integrating = new Semaphore(1);

  private final AppendOnlyTree tree = new AppendOnlyTree();

  /**
   * The subject chains as of the tree: taken from the first sound self-check (which recomputes them
   * from the signed leaves), then moved on by each integration that commits. Null until then:
   * nothing is sequenced without them.
   */
  private Chains chains;

  /** Entries that are no log entry (rows written around the application): never taken. */
  private final Set<Long> rejected = ConcurrentHashMap.newKeySet();

  /** A log whose key is named otherwise than its origin (before C2SP naming) rotates once. */
  private volatile boolean renameKey;

  private final Set<String> verifiedNotes = ConcurrentHashMap.newKeySet();
  private AuditStore store;
  private SigningKeyFile keyFile;
  private volatile NoteKey key;
  private SignedCheckpoint latest;
  private volatile String selfCheckFailure;

  /** Why the log may not run at all (see {@link LogStart}); sticky until a restart. */
  private volatile String startRefusal;

  /** When sequencing last logged that the database cannot be reached (log once a minute). */
  private volatile long unavailableLoggedAt;

  private volatile SelfCheck lastSelfCheck;
  private PendingEntries pendingEntries;

  @PostConstruct
  void start() {
    self = context.getBusinessObject(AuditSequencer.class);
    store = new AuditStore(dataSource);
    keyFile = new SigningKeyFile(Path.of(keyDir));
    try {
      boolean keyExisted = keyFile.exists();
      boolean logBegun = !store.logKeys().isEmpty();
      startRefusal = LogStart.refusal(keyExisted, logBegun, keyFile.path().toString());
      if (startRefusal != null) {
        // never begin the log again under a key that has signed, never sign on with a new key
        selfCheckFailure = startRefusal;
        LOG.severe("audit log refused to start: " + startRefusal);
        if (keyExisted) {
          key = keyFile.loadOrCreate(origin);
        }
        return;
      }
      // the key is named as the log's origin (c2sp.org/tlog-checkpoint: "the log's key name in
      // its signature line SHOULD match the origin line"); an older key named otherwise is
      // replaced by a rotation once the log proved sound (see tick)
      key = keyFile.loadOrCreate(origin);
      renameKey = enabled && !key.name().equals(origin);
      if (enabled) {
        // only the one sequencing instance finishes a rotation or records the first key
        finishInterruptedRotation();
        if (store.logKeys().isEmpty()) {
          try (Connection c = dataSource.getConnection()) {
            store.insertKey(c, key, 0, clock.instant());
          }
        }
      }
      // the checkpoint before the leaves: leaves only grow, so they cannot lag behind it
      Optional<String> note = store.latestCheckpoint();
      store.forEachLeafHash(Long.MAX_VALUE, tree::append);
      pendingEntries = new PendingEntries(store, store.maxSequencedEntryId());
      note.map(SignedCheckpoint::parse).ifPresent(c -> latest = c);
    } catch (IOException | SQLException | RuntimeException e) {
      selfCheckFailure = "audit log could not be read: " + e.getMessage();
      LOG.severe(selfCheckFailure);
      return;
    }
    selfCheck();
    long every = Duration.ofMinutes(Math.max(1, selfCheckMinutes)).toMillis();
    timers.createIntervalTimer(every, every, new TimerConfig("self-check", false));
  }

  /** A rotation whose checkpoint committed but whose key file was not yet promoted, or not. */
  private void finishInterruptedRotation() throws IOException, SQLException {
    Optional<NoteKey> next = keyFile.next();
    if (next.isEmpty()) {
      return;
    }
    String vkey = next.get().verifierKey();
    if (store.logKeys().stream().anyMatch(k -> k.verifierKey().equals(vkey))) {
      keyFile.promoteNext(next.get());
      key = next.get();
      LOG.warning("finished an interrupted key rotation: now signing with " + key.label());
    } else {
      keyFile.discardNext();
    }
  }

  @Timeout
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void scheduledSelfCheck() {
    selfCheck();
  }

  /**
   * Reads the whole log from the database and checks it: every entry's data against its stored
   * hash, against the tree signed in this run, the order, the root at every signed checkpoint, and
   * the signatures with the key chain. Returns the result, which is also recorded.
   */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public SelfCheck selfCheck() {
    long started = System.nanoTime();
    long signedSize;
    lock.readLock().lock();
    try {
      signedSize = latest == null ? 0 : latest.checkpoint().size();
    } finally {
      lock.readLock().unlock();
    }
    String failure;
    long checked = 0;
    try {
      List<NoteKey> keys = store.logKeys();
      if (startRefusal != null) {
        failure = startRefusal;
      } else if (key == null
          || keys.isEmpty()
          || !keys.get(keys.size() - 1).verifierKey().equals(key.verifierKey())) {
        failure =
            "签名密钥文件不是日志的最新密钥 / the signing key on disk is not the log's latest key ("
                + (key == null ? "-" : key.label())
                + ")";
      } else {
        LogVerifier verifier =
            new LogVerifier(store.checkpoints(signedSize), keys, verifiedNotes).withReference(tree);
        if (verifier.failure().isEmpty()) {
          store.streamLeaves(0, signedSize, verifier::accept);
        }
        LogVerifier.Result result = verifier.finish();
        checked = result.leavesChecked();
        failure = result.failure().map(LogVerifier.Failure::message).orElse(null);
        seedChains(failure == null, signedSize, verifier.chains());
      }
    } catch (SQLException | IOException | RuntimeException e) {
      if (cn.xinsheng.platform.DatabaseUnavailable.isCause(e)) {
        // not a break of the log: the database is away (the launcher restarts it). Sequencing
        // goes on once it is back; the last verdict stands and nothing is recorded.
        LOG.warning("audit log self-check skipped, the database cannot be reached: " + e);
        return new SelfCheck(
            clock.instant(),
            signedSize,
            0,
            false,
            "the database cannot be reached",
            Duration.ofNanos(System.nanoTime() - started).toMillis());
      }
      failure = "audit log could not be checked: " + e.getMessage();
    }
    SelfCheck check =
        new SelfCheck(
            clock.instant(),
            signedSize,
            checked,
            failure == null,
            failure,
            Duration.ofNanos(System.nanoTime() - started).toMillis());
    if (failure != null) {
      LOG.severe("audit log self-check failed: " + failure);
    } else if (selfCheckFailure != null) {
      LOG.warning("audit log self-check sound again at size " + signedSize);
    }
    selfCheckFailure = failure;
    lastSelfCheck = check;
    try {
      store.insertSelfCheck(check);
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "could not record the self-check", e);
    }
    return check;
  }

  /**
   * The chains the sequencer goes on from: those a sound check recomputed from every signed leaf,
   * when the tree in memory is exactly that (nothing is sequenced before they are set).
   */
  private void seedChains(boolean sound, long checkedSize, Chains computed) {
    lock.writeLock().lock();
    try {
      if (sound && chains == null && tree.size() == checkedSize) {
        chains = computed;
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    if (enabled && selfCheckFailure == null && integrating.availablePermits() > 0) {
      if (renameKey) {
        renameKey = false;
        try {
          rotateKey(
              "xinsheng",
              "SYSTEM",
              origin,
              "the key is named as the log's origin (C2SP tlog-checkpoint)");
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "could not rename the signing key; will try at the next start", e);
        }
        return;
      }
      // through the container, so that integrate() gets its own transaction
      self.integrate();
    }
  }

  /**
   * Integrates what is pending, in a transaction of its own, and signs the new tree; the new
   * checkpoint becomes the latest only once that transaction has committed. Returns the tree size
   * this call produced, or -1 when another integration was running.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long integrate() {
    return integrateAndSign(List.of(), null, 0);
  }

  /**
   * Replaces the signing key: the rotation itself is an entry of the log, and the checkpoint that
   * takes it in is signed by the old key and the new one, which carries the trust over. The old
   * private key is then deleted.
   */
  // the only caller is AuditAdministration, as the system administrator (AuditKeyGuardTest); the
  // container refuses anyone else, who could otherwise record a rotation in another's name
  @RolesAllowed(Role.SYS_ADMIN_NAME)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public String rotateKey(String actor, String roles) {
    return rotateKey(actor, roles, origin, null);
  }

  private String rotateKey(String actor, String roles, String name, String why) {
    if (selfCheckFailure != null) {
      throw Refusal.conflict("audit.error.rotation", "the log failed its self-check");
    }
    NoteKey next = NoteKey.generate(name);
    Map<String, Object> payload = new java.util.LinkedHashMap<>();
    payload.put("old", key.verifierKey());
    payload.put("new", next.verifierKey());
    if (why != null) {
      payload.put("reason", why);
    }
    AuditEvent event =
        new AuditEvent(
            actor, roles, "audit.key.rotated", "audit-key", payload, List.of(), clock.instant());
    long size = self.rotate(event, next);
    if (!key.verifierKey().equals(next.verifierKey())) {
      throw Refusal.conflict("audit.error.rotation", "the rotation did not commit");
    }
    return key.verifierKey() + " @" + size;
  }

  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long rotate(AuditEvent event, NoteKey next) {
    return integrateAndSign(List.of(event), next, 10);
  }

  /**
   * Takes the integration permit (waiting up to the given seconds), appends this transaction's own
   * entries, integrates what is pending and signs: with the current key, or at a rotation with the
   * new key and the current one. Every path gives the permit back exactly once: at once when there
   * is nothing to do, otherwise when the transaction completes.
   */
  private long integrateAndSign(List<AuditEvent> ownEntries, NoteKey newKey, int waitSeconds) {
    try {
      if (!integrating.tryAcquire(waitSeconds, TimeUnit.SECONDS)) {
        if (waitSeconds == 0) {
          return -1;
        }
        throw Refusal.conflict("audit.error.rotation", "the sequencer is busy");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    boolean seeded;
    lock.readLock().lock();
    try {
      seeded = chains != null;
    } finally {
      lock.readLock().unlock();
    }
    if (!seeded) {
      // the chains come from the first sound self-check; nothing is sequenced before it
      integrating.release();
      if (newKey != null) {
        throw Refusal.conflict("audit.error.rotation", "the log has not been checked yet");
      }
      return -1;
    }
    NoteKey oldKey = key;
    if (newKey != null) {
      try {
        keyFile.writeNext(newKey);
      } catch (IOException e) {
        integrating.release();
        throw new IllegalStateException("cannot write the new key: " + e.getMessage(), e);
      }
    }
    long first;
    lock.readLock().lock();
    try {
      first = tree.size();
    } finally {
      lock.readLock().unlock();
    }
    boolean appended = false;
    try (Connection c = dataSource.getConnection()) {
      if (!ownEntries.isEmpty()) {
        store.insertEntries(c, ownEntries);
      }
      List<AuditStore.Pending> pending = pendingEntries.find(c, BATCH, System.currentTimeMillis());
      Chains heads;
      byte[] previous;
      lock.readLock().lock();
      try {
        heads = chains;
        previous = first == 0 ? Leaf.noPrevious() : tree.leafHash(first - 1);
      } finally {
        lock.readLock().unlock();
      }
      if (pending.isEmpty() || heads == null) {
        // (never at a rotation: its own entry is pending; no chains before the first sound check)
        integrating.release();
        return first;
      }
      Instant now = clock.instant();
      Sequencing step = new Sequencing(heads, first, previous, now.toEpochMilli());
      List<AuditStore.Pending> taken = new ArrayList<>();
      List<AuditStore.SequencedLeaf> leaves = new ArrayList<>();
      for (AuditStore.Pending p : pending) {
        if (rejected.contains(p.entryId())) {
          continue;
        }
        Sequencing.Next next;
        try {
          next = step.next(p.data());
        } catch (IllegalArgumentException e) {
          rejected.add(p.entryId());
          LOG.severe(
              "audit entry "
                  + p.entryId()
                  + " is not a log entry and is not taken: "
                  + e.getMessage());
          continue;
        }
        taken.add(p);
        leaves.add(
            new AuditStore.SequencedLeaf(next.index(), p.entryId(), next.tail(), next.leafHash()));
        if (next.head()) {
          // a head ends its checkpoint: an export of its subject ends at the tree it is last in
          break;
        }
      }
      if (leaves.isEmpty()) {
        integrating.release();
        return first;
      }
      store.insertLeaves(c, leaves);
      byte[] root;
      lock.writeLock().lock();
      try {
        leaves.forEach(l -> tree.append(l.leafHash()));
        appended = true;
        root = tree.rootHash(tree.size());
      } finally {
        lock.writeLock().unlock();
      }
      long size = first + leaves.size();
      // no timestamp line: the time is in the tree, the "sequenced" of the checkpoint's last leaf
      Checkpoint checkpoint = new Checkpoint(origin, size, root);
      SignedCheckpoint signed =
          newKey == null
              ? SignedCheckpoint.sign(checkpoint, key)
              : SignedCheckpoint.sign(checkpoint, newKey).alsoSignedBy(oldKey);
      store.insertCheckpoint(c, size, signed.format(), now);
      if (newKey != null) {
        store.insertKey(c, newKey, size, now);
      }
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              boolean committed = status == Status.STATUS_COMMITTED;
              if (committed) {
                pendingEntries.integrated(taken, System.currentTimeMillis());
              }
              completed(committed, first, signed, newKey, step.batch());
            }
          });
      return size;
    } catch (SQLException | RuntimeException e) {
      if (cn.xinsheng.platform.DatabaseUnavailable.isCause(e)) {
        // once a minute, one line: the tick tries again every second until the database is back
        long now = System.currentTimeMillis();
        if (now - unavailableLoggedAt > 60_000) {
          unavailableLoggedAt = now;
          LOG.warning("audit sequencing waits for the database: " + e);
        }
      } else {
        LOG.log(Level.WARNING, "audit sequencing failed; will retry", e);
      }
      transactions.setRollbackOnly();
      completed(false, appended ? first : -1, null, newKey, null);
      return first;
    }
  }

  private void completed(
      boolean committed, long first, SignedCheckpoint signed, NoteKey newKey, Chains batch) {
    try {
      lock.writeLock().lock();
      try {
        if (committed) {
          latest = signed;
          chains.commit(batch);
        } else if (first >= 0) {
          tree.truncate(first);
        }
      } finally {
        lock.writeLock().unlock();
      }
      if (newKey != null) {
        try {
          if (committed) {
            keyFile.promoteNext(newKey);
            key = newKey;
            LOG.warning("audit signing key rotated: now " + newKey.label());
          } else {
            keyFile.discardNext();
          }
        } catch (IOException e) {
          LOG.log(Level.SEVERE, "key rotation: the key file could not be updated", e);
        }
      }
    } finally {
      integrating.release();
    }
  }

  public Optional<SignedCheckpoint> latest() {
    lock.readLock().lock();
    try {
      return Optional.ofNullable(latest);
    } finally {
      lock.readLock().unlock();
    }
  }

  public String verifierKey() {
    NoteKey k = key;
    return k == null ? "" : k.verifierKey();
  }

  /** Null while the log is sound; otherwise what is wrong with it. */
  public String selfCheckFailure() {
    return selfCheckFailure;
  }

  public Optional<SelfCheck> lastSelfCheck() {
    return Optional.ofNullable(lastSelfCheck);
  }

  public List<byte[]> inclusionProof(long index, long size) {
    lock.readLock().lock();
    try {
      requireSigned(size);
      if (index < 0 || index >= size) {
        throw new ProofRangeException("leaf " + index + " is outside a tree of " + size);
      }
      return tree.inclusionProof(index, size);
    } finally {
      lock.readLock().unlock();
    }
  }

  public List<byte[]> consistencyProof(long from, long to) {
    lock.readLock().lock();
    try {
      requireSigned(to);
      if (from < 1 || from > to) {
        throw new ProofRangeException("no consistency proof from " + from + " to " + to);
      }
      return tree.consistencyProof(from, to);
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The root of a signed size, from the tree in memory. */
  public byte[] rootHash(long size) {
    lock.readLock().lock();
    try {
      requireSigned(size);
      return tree.rootHash(size);
    } finally {
      lock.readLock().unlock();
    }
  }

  public AuditStore store() {
    return store;
  }

  /** Leaves [start, end) as stored, for the API's raw read (the web layer reads no store). */
  public List<cn.xinsheng.audit.LogVerifier.StoredLeaf> leaves(long start, long end)
      throws java.sql.SQLException {
    return store.leaves(start, end);
  }

  /** The size of the latest signed tree. */
  public long signedSize() {
    lock.readLock().lock();
    try {
      return latest == null ? 0 : latest.checkpoint().size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The hash of a signed leaf as the sequencer signed it, or null beyond the tree. */
  public byte[] leafHash(long index) {
    lock.readLock().lock();
    try {
      return index >= 0 && index < tree.size() ? tree.leafHash(index) : null;
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Whether the log holds anything about this subject ({@code inmate/N}, {@code case/N}), by the
   * chains recomputed from the signed leaves, not by any column a DBA could edit.
   */
  public boolean knowsSubject(String subject) {
    lock.readLock().lock();
    try {
      return chains != null && chains.head(subject).isPresent();
    } finally {
      lock.readLock().unlock();
    }
  }

  public String origin() {
    return origin;
  }

  private void requireSigned(long size) {
    if (latest == null || size < 1 || size > latest.checkpoint().size()) {
      throw new ProofRangeException(
          "no signed tree of size "
              + size
              + " (latest: "
              + (latest == null ? 0 : latest.checkpoint().size())
              + ")");
    }
  }
}
