#!/usr/bin/env bash
# Xinsheng 新生 — uninstall (issue 21). Removes the programs and the service; KEEPS the data,
# settings and keys unless --purge is given (then it asks to type the host name to confirm).
set -euo pipefail
. "$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)/lib-install.sh"
prefix=/opt/xinsheng; conf=/etc/xinsheng; purge=0; user=xinsheng
while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) prefix="$2"; shift 2 ;;
    --conf) conf="$2"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    --purge) purge=1; shift ;;
    --no-systemd) export XINSHENG_NO_SYSTEMD=1; shift ;;
    *) die "未知选项 / unknown option: $1" ;;
  esac
done
[ "$(id -u)" = 0 ] || user="$(id -un)"
data=""
if [ -f "$conf/xinsheng.env" ]; then set -a; . "$conf/xinsheng.env"; set +a; data="${XINSHENG_DATA_DIR:-}"; fi
if has_systemd && [ -f /etc/systemd/system/xinsheng.service ]; then
  systemctl disable --now xinsheng.service xinsheng-backup.timer >/dev/null 2>&1 || true
  rm -f /etc/systemd/system/xinsheng.service /etc/systemd/system/xinsheng-backup.service /etc/systemd/system/xinsheng-backup.timer
  systemctl daemon-reload
elif [ -x "$prefix/current/bin/xinsheng" ]; then
  XINSHENG_CONF="$conf/xinsheng.env" as_user "$user" "$prefix/current/bin/xinsheng" service stop || true
fi
rm -rf "$prefix"
if [ "$purge" = 1 ]; then
  read -r -p "永久删除数据、设置与密钥？请输入主机名确认 / permanently delete data, settings and keys? type the host name: " answer
  [ "$answer" = "$(hostname)" ] || die "未确认，数据保留 / not confirmed; the data is kept"
  rm -rf "$conf" ${data:+"$data"}
  say "已卸载并删除数据 / uninstalled, data deleted"
else
  say "已卸载；数据、设置与密钥保留在 / uninstalled; data, settings and keys are kept in: ${data:-?} $conf"
fi
