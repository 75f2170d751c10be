#!/usr/bin/env bash
# Lists the native libraries (.so, .dll, .dylib, .jnilib, and anything under META-INF/native/) inside
# a Spring Boot jar and inside every jar nested in its BOOT-INF/lib/. A library built for one CPU
# only (x86_64) would stop the jar, or one of its features, on an arm64 board such as a Raspberry Pi.
#
#   deploy/arm64/jar-natives.sh [JAR]      default: target/nexo-0.1.0-SNAPSHOT.jar
#
# Prints one line per native file as "nested jar: path", then a summary; exit status 1 if any found.
set -euo pipefail

jar=${1:-target/nexo-0.1.0-SNAPSHOT.jar}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

pattern='(\.(so(\.[0-9]+)*|dll|dylib|jnilib)$)|(^META-INF/native/.+[^/]$)'
found=0
nested=0
while read -r entry; do
    if [[ $entry =~ $pattern ]]; then echo "(top level): $entry"; found=$((found + 1)); fi
done < <(unzip -Z1 "$jar")

unzip -q "$jar" 'BOOT-INF/lib/*.jar' -d "$work"
for lib in "$work"/BOOT-INF/lib/*.jar; do
    nested=$((nested + 1))
    while read -r entry; do
        if [[ $entry =~ $pattern ]]; then echo "$(basename "$lib"): $entry"; found=$((found + 1)); fi
    done < <(unzip -Z1 "$lib")
done
echo "$nested nested jars, $found native files"
[ "$found" -eq 0 ]
