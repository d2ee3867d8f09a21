# Shared by install.sh, upgrade.sh and uninstall.sh (issue 21). Sourced, not run.
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
version="$(cat "$here/VERSION")"
java="$here/jre/bin/java"

say() { echo "[xinsheng] $*"; }
die() { echo "[xinsheng] 错误 / error: $*" >&2; exit 1; }

# Checks the unpacked bundle against the trusted release key, before anything on the host is
# touched. First with tools that are not the bundle's own (OpenSSL, sha256sum), so a tampered
# bundle cannot vouch for itself; then with the launcher's own check, which names every file.
verify_bundle() {
  local key="$1"
  [ -r "$key" ] || die "找不到受信任的发布公钥 $key（从发布记录单独取得）/ the trusted release key $key is missing (take it from the release record, not from the bundle)"
  local bad=0
  if command -v openssl >/dev/null 2>&1 && command -v sha256sum >/dev/null 2>&1; then
    if ! openssl pkeyutl -verify -pubin -inkey "$key" -rawin -in "$here/MANIFEST.sha256" \
        -sigfile "$here/MANIFEST.sha256.sig" >/dev/null 2>&1; then
      echo "  清单签名不符 / the manifest's signature does not match: MANIFEST.sha256" >&2
      bad=1
    fi
    local failed
    failed="$(cd "$here" && sha256sum -c --quiet MANIFEST.sha256 2>/dev/null | sed -n 's/: FAILED.*$//p' || true)"
    if [ -n "$failed" ]; then
      echo "$failed" | sed 's/^/  文件被改动 \/ file changed: /' >&2
      bad=1
    fi
    local extra
    extra="$(cd "$here" && comm -13 <(sed 's/^[0-9a-f]*  //' MANIFEST.sha256 | sort) \
      <(find . -type f ! -name MANIFEST.sha256 ! -name MANIFEST.sha256.sig | sed 's#^\./##' | sort))"
    if [ -n "$extra" ]; then
      echo "$extra" | sed 's/^/  清单外的文件 \/ file not in the manifest: /' >&2
      bad=1
    fi
  else
    say "警告：没有 openssl/sha256sum，只用安装包自带的校验 / warning: no openssl/sha256sum, only the bundle's own check runs"
  fi
  if [ "$bad" = 1 ]; then
    die "安装包不可信，拒绝安装；未做任何改动 / the bundle is NOT trustworthy; refused, nothing was changed"
  fi
  if ! "$java" -Xmx256m -jar "$here/lib/xinsheng-launcher.jar" bundle verify "$here" --key "$key"; then
    die "安装包不可信，拒绝安装；未做任何改动 / the bundle is NOT trustworthy; refused, nothing was changed"
  fi
}

wait_ready() {
  local port="$1" limit="${2:-600}" waited=0
  until "$java" -Xmx64m -cp "$here/lib/xinsheng-launcher.jar" cn.xinsheng.launcher.HealthProbe \
      "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; do
    sleep 3; waited=$((waited + 3))
    [ "$waited" -lt "$limit" ] || return 1
  done
}

has_systemd() { [ "${XINSHENG_NO_SYSTEMD:-}" != 1 ] && [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; }

as_user() {
  local user="$1"; shift
  if [ "$(id -u)" = 0 ] && [ "$user" != root ]; then
    runuser -u "$user" -- "$@"
  else
    "$@"
  fi
}
