#!/usr/bin/env bash
# The air-gap install, tested with no network (issue 21). Run by `mvn verify` (module
# airgap-install) after the bundle is built; skip with -Dairgap.test.skip=true.
#   airgap-test.sh OUT_DIR VERSION
# Inside a network namespace with only loopback (unshare -n, as root) it:
#   refuses a tampered bundle (a changed byte in the tar.gz; a changed file, named);
#   installs the bundle (prison CA, HTTPS, embedded database as a service) and installs it again
#   (nothing changes); logs in over HTTPS and records a ledger entry with evidence; backs up while
#   running and refuses a restore with a wrong passphrase; upgrades to a next version (same build,
#   relabelled and re-signed: the upgrade path, not a schema change) and proves the log continues;
#   makes an upgrade fail and checks it rolls back by itself — the data wiped, restored from the
#   backup, started, the audit log's root at backup time proved kept (consistency proof), the entry
#   still there; uninstalls, keeping the data.
# Where unshare is not allowed, it says so and runs the same steps without it.
set -euo pipefail

out="$(cd "$1" && pwd)"; version="$2"
name="xinsheng-$version-linux-x64"
work="$out/airgap-test"
key="$out/$name.release.pub"
signing_key="$out/dev-release-key/release.key"
http=18980; https=18943; dbp=13397

if [ "${XINSHENG_AIRGAP_INSIDE:-}" != 1 ]; then
  if [ "$(id -u)" = 0 ] && unshare -n true 2>/dev/null; then
    echo "[airgap-test] in a network namespace with only loopback (unshare -n)"
    exec unshare -n env XINSHENG_AIRGAP_INSIDE=1 bash "$0" "$@"
  fi
  echo "[airgap-test] unshare -n is not allowed here (not root, or no namespaces): the same steps run without it"
else
  ip link set lo up
  if ip -o link show | grep -v ': lo:' | grep -q .; then
    echo "[airgap-test] FAIL: the namespace has an interface other than loopback" >&2; exit 1
  fi
  if getent hosts repo.maven.apache.org >/dev/null 2>&1 && curl -s -m 3 -o /dev/null https://repo.maven.apache.org/; then
    echo "[airgap-test] FAIL: the network is reachable inside the namespace" >&2; exit 1
  fi
  echo "[airgap-test] no network: only loopback is up"
fi

