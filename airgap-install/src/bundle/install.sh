#!/usr/bin/env bash
# Xinsheng 新生 — offline installation from the air-gap bundle (issue 21).
#
#   sudo ./install.sh --release-key /media/usb/xinsheng-release.pub [options]
#
# Options (defaults in brackets):
#   --release-key FILE     the release public key, taken from the printed release record or its own
#                          media, never from inside the bundle [/etc/xinsheng/release.pub if an
#                          earlier install trusted one]
#   --prefix DIR           programs [/opt/xinsheng]       --data DIR   data [/var/lib/xinsheng]
#   --conf DIR             settings and keys [/etc/xinsheng]
#   --backup-dir DIR       daily and pre-upgrade backups [/var/backups/xinsheng]
#   --user NAME            the service user, made if missing (root only) [xinsheng]
#   --http-port N [8080]   --https-port N [8443]          --db-port N  embedded database [3307]
#   --hostname NAME        the server's name on the LAN, for its certificate [hostname -f]
#   --tls-import FILE.p12 --tls-import-password-file F    use the site's own certificate instead
#                          of a prison CA made here
#   --db-url JDBC --db-user U --db-password-file F        an existing MariaDB instead of the
#                          embedded one (the user needs CREATE USER for the least-privilege account)
#   --training             a training server: the demo prison and its demo logins (never production)
#   --no-systemd           run as a plain service (bin/xinsheng service) even where systemd exists
#   --no-start             install only
# Running it again with the same bundle changes nothing.
set -euo pipefail
# shellcheck source=lib-install.sh
. "$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)/lib-install.sh"

prefix=/opt/xinsheng; data=/var/lib/xinsheng; conf=/etc/xinsheng; user=xinsheng; backups=/var/backups/xinsheng
http_port=8080; https_port=8443; db_port=3307; hostname_="$(hostname -f 2>/dev/null || hostname)"
release_key=""; tls_import=""; tls_import_pw=""; db_url=""; db_user=""; db_pw_file=""
start=1; training=false
while [ $# -gt 0 ]; do
  case "$1" in
    --release-key) release_key="$2"; shift 2 ;;
    --prefix) prefix="$2"; shift 2 ;;
    --data) data="$2"; shift 2 ;;
    --conf) conf="$2"; shift 2 ;;
    --backup-dir) backups="$2"; shift 2 ;;
    --user) user="$2"; shift 2 ;;
    --http-port) http_port="$2"; shift 2 ;;
    --https-port) https_port="$2"; shift 2 ;;
    --db-port) db_port="$2"; shift 2 ;;
    --hostname) hostname_="$2"; shift 2 ;;
    --tls-import) tls_import="$2"; shift 2 ;;
    --tls-import-password-file) tls_import_pw="$2"; shift 2 ;;
    --db-url) db_url="$2"; shift 2 ;;
    --db-user) db_user="$2"; shift 2 ;;
    --db-password-file) db_pw_file="$2"; shift 2 ;;
    --no-systemd) export XINSHENG_NO_SYSTEMD=1; shift ;;
    --no-start) start=0; shift ;;
    --training) training=true; shift ;;
    -h|--help) sed -n '2,27p' "$0"; exit 0 ;;
    *) die "未知选项 / unknown option: $1" ;;
  esac
done
[ "$(id -u)" = 0 ] || user="$(id -un)"   # a non-root trial install runs as its caller
[ -n "$release_key" ] || release_key="$conf/release.pub"

# 1. nothing is touched before the bundle is proven
say "校验安装包 / verifying the bundle $version …"
verify_bundle "$release_key"

# 2. idempotence: the same version, already installed from the same manifest, is left alone
if [ -f "$prefix/versions/$version/MANIFEST.sha256" ] \
   && cmp -s "$prefix/versions/$version/MANIFEST.sha256" "$here/MANIFEST.sha256" \
   && [ -f "$conf/xinsheng.env" ]; then
  say "版本 $version 已安装，未做任何改动 / version $version is already installed; nothing changed"
  exit 0
fi
if [ -L "$prefix/current" ]; then
  die "已安装其他版本（$(readlink "$prefix/current")）；请用 upgrade.sh / another version is installed; use upgrade.sh"
fi

