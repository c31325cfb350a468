# Sourced by the scripts of bin/: finds the project, builds the jar when it is missing or older
# than the sources, and defines run_java MAIN_CLASS ARGS... with the JVM options of this project.

CIRCUS_HOME="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CIRCUS_JAR="$CIRCUS_HOME/target/circus.jar"

circus_build_if_stale() {
  if [ -f "$CIRCUS_JAR" ] && [ -z "$(find "$CIRCUS_HOME/src/main" "$CIRCUS_HOME/pom.xml" -newer "$CIRCUS_JAR" -print -quit)" ]; then
    return 0
  fi
  echo "building circus (mvn package) ..." >&2
  (cd "$CIRCUS_HOME" && mvn -q -B -DskipTests package) >&2 || {
    echo "the build failed; run 'mvn -B package' in $CIRCUS_HOME to see why" >&2
    exit 1
  }
}

# A supervisor is small and long-lived: a serial collector and a modest heap keep its footprint
# low. CIRCUS_JAVA_OPTS replaces these defaults.
CIRCUS_DEFAULT_JAVA_OPTS="-XX:+UseSerialGC -Xms16m -Xmx128m -Xss512k -XX:TieredStopAtLevel=1"

run_java() {
  local main="$1"
  shift
  circus_build_if_stale
  # shellcheck disable=SC2086
  exec java ${CIRCUS_JAVA_OPTS:-$CIRCUS_DEFAULT_JAVA_OPTS} -cp "$CIRCUS_JAR" "$main" "$@"
}
