package cn.xinsheng.readiness.application;

import cn.xinsheng.audit.MerkleTree;
import cn.xinsheng.auditlog.application.AuditLog;
import cn.xinsheng.content.ContentLimits;
import cn.xinsheng.content.ContentRefusal;
import cn.xinsheng.identity.domain.Role;
import cn.xinsheng.lms.application.ContentImportService;
import cn.xinsheng.platform.Caller;
import cn.xinsheng.platform.PrisonTime;
import cn.xinsheng.platform.Refusal;
import cn.xinsheng.readiness.domain.ReadinessRefusal;
import cn.xinsheng.readiness.domain.Scenario;
import cn.xinsheng.readiness.domain.ScenarioPackageRule;
import cn.xinsheng.readiness.domain.ScenarioPackageWithdrawal;
import cn.xinsheng.readiness.domain.ScenarioPackages;
import cn.xinsheng.readiness.infrastructure.ScenarioPackage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Release-readiness simulations brought to the prison as signed scenario packages (issue 20,
 * docs/scenarios.md "Scenario packages"), by the education office that imports courses, with the
 * publisher keys the administrator trusted for courses. A package is received with a size limit,
 * verified whole ({@link ScenarioPackage#open}: signature, manifest, paths, limits, index, every
 * scenario's checks), then held to {@link ScenarioPackageRule} (a newer version only; no other
 * package's scenario id); a refusal names the reason in Chinese and English and writes nothing. An
 * import adds a version (nothing is changed in place) and is an audit event carrying the package's
 * SHA-256. Its scenarios join the catalogue at once; inmates play them at once (the ten standard
 * ones come this way too).
 */
@Stateless
public class ScenarioPackageService {

  /** What an import brought. */
  public record Imported(
      String packageId, long version, String title, String publisher, List<String> scenarios) {}

  /** A package version imported, as the office reads the list. */
  public record PackageView(
      String packageId,
      long version,
      String title,
      String publisher,
      String signedBy,
      String sha256,
      String importedBy,
      Instant importedAt,
      List<String> scenarios,
      List<ScenarioTitle> scenarioTitles,
      Withdrawn withdrawn) {

    /** Whether the office withdrew this version. */
    public boolean isWithdrawn() {
      return withdrawn != null;
    }
  }

  /** A scenario of a version, in people's words: its title in both languages. */
  public record ScenarioTitle(String id, String zh, String en) {}

  /** A version's withdrawal: who, when and why (null on a version not withdrawn). */
  public record Withdrawn(String by, Instant at, String reason) {}

  @Inject ScenarioPackages packages;
  @Inject ScenarioCatalogue catalogue;
  @Inject ContentImportService contentImports;
  @Inject AuditLog auditLog;
  @Inject PrisonTime time;
  @Inject Caller caller;

  @Inject
  @ConfigProperty(name = "xinsheng.readiness.max-package-mb", defaultValue = "64")
  long maxPackageMb;

  /** The package versions imported, newest first. */
  @RolesAllowed(Role.EDU_ADMIN_NAME)
  public List<PackageView> packages() {
    Map<String, ScenarioPackageWithdrawal> withdrawn = new LinkedHashMap<>();
    for (ScenarioPackageWithdrawal w : packages.withdrawals()) {
      withdrawn.put(w.packageId() + "\n" + w.version(), w);
    }
    return packages.all().stream()
        .map(
            p ->
                new PackageView(
                    p.packageId(),
                    p.version(),
                    p.title(),
                    p.publisher(),
                    p.signedBy(),
                    p.sha256(),
                    p.importedBy(),
                    p.importedAt(),
                    p.scenarioIds(),
                    titles(p),
                    withdrawnView(withdrawn.get(p.packageId() + "\n" + p.version()))))
        .toList();
  }

  /** The titles of a version's scenarios, as that version carried them. */
  private List<ScenarioTitle> titles(ScenarioPackages.ImportedPackage p) {
    List<ScenarioTitle> out = new ArrayList<>();
    for (String sid : p.scenarioIds()) {
      out.add(
          catalogue
              .asPlayed(sid, p.packageId(), p.version())
              .map(s -> new ScenarioTitle(sid, s.title().zh(), s.title().en()))
              .orElse(new ScenarioTitle(sid, sid, sid)));
    }
    return out;
  }

  private static Withdrawn withdrawnView(ScenarioPackageWithdrawal w) {
    return w == null ? null : new Withdrawn(w.withdrawnBy(), w.withdrawnAt(), w.reason());
  }

  /**
   * Withdraws one imported version (docs/scenarios.md, "Withdrawing a package version"): a new
   * record pointing at the import, with the reason, and an audit event under the version's subject.
   * Its scenarios can no longer be started if it is the version in force; past attempts and results
   * stay readable, as played.
   */
  @RolesAllowed(Role.EDU_ADMIN_NAME)
  public PackageView withdraw(String packageId, long version, String reason) {
    ScenarioPackageWithdrawal w;
    try {
      w = new ScenarioPackageWithdrawal(packageId, version, reason, caller.name(), time.now());
    } catch (ReadinessRefusal r) {
      throw RiskService.refused(r);
    }
    w.check(imported(), packages.withdrawals())
        .ifPresent(
            c -> {
              throw refusal(c);
            });
    if (!packages.withdraw(w)) {
      // withdrawn meanwhile by someone else: the unique key kept the first one
      throw Refusal.conflict("readiness.package.alreadyWithdrawn", packageId, version);
    }
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("package", packageId);
    p.put("version", version);
    p.put("reason", w.reason());
    auditLog.record(
        "readiness.scenarios.withdrawn",
        "scenario-package/" + packageId + "/" + version,
        p,
        List.of(),
        w.withdrawnAt());
    return packages().stream()
        .filter(v -> v.packageId().equals(packageId) && v.version() == version)
        .findFirst()
        .orElseThrow();
  }

  static Refusal refusal(ScenarioPackageWithdrawal.Conflict c) {
    if (c instanceof ScenarioPackageWithdrawal.NotImported n) {
      return Refusal.notFound("readiness.package.notImported", n.packageId(), n.version());
    }
    ScenarioPackageWithdrawal.AlreadyWithdrawn a = (ScenarioPackageWithdrawal.AlreadyWithdrawn) c;
    return Refusal.conflict("readiness.package.alreadyWithdrawn", a.packageId(), a.version());
  }

  /** Takes a scenario package (the zip's bytes); refused whole or kept whole. */
  @RolesAllowed(Role.EDU_ADMIN_NAME)
  public Imported importPackage(InputStream content) {
    Path zip = null;
    try {
      zip = Files.createTempFile("xinsheng-scenario-upload-", ".zip");
      long max = maxPackageMb << 20;
      String sha = receive(content, zip, max);
      ScenarioPackage.Verified v;
      try {
        v =
            ScenarioPackage.open(
                zip, contentImports.trustedPublisherKeys(), ContentLimits.standard());
      } catch (ContentRefusal r) {
        throw Refusal.invalid("readiness.package.refused", r.zh(), r.en());
      }
      String id = v.manifest().id();
      long version = v.manifest().version();
      List<String> ids = v.scenarios().stream().map(Scenario::id).toList();
      ScenarioPackageRule rule = new ScenarioPackageRule(imported());
      rule.check(id, version, ids)
          .ifPresent(
              c -> {
                throw refusal(c);
              });
      Instant now = time.now();
      List<ScenarioPackages.StoredScenario> stored = new ArrayList<>();
      for (int i = 0; i < v.scenarios().size(); i++) {
        Scenario s = v.scenarios().get(i);
        stored.add(
            new ScenarioPackages.StoredScenario(
                id, version, s.id(), s.version(), v.sources().get(i)));
      }
      packages.add(
          new ScenarioPackages.ImportedPackage(
              id,
              version,
              v.manifest().title(),
              v.manifest().publisher(),
              v.signedBy().label(),
              sha,
              Files.size(zip),
              caller.name(),
              now,
              ids),
          stored);
      Map<String, Object> p = new LinkedHashMap<>();
      p.put("package", id);
      p.put("version", version);
      p.put("title", v.manifest().title());
      p.put("publisher", v.manifest().publisher());
      p.put("signedBy", v.signedBy().label());
      p.put("scenarios", ids);
      auditLog.record(
          "readiness.scenarios.imported",
          "scenario-package/" + id + "/" + version,
          p,
          List.of(sha),
          now);
      return new Imported(id, version, v.manifest().title(), v.manifest().publisher(), ids);
    } catch (IOException e) {
      throw Refusal.invalid(
          "readiness.package.refused",
          "无法读取上传的文件：" + e.getMessage(),
          "the upload could not be read: " + e.getMessage());
    } finally {
      if (zip != null) {
        try {
          Files.deleteIfExists(zip);
        } catch (IOException ignored) {
          // the temporary directory is cleared by the system; the answer matters more
        }
      }
    }
  }

  private List<ScenarioPackageRule.ImportedVersion> imported() {
    return packages.all().stream()
        .map(
            p ->
                new ScenarioPackageRule.ImportedVersion(
                    p.packageId(), p.version(), p.scenarioIds()))
        .toList();
  }

  /** A conflict of the rule, worded in both languages by the bundles. */
  static Refusal refusal(ScenarioPackageRule.Conflict c) {
    if (c instanceof ScenarioPackageRule.NotNewer n) {
      return Refusal.conflict("readiness.package.version", n.packageId(), n.version(), n.latest());
    }
    ScenarioPackageRule.TakenId t = (ScenarioPackageRule.TakenId) c;
    return Refusal.conflict("readiness.package.takenId", t.scenarioId(), t.otherPackage());
  }

  private static String receive(InputStream in, Path to, long max) throws IOException {
    MessageDigest md = MerkleTree.sha256Digest();
    long n = 0;
    try (OutputStream out = Files.newOutputStream(to)) {
      byte[] buf = new byte[1 << 16];
      int r;
      while ((r = in.read(buf)) > 0) {
        n += r;
        if (n > max) {
          throw Refusal.invalid("readiness.package.oversized", max >> 20);
        }
        md.update(buf, 0, r);
        out.write(buf, 0, r);
      }
    }
    if (n == 0) {
      throw Refusal.invalid("readiness.package.empty");
    }
    return MerkleTree.hex(md.digest());
  }
}