# 3. the service user and the folders
if [ "$(id -u)" = 0 ] && ! id "$user" >/dev/null 2>&1; then
  say "创建服务用户 / creating the service user $user"
  useradd --system --home-dir "$data" --no-create-home --shell /usr/sbin/nologin "$user"
fi
mkdir -p "$prefix/versions" "$data" "$conf/tls"
chmod 0750 "$data" "$conf"
chmod 0700 "$conf/tls"

# 4. the programs: a copy of the verified bundle, then the "current" link
say "安装程序 / installing the programs into $prefix/versions/$version"
rm -rf "$prefix/versions/$version.partial"
cp -a "$here" "$prefix/versions/$version.partial"
mv "$prefix/versions/$version.partial" "$prefix/versions/$version"
ln -sfn "versions/$version" "$prefix/current"
cp "$release_key" "$conf/release.pub.new" && mv "$conf/release.pub.new" "$conf/release.pub"

# 5. TLS: the site's certificate, or a prison CA and a server certificate made here, offline
keytool="$prefix/current/jre/bin/keytool"
tls_pw_file="$conf/tls/keystore.password"
if [ ! -f "$conf/tls/server.p12" ]; then
  head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$tls_pw_file"; chmod 0600 "$tls_pw_file"
  pw="$(cat "$tls_pw_file")"
  if [ -n "$tls_import" ]; then
    say "导入本单位证书 / importing the site's certificate"
    [ -r "$tls_import_pw" ] || die "需要 --tls-import-password-file / --tls-import-password-file is needed"
    src_alias="$("$keytool" -list -keystore "$tls_import" -storetype PKCS12 -storepass "$(cat "$tls_import_pw")" \
      | sed -n 's/^\([^,]*\), .*PrivateKeyEntry.*/\1/p' | head -1)"
    [ -n "$src_alias" ] || die "证书库里没有私钥条目 / the keystore holds no private key entry"
    "$keytool" -importkeystore -noprompt -srckeystore "$tls_import" -srcstoretype PKCS12 \
      -srcstorepass "$(cat "$tls_import_pw")" -srcalias "$src_alias" \
      -destkeystore "$conf/tls/server.p12" -deststoretype PKCS12 -deststorepass "$pw" -destalias xinsheng >/dev/null
  else
    say "生成监狱内部 CA 与服务器证书 / making a prison CA and the server certificate for $hostname_"
    ca_pw_file="$conf/tls/ca.password"
    head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$ca_pw_file"; chmod 0600 "$ca_pw_file"
    ca_pw="$(cat "$ca_pw_file")"
    "$keytool" -genkeypair -alias ca -keyalg EC -groupname secp256r1 -validity 3650 \
      -dname "CN=Xinsheng Prison CA ($hostname_), O=Xinsheng" -ext bc:c \
      -keystore "$conf/tls/ca.p12" -storetype PKCS12 -storepass "$ca_pw" >/dev/null 2>&1
    "$keytool" -exportcert -rfc -alias ca -keystore "$conf/tls/ca.p12" -storepass "$ca_pw" > "$conf/tls/ca.crt"
    "$keytool" -genkeypair -alias xinsheng -keyalg EC -groupname secp256r1 -validity 825 \
      -dname "CN=$hostname_, O=Xinsheng" -keystore "$conf/tls/server.p12" -storetype PKCS12 -storepass "$pw" >/dev/null 2>&1
    "$keytool" -certreq -alias xinsheng -keystore "$conf/tls/server.p12" -storepass "$pw" \
      | "$keytool" -gencert -rfc -alias ca -keystore "$conf/tls/ca.p12" -storepass "$ca_pw" -validity 825 \
        -ext "san=dns:$hostname_,dns:localhost,ip:127.0.0.1" -ext eku=serverAuth -ext ku=digitalSignature \
        > "$conf/tls/server.crt"
    "$keytool" -importcert -noprompt -alias ca -file "$conf/tls/ca.crt" -keystore "$conf/tls/server.p12" -storepass "$pw" >/dev/null
    "$keytool" -importcert -noprompt -alias xinsheng -file "$conf/tls/server.crt" -keystore "$conf/tls/server.p12" -storepass "$pw" >/dev/null
    chmod 0644 "$conf/tls/ca.crt"
    say "终端浏览器需信任此 CA / terminals' browsers must trust this CA: $conf/tls/ca.crt"
  fi
