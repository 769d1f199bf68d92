#!/usr/bin/env bash
# Builds the root file system that the container image adds on top of an empty ("scratch") base:
# a jlinked Java 17 runtime, the few C libraries it loads, a non-root user and /tmp.
# Why not eclipse-temurin:17-jre as the base: pulling a base image needs a container registry,
# which the build machines cannot reach; this runtime comes from the JDK that runs the build, so
# `mvn verify` makes the image with no registry and no Docker daemon.
#
#   build-runtime.sh OUTPUT_DIR JAVA_HOME
set -euo pipefail

out="$1"
java_home="$2"
# java.se: everything Hazelcast asks for (it runs with --add-modules java.se); the jdk.* modules:
# Netty's and Hazelcast's Unsafe access, JVM metrics, DNS discovery over JNDI, TLS curves, zip.
modules="java.se,jdk.unsupported,jdk.management,jdk.naming.dns,jdk.crypto.ec,jdk.zipfs"
# The C libraries a headless server JVM loads. Desktop libraries (X11, fonts, sound) are left out
# on purpose: the node never loads them, and the image stays the same whatever the build host has.
libraries="ld-linux-x86-64.so.2 libc.so.6 libm.so.6 libz.so.1 libstdc++.so.6 libgcc_s.so.1"
user_id=65532

jlink="$java_home/bin/jlink"
[[ -x "$jlink" ]] || { echo "build-runtime: no jlink in $java_home (a full JDK 17 with jmods is needed)" >&2; exit 1; }

rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp"
"$jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
  --output "$out/opt/java"

needed="$(
  for binary in "$out/opt/java/bin/java" $(find "$out/opt/java/lib" -name '*.so'); do
    ldd "$binary" 2>/dev/null || true
  done | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\/.*ld-linux/ { print $1 }' | sort -u
)"
for library in $libraries; do
  path="$(grep "/$library\$" <<<"$needed" | head -n 1 || true)"
  [[ -n "$path" ]] || { echo "build-runtime: the runtime does not load $library; check the list" >&2; exit 1; }
  mkdir -p "$out$(dirname "$path")"
  cp -L "$path" "$out$path"
done

cat >"$out/etc/passwd" <<PASSWD
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:$user_id:$user_id:nonroot:/tmp:/sbin/nologin
PASSWD
cat >"$out/etc/group" <<GROUP
root:x:0:
nonroot:x:$user_id:
GROUP
echo "hosts: files dns" >"$out/etc/nsswitch.conf"
