package cn.xinsheng.auditlog.application;

import cn.xinsheng.audit.Checkpoint;
import cn.xinsheng.audit.LogVerifier;
import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.audit.NoteKey;
import cn.xinsheng.audit.SignedCheckpoint;
import cn.xinsheng.auditlog.infrastructure.AuditStore;
import cn.xinsheng.auditlog.infrastructure.SigningKeyFile;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Integrates new entries into the Merkle tree and signs a checkpoint, every second while there are
 * new entries. At start it rebuilds the tree from the leaves and checks it against the last
 * checkpoint; a mismatch is reported by the readiness check. One sequencer per database: a second
 * instance runs with {@code xinsheng.audit.sequencer.enabled=false}.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AuditSequencer {

  private static final Logger LOG = Logger.getLogger(AuditSequencer.class.getName());
  private static final int BATCH = 5_000;

  @Resource(lookup = "java:app/jdbc/xinsheng")
  DataSource dataSource;

  @Resource TransactionSynchronizationRegistry transactions;
  @Resource jakarta.ejb.SessionContext context;
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

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final List<byte[]> leafHashes = new ArrayList<>();
  private AuditStore store;
  private NoteKey key;
  private SignedCheckpoint latest;
  private volatile String selfCheckFailure;

  @PostConstruct
  void start() {
    self = context.getBusinessObject(AuditSequencer.class);
    store = new AuditStore(dataSource);
    try {
      key = SigningKeyFile.loadOrCreate(Path.of(keyDir), origin.replace('/', '.'));
      // the checkpoint before the leaves: leaves only grow, so they cannot lag behind it
      Optional<String> note = store.latestCheckpoint();
      // one read of the log serves both the in-memory tree and the start-up check
      List<LogVerifier.StoredLeaf> stored = store.storedLeaves();
      stored.forEach(leaf -> leafHashes.add(leaf.storedHash()));
      note.map(SignedCheckpoint::parse).ifPresent(c -> latest = c);
      check(note, stored);
    } catch (IOException | SQLException | RuntimeException e) {
      selfCheckFailure = "audit log could not be read: " + e.getMessage();
      LOG.severe(selfCheckFailure);
    }
  }

  /**
   * Re-reads the whole log from the database and checks it against the last stored checkpoint:
   * every leaf's data against its hash, the order, the root and the signature. At start and every
   * minute; a break stops sequencing and turns readiness DOWN with the reason.
   */
  @Schedule(hour = "*", minute = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public void selfCheck() {
    try {
      Optional<String> note = store.latestCheckpoint();
      check(note, store.storedLeaves());
    } catch (SQLException | RuntimeException e) {
      selfCheckFailure = "audit log could not be checked: " + e.getMessage();
      LOG.severe(selfCheckFailure);
    }
  }

  /** The stored leaves against the checkpoint read just before them. */
  private void check(Optional<String> note, List<LogVerifier.StoredLeaf> stored) {
    if (note.isEmpty()) {
      return;
    }
    LogVerifier.Result result = LogVerifier.verify(stored, SignedCheckpoint.parse(note.get()), key);
    if (!result.sound()) {
      selfCheckFailure = result.failure().get().message();
      LOG.severe("audit log self-check failed: " + selfCheckFailure);
    }
  }

  @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  void tick() {
    if (enabled && selfCheckFailure == null) {
      // through the container, so that integrate() gets its own transaction
      self.integrate();
    }
  }

  /**
   * Integrates what is pending, in a transaction of its own; the in-memory tree follows only once
   * that transaction has committed. Returns the tree size this call produced.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public long integrate() {
    lock.writeLock().lock();
    try (Connection c = dataSource.getConnection()) {
      List<AuditStore.Pending> pending = store.pending(c, BATCH);
      if (pending.isEmpty()) {
        return leafHashes.size();
      }
      long first = leafHashes.size();
      store.insertLeaves(c, first, pending);
      List<byte[]> grown = new ArrayList<>(leafHashes);
      pending.forEach(p -> grown.add(p.leafHash()));
      Instant now = Instant.now();
      Checkpoint checkpoint = new Checkpoint(origin, grown.size(), MerkleTree.rootHash(grown), now);
      SignedCheckpoint signed = SignedCheckpoint.sign(checkpoint, key);
      store.insertCheckpoint(c, grown.size(), signed.format(), now);
      transactions.registerInterposedSynchronization(
          new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
              if (status == Status.STATUS_COMMITTED) {
                lock.writeLock().lock();
                try {
                  if (leafHashes.size() == first) {
                    leafHashes.addAll(grown.subList((int) first, grown.size()));
                    latest = signed;
                  }
                } finally {
                  lock.writeLock().unlock();
                }
              }
            }
          });
      return grown.size();
    } catch (SQLException e) {
      LOG.log(Level.WARNING, "audit sequencing failed; will retry", e);
      transactions.setRollbackOnly();
      return leafHashes.size();
    } finally {
      lock.writeLock().unlock();
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
    return key == null ? "" : key.verifierKey();
  }

  /** Null while the log is sound; otherwise what is wrong with it. */
  public String selfCheckFailure() {
    return selfCheckFailure;
  }

  public List<byte[]> inclusionProof(long index, long size) {
    lock.readLock().lock();
    try {
      requireSigned(size);
      if (index < 0 || index >= size) {
        throw new ProofRangeException("leaf " + index + " is outside a tree of " + size);
      }
      return MerkleTree.inclusionProof((int) index, leafHashes.subList(0, (int) size));
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
      return MerkleTree.consistencyProof((int) from, leafHashes.subList(0, (int) to));
    } finally {
      lock.readLock().unlock();
    }
  }

  public AuditStore store() {
    return store;
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