fi

# 6. settings, written once (an operator's edits are never overwritten)
if [ ! -f "$conf/backup.passphrase" ]; then
  head -c 24 /dev/urandom | base64 | tr -d '/+=' > "$conf/backup.passphrase"; chmod 0600 "$conf/backup.passphrase"
fi
if [ ! -f "$conf/xinsheng.env" ]; then
  {
    echo "# Xinsheng 新生 settings (written by install.sh $version; edit and restart to change)"
    echo "XINSHENG_DATA_DIR=$data"
    echo "XINSHENG_HTTP_PORT=$http_port"
    echo "XINSHENG_HTTPS_PORT=$https_port"
    echo "XINSHENG_TLS_KEYSTORE=$conf/tls/server.p12"
    echo "XINSHENG_TLS_PASSWORD_FILE=$tls_pw_file"
    echo "XINSHENG_DB_EMBEDDED_PORT=$db_port"
    echo "XINSHENG_TRAINING=$training"
    echo "XINSHENG_BACKUP_DIR=$backups"
    echo "XINSHENG_BACKUP_KEEP=14"
    echo "XINSHENG_BACKUP_PASSPHRASE_FILE=$conf/backup.passphrase"
    if [ -n "$db_url" ]; then
      echo "XINSHENG_DB_URL=$db_url"
      echo "XINSHENG_DB_USER=$db_user"
      [ -z "$db_pw_file" ] || echo "XINSHENG_DB_PASSWORD=$(cat "$db_pw_file")"
    fi
  } > "$conf/xinsheng.env"
  chmod 0640 "$conf/xinsheng.env"
fi
if [ "$(id -u)" = 0 ]; then
  chown -R "$user:$user" "$data"
  chown -R "root:$user" "$conf"
  chmod 0640 "$conf/tls/keystore.password" "$conf/tls/server.p12" "$conf/backup.passphrase"
  chmod 0750 "$conf/tls"
fi

# 7. the service
if has_systemd; then
  for unit in xinsheng.service xinsheng-backup.service xinsheng-backup.timer; do
    sed -e "s#@PREFIX@#$prefix#g" -e "s#@CONF@#$conf#g" -e "s#@USER@#$user#g" \
      "$prefix/current/systemd/$unit" > "/etc/systemd/system/$unit"
  done
  systemctl daemon-reload
  systemctl enable xinsheng.service xinsheng-backup.timer >/dev/null
fi
[ "$start" = 1 ] || { say "已安装（未启动）/ installed (not started)"; exit 0; }

say "启动服务 / starting the service …"
export XINSHENG_CONF="$conf/xinsheng.env"
if has_systemd; then
  systemctl start xinsheng.service xinsheng-backup.timer
  wait_ready "$http_port" 900 || die "服务未就绪，见 journalctl -u xinsheng / the service is not ready; see journalctl -u xinsheng"
  log_cmd=(journalctl -u xinsheng --no-pager)
else
  as_user "$user" env XINSHENG_CONF="$conf/xinsheng.env" "$prefix/current/bin/xinsheng" service start
  log_cmd=(cat "$data/logs/service.log")
fi

# 8. the audit key's ceremony record and the first administrator's one-time password
as_user "$user" env XINSHENG_CONF="$conf/xinsheng.env" "$prefix/current/bin/xinsheng" audit key-record \
  --data-dir "$data" --db-port "$db_port" --trust-out "$conf/audit-trust.txt" > "$conf/audit-key-record.txt" 2>&1 \
  || say "警告：审计密钥记录未生成，稍后运行 bin/xinsheng audit key-record / warning: run bin/xinsheng audit key-record later"
say "审计密钥仪式记录（请打印并签字）/ the audit key-ceremony record (print and sign it): $conf/audit-key-record.txt"
admin_line="$("${log_cmd[@]}" 2>/dev/null | grep -A1 'created the first administrator' | tail -1 | sed 's/^ *//' || true)"
echo
say "新生 $version 已安装并运行 / Xinsheng $version is installed and running"
say "  https://$hostname_:$https_port/   (http://…:$http_port/ redirects there)"
if [ -n "$admin_line" ]; then
  say "  首个管理员（一次性密码，首次登录须修改）/ first administrator (one-time password, change it at first login):"
  say "    $admin_line"
fi
