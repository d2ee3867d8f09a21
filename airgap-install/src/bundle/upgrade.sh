#!/usr/bin/env bash
# Xinsheng 新生 — upgrade an installation from this bundle (issue 21), run from the NEW bundle:
#
#   sudo ./upgrade.sh [--prefix /opt/xinsheng] [--conf /etc/xinsheng] [--user xinsheng] [--no-systemd]
#
# Steps: verify this bundle against the release key the installation already trusts; back up
# (database, files, keys); stop; install the new programs beside the old; start (Flyway migrates the
# schema); health check; check the audit log continues (the new checkpoint extends the one before,
# by a consistency proof). On any failure it goes back by itself: the old programs, and the data
# restored from the backup it just took, and starts the old version again.
set -euo pipefail
# shellcheck source=lib-install.sh
. "$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)/lib-install.sh"

prefix=/opt/xinsheng; conf=/etc/xinsheng; user=xinsheng
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --conf) conf="$2"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    --no-systemd) export XINSHENG_NO_SYSTEMD=1; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) die "未知选项 / unknown option: $1" ;;
  esac
done
[ "$(id -u)" = 0 ] || user="$(id -un)"
[ -L "$prefix/current" ] || die "$prefix 下没有安装；请用 install.sh / nothing is installed under $prefix; use install.sh"
export XINSHENG_CONF="$conf/xinsheng.env"
set -a; . "$conf/xinsheng.env"; set +a
data="$XINSHENG_DATA_DIR"; http_port="${XINSHENG_HTTP_PORT:-8080}"; db_port="${XINSHENG_DB_EMBEDDED_PORT:-3307}"
old="$(readlink "$prefix/current")"; old_version="${old#versions/}"

say "校验新安装包 / verifying the new bundle $version against $conf/release.pub …"
verify_bundle "$conf/release.pub"
if [ "$old_version" = "$version" ]; then
  say "已是版本 $version，未做任何改动 / already at version $version; nothing changed"
  exit 0
fi

stop_service() {
  if has_systemd; then systemctl stop xinsheng.service; else as_user "$user" "$prefix/current/bin/xinsheng" service stop; fi
}
start_service() {
  if has_systemd; then systemctl start xinsheng.service && wait_ready "$http_port" 900
  else as_user "$user" "$prefix/current/bin/xinsheng" service start; fi
}
checkpoint() { # "size root" of the latest signed checkpoint
  as_user "$user" "$prefix/current/bin/xinsheng" audit checkpoint --data-dir "$data" --db-port "$db_port" \
    --trust "$conf/audit-trust.txt" 2>/dev/null || true
}

stamp="$(date -u +%Y%m%dT%H%M%SZ)"
backup_dir="${XINSHENG_BACKUP_DIR:-/var/backups/xinsheng}"
mkdir -p "$backup_dir"; [ "$(id -u)" != 0 ] || chown "$user" "$backup_dir"
backup="$backup_dir/before-upgrade-$old_version-to-$version-$stamp.tar.gz"
say "备份 / backing up to $backup …"
as_user "$user" "$prefix/current/bin/xinsheng" backup --data-dir "$data" --db-port "$db_port" \
  --out "$backup" --passphrase-file "$conf/backup.passphrase"
before="$(checkpoint)"

say "停止 / stopping $old_version …"
stop_service
rm -rf "$prefix/versions/$version.partial"
cp -a "$here" "$prefix/versions/$version.partial"
rm -rf "$prefix/versions/$version"
mv "$prefix/versions/$version.partial" "$prefix/versions/$version"
ln -sfn "versions/$version" "$prefix/current"

rollback() {
  say "升级失败，正在回滚 / the upgrade failed; rolling back to $old_version …"
  stop_service || true
  ln -sfn "$old" "$prefix/current"
  mv "$data" "$data.failed-$stamp"
  mkdir -p "$data"; [ "$(id -u)" != 0 ] || chown "$user:$user" "$data"
  as_user "$user" "$prefix/current/bin/xinsheng" restore "$backup" --data-dir "$data" --db-port "$db_port" \
    --passphrase-file "$conf/backup.passphrase"
  start_service || die "回滚后启动失败 / the old version did not start after the rollback; data of the failed attempt: $data.failed-$stamp"
  die "已回滚到 $old_version；失败的数据保留在 $data.failed-$stamp / rolled back to $old_version; the failed attempt's data is kept in $data.failed-$stamp"
}

say "启动新版本（迁移数据库）/ starting $version (migrating the schema) …"
# XINSHENG_UPGRADE_FAIL_FOR_TEST: the air-gap test's failed upgrade — the new version "does not
# start", as after a failed migration, so the rollback (old programs, data from the backup) runs
# without first waiting for a full start of the new one
if [ -n "${XINSHENG_UPGRADE_FAIL_FOR_TEST:-}" ] || ! start_service; then rollback; fi
after="$(checkpoint)"
say "审计日志 / audit log: before ${before:-?}, after ${after:-?}"
if [ -n "$before" ] && [ -n "$after" ]; then
  if ! as_user "$user" "$prefix/current/bin/xinsheng" audit continuity --data-dir "$data" --db-port "$db_port" \
      --from-size "${before%% *}" --from-root "${before#* }" --trust "$conf/audit-trust.txt"; then
    say "警告：审计日志的一致性证明未通过 / warning: the audit log's consistency proof did not pass"
    rollback
  fi
fi
say "升级完成 / upgraded $old_version → $version"
