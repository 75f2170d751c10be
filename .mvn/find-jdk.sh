# Sourced by ./mvnw (and .ci/run): makes JAVA_HOME point at a JDK 21 or newer.
# The Vaadin Maven plugin refuses to run unless Maven itself runs on Java 21+, and on these
# machines the default `java` is 17 with a newer JDK installed beside it, so a toolchain is not enough.
nexo_java_major() {
  # Prints the feature version of the java binary given as $1 (17, 21, 25...), or nothing.
  "$1" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

nexo_find_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(nexo_java_major "$JAVA_HOME/bin/java")
    [ -n "$v" ] && [ "$v" -ge 21 ] && return 0
  fi
  best=""
  best_v=0
  # mvnw runs with `set -f`; the search below needs globbing.
  case $- in *f*) nexo_noglob=1 ;; *) nexo_noglob=0 ;; esac
  set +f
  for dir in /usr/lib/jvm/* /opt/java/* /opt/jdk* /usr/local/lib/jvm/* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -x "$dir/bin/javac" ] || continue
    v=$(nexo_java_major "$dir/bin/java")
    [ -n "$v" ] || continue
    if [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then
      best="$dir"
      best_v="$v"
    fi
  done
  [ "$nexo_noglob" = 1 ] && set -f
  if [ -z "$best" ] && command -v javac >/dev/null 2>&1; then
    dir=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    v=$(nexo_java_major "$dir/bin/java")
    [ -n "$v" ] && [ "$v" -ge 21 ] && best="$dir"
  fi
  if [ -z "$best" ]; then
    echo "NEXO needs a JDK 21 or newer to build and run (Maven itself must run on it)." >&2
    echo "No JDK 21+ was found in JAVA_HOME, /usr/lib/jvm or on the PATH." >&2
    echo "Install one, for example: apt-get install -y openjdk-21-jdk-headless (or Temurin 21/25)," >&2
    echo "or set JAVA_HOME to an installed JDK 21+." >&2
    return 1
  fi
  JAVA_HOME="$best"
  export JAVA_HOME
}