# each step says when it began (seconds since the test began), so the slow ones can be seen
step() { echo; echo "[airgap-test] === $* === (at $((SECONDS - ${started:-0})) s)"; }
fail() { echo "[airgap-test] FAIL: $*" >&2; exit 1; }
cleanup() {
  if [ -x "$work/opt/current/bin/xinsheng" ]; then
    XINSHENG_CONF="$work/etc/xinsheng.env" "$work/opt/current/bin/xinsheng" service stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT
rm -rf "$work"; mkdir -p "$work/media"
export XINSHENG_NO_SYSTEMD=1
export XINSHENG_CONF="$work/etc/xinsheng.env"
opts=(--prefix "$work/opt" --data "$work/data" --conf "$work/etc" --user root --no-systemd)
xs() { "$work/opt/current/bin/xinsheng" "$@"; }
started=$SECONDS

step "a bundle with one byte changed is refused"
cp "$out/$name.tar.gz" "$work/tampered.tar.gz"
cp "$out/$name.tar.gz.sig" "$work/tampered.tar.gz.sig"
size=$(stat -c %s "$work/tampered.tar.gz")
printf '\x5a' | dd of="$work/tampered.tar.gz" bs=1 seek=$((size / 2)) conv=notrunc status=none
tar -xzf "$out/$name.tar.gz" -C "$work/media"
bundle="$work/media/$name"
if "$bundle/jre/bin/java" -jar "$bundle/lib/xinsheng-launcher.jar" bundle verify "$work/tampered.tar.gz" --key "$key" > "$work/tampered.log" 2>&1; then
  cat "$work/tampered.log"; fail "a tampered tar.gz passed"
fi
grep -q "signature does not match" "$work/tampered.log" || { cat "$work/tampered.log"; fail "no signature refusal"; }
"$bundle/jre/bin/java" -jar "$bundle/lib/xinsheng-launcher.jar" bundle verify "$out/$name.tar.gz" --key "$key" \
  || fail "the genuine bundle was refused"
rm -f "$work/tampered.tar.gz"

step "a bundle with one changed file is refused, naming it, and nothing is installed"
cp "$bundle/lib/runtime/xinsheng.war" "$work/war.orig"
printf '\x00' | dd of="$bundle/lib/runtime/xinsheng.war" bs=1 seek=4096 conv=notrunc status=none
if "$bundle/install.sh" --release-key "$key" "${opts[@]}" > "$work/refused.log" 2>&1; then
  cat "$work/refused.log"; fail "install.sh accepted a changed file"
fi
grep -q "lib/runtime/xinsheng.war" "$work/refused.log" || { cat "$work/refused.log"; fail "the changed file was not named"; }
[ ! -e "$work/opt" ] && [ ! -e "$work/etc" ] || fail "a refused install touched the host"
cp "$work/war.orig" "$bundle/lib/runtime/xinsheng.war"; rm -f "$work/war.orig"

step "install (prison CA, HTTPS, embedded database as a service; training data for this test)"
"$bundle/install.sh" --release-key "$key" "${opts[@]}" --http-port $http --https-port $https \
  --db-port $dbp --hostname localhost --backup-dir "$work/backups" --training | tee "$work/install.log"
grep -q "is installed and running" "$work/install.log" || fail "install did not finish"
for f in etc/tls/ca.crt etc/tls/server.p12 etc/release.pub etc/audit-trust.txt etc/audit-key-record.txt; do
  [ -s "$work/$f" ] || fail "$f is missing after install"
done
perm="$(stat -c %a "$work/etc/tls/keystore.password")"; [ "$perm" = 600 ] || [ "$perm" = 640 ] || fail "keystore password readable by others ($perm)"

step "install again: nothing changes"
before_tree="$(find "$work/opt" "$work/etc" -type f -printf '%p %s %T@\n' | sort | sha256sum)"
"$bundle/install.sh" --release-key "$key" "${opts[@]}" | tee "$work/install2.log"
grep -q "nothing changed" "$work/install2.log" || fail "a second install did not say nothing changed"
[ "$before_tree" = "$(find "$work/opt" "$work/etc" -type f -printf '%p %s %T@\n' | sort | sha256sum)" ] || fail "a second install changed files"

step "the keystore password is in no process's command line, and its argument file is gone"
kpw="$(head -n1 "$work/etc/tls/keystore.password")"
[ -n "$kpw" ] || fail "the keystore password file is empty"
# the pattern comes from a file: given as grep's argument, it would show in the process list that
# ps reads at the same moment, and grep would find itself
printf '%s\n' "$kpw" > "$work/kpw.pattern"
hits="$(ps -eo pid=,args= | grep -F -f "$work/kpw.pattern" | awk '{print $1}' || true)"
rm -f "$work/kpw.pattern"
if [ -n "$hits" ]; then
  ps -o pid=,comm= -p "$(echo $hits | tr ' ' ',')" >&2 || true
  fail "the keystore password shows in the process list (the processes above)"
fi
if find "$work" -name tls-jvm.args | grep -q .; then fail "the JVM argument file with the password was left behind"; fi

step "HTTPS, and plain HTTP redirected"
ca=(--cacert "$work/etc/tls/ca.crt")
[ "$(curl -s "${ca[@]}" -o /dev/null -w '%{http_code}' "https://localhost:$https/health/ready")" = 200 ] || fail "HTTPS health"
loc="$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "http://localhost:$http/login.xhtml")"
[ "$loc" = "301 https://localhost:$https/login.xhtml" ] || fail "HTTP is not redirected to HTTPS: $loc"

step "log in over HTTPS and record a ledger entry with evidence"
jar="$work/cookies"
code="$(curl -s "${ca[@]}" -c "$jar" -b "$jar" -o "$work/login.json" -w '%{http_code}' -H 'Content-Type: application/json' \
  -d '{"username":"officer1","password":"demo123!"}' "https://localhost:$https/api/v1/session")"
[ "$code" = 200 ] || { cat "$work/login.json"; fail "login over HTTPS: $code"; }
grep -qi 'set-cookie.*secure' <(curl -s -D - -o /dev/null "${ca[@]}" -H 'Content-Type: application/json' \
  -d '{"username":"officer1","password":"demo123!"}' "https://localhost:$https/api/v1/session") \
  || fail "the session cookie is not Secure over HTTPS"
cat > "$work/Photo.java" <<'JAVA'
public class Photo {
  public static void main(String[] a) throws Exception {
    var img = new java.awt.image.BufferedImage(64, 48, java.awt.image.BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics(); g.setColor(java.awt.Color.ORANGE); g.fillRect(8, 8, 40, 30); g.dispose();
    javax.imageio.ImageIO.write(img, "jpg", new java.io.File(a[0]));
  }
}
JAVA
"$bundle/jre/bin/java" -Djava.awt.headless=true "$work/Photo.java" "$work/photo.jpg" 2>/dev/null \
  || java -Djava.awt.headless=true "$work/Photo.java" "$work/photo.jpg"
q="section=12&name=photo.jpg&source=%E7%9B%91%E6%8E%A7-12&description=airgap"
curl -s "${ca[@]}" -c "$jar" -b "$jar" -H 'Content-Type: application/octet-stream' --data-binary @"$work/photo.jpg" \
  "https://localhost:$https/api/v1/evidence?$q" > "$work/evidence.json"
evidence="$(sed -n 's/.*"id":\([0-9]*\).*/\1/p' "$work/evidence.json" | head -1)"
[ -n "$evidence" ] || { cat "$work/evidence.json"; fail "evidence upload"; }
at="$(TZ=Asia/Shanghai date -d '-10 min' +%Y-%m-%dT%H:%M)"
curl -s "${ca[@]}" -c "$jar" -b "$jar" -H 'Content-Type: application/json' \
  -d "{\"prisonerNumber\":\"3301000002\",\"clause\":\"JG-02\",\"amount\":\"2\",\"fact\":\"离线安装验证：内务卫生优秀\",\"occurredAt\":\"$at\",\"evidence\":[$evidence]}" \
  "https://localhost:$https/api/v1/ledger/entries" > "$work/entry.json"
grep -q '"id":' "$work/entry.json" || { cat "$work/entry.json"; fail "ledger entry"; }
entries() { curl -s "${ca[@]}" -c "$jar" -b "$jar" "https://localhost:$https/api/v1/ledger/inmates/3301000002/entries"; }
entries | grep -q "离线安装验证" || fail "the entry is not in the inmate's ledger"

step "back up while running; the checkpoint at backup time"
for _ in $(seq 1 60); do   # the entry's leaf is sequenced and signed within seconds
  cp_before="$(xs audit checkpoint --data-dir "$work/data" --db-port $dbp --trust "$work/etc/audit-trust.txt" 2>/dev/null || true)"
  [ -n "$cp_before" ] && [ "${cp_before%% *}" -gt 0 ] && break; sleep 2
done
[ -n "$cp_before" ] || fail "no signed checkpoint"
xs backup --data-dir "$work/data" --db-port $dbp --out "$work/backup.tar.gz" --passphrase-file "$work/etc/backup.passphrase"
echo "checkpoint at backup: $cp_before"

step "a wrong passphrase restores nothing (while the platform runs: restore writes only a new directory)"
echo "not-the-right-passphrase" > "$work/wrong.pass"
if xs restore "$work/backup.tar.gz" --data-dir "$work/data.restore" --db-port $((dbp + 1)) --passphrase-file "$work/wrong.pass" > "$work/wrong.log" 2>&1; then
  fail "a wrong passphrase restored"
fi
grep -q "wrong passphrase" "$work/wrong.log" || { cat "$work/wrong.log"; fail "no clear refusal for a wrong passphrase"; }
[ ! -d "$work/data.restore/mariadb" ] || fail "a refused restore wrote a database"
rm -rf "$work/data.restore"
# The restore itself — onto a wiped data directory, start, the audit log proved to extend the
# backup's checkpoint, the entry still there — is the failed upgrade's rollback below: it moves the
# data aside, restores the upgrade's own backup and starts. One start fewer than restoring here too.

step "upgrade to the next version: back up, stop, migrate, start, health, log continues"
next="$work/media/$name-next"
cp -a "$bundle" "$next"
echo "$version-next" > "$next/VERSION"
"$bundle/jre/bin/java" -jar "$bundle/lib/xinsheng-launcher.jar" bundle sign-folder "$next" --signing-key "$signing_key" >/dev/null
"$next/upgrade.sh" --prefix "$work/opt" --conf "$work/etc" --user root --no-systemd | tee "$work/upgrade.log"
grep -q "upgraded $version → $version-next" "$work/upgrade.log" || fail "upgrade did not finish"
grep -q "consistent" "$work/upgrade.log" || fail "the upgrade did not prove the log continues"
[ "$(readlink "$work/opt/current")" = "versions/$version-next" ] || fail "current is not the new version"
curl -s "${ca[@]}" -c "$jar" -b "$jar" -o /dev/null -H 'Content-Type: application/json' \
  -d '{"username":"officer1","password":"demo123!"}' "https://localhost:$https/api/v1/session"
entries | grep -q "离线安装验证" || fail "the ledger entry did not survive the upgrade"

# always run: it is also this test's restore onto a wiped data directory
{
  step "an upgrade that fails rolls back by itself: wipe, restore from the backup, start, prove the root"
  next2="$work/media/$name-next2"
  cp -a "$bundle" "$next2"; rm -rf "$next"
  echo "$version-next2" > "$next2/VERSION"
  "$bundle/jre/bin/java" -jar "$bundle/lib/xinsheng-launcher.jar" bundle sign-folder "$next2" --signing-key "$signing_key" >/dev/null
  if XINSHENG_UPGRADE_FAIL_FOR_TEST=1 "$next2/upgrade.sh" --prefix "$work/opt" --conf "$work/etc" --user root --no-systemd > "$work/rollback.log" 2>&1; then
    cat "$work/rollback.log"; fail "a failed upgrade reported success"
  fi
  grep -q "rolled back to $version-next" "$work/rollback.log" || { cat "$work/rollback.log"; fail "no rollback"; }
  [ "$(readlink "$work/opt/current")" = "versions/$version-next" ] || fail "current was not put back"
  xs service status || fail "the old version is not running after the rollback"
  cp_rb="$(sed -n 's/.*audit log: size \([0-9]*\), root \([A-Za-z0-9+\/=]*\)$/\1 \2/p' "$work/rollback.log" | head -1)"
  [ -n "$cp_rb" ] || fail "the pre-upgrade backup named no checkpoint"
  xs audit continuity --data-dir "$work/data" --db-port $dbp --from-size "${cp_rb%% *}" \
    --from-root "${cp_rb#* }" --trust "$work/etc/audit-trust.txt" || fail "the rolled-back log does not extend the pre-upgrade checkpoint"
  curl -s "${ca[@]}" -c "$jar" -b "$jar" -o /dev/null -H 'Content-Type: application/json' \
    -d '{"username":"officer1","password":"demo123!"}' "https://localhost:$https/api/v1/session"
  entries | grep -q "离线安装验证" || fail "the ledger entry did not survive the rollback"
  ls -d "$work"/data.failed-* >/dev/null 2>&1 || fail "the failed attempt's data was not kept aside"
}

step "uninstall keeps the data"
"$bundle/uninstall.sh" --prefix "$work/opt" --conf "$work/etc" --user root --no-systemd
[ ! -e "$work/opt" ] || fail "the programs are still there"
[ -d "$work/data/mariadb" ] && [ -s "$work/etc/xinsheng.env" ] || fail "uninstall removed the data"
trap - EXIT
echo
echo "[airgap-test] PASSED in $((SECONDS - started)) s"
rm -rf "$work/media"
