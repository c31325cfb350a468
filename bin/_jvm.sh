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

# A supervisor is small and long-lived. Each option measured with 1000 children by
# bench/jvm_flags.py (bench/README.md has the table), against the same set without it:
#   -XX:+UseSerialGC         one GC thread, no G1 remembered sets: RSS -9 MB, 6 threads fewer
#   -Xms16m -Xmx128m         a small heap that may still grow (1000 children use about 10 MB):
#                            RSS -47 MB (the JVM's default heap starts at 1/64 of the RAM)
#   -XX:TieredStopAtLevel=1  C1 only, no C2 compiling at start-up: RSS -15 MB, start -0.26 s
#   -XX:-UsePerfData         no hsperfdata file and no 50 ms sampling tick: idle CPU 0.15 % -> 0.05 %
# (-Xss512k, -XX:ReservedCodeCacheSize, -XX:MaxMetaspaceSize, -Xms8m and MALLOC_ARENA_MAX=2 changed
# nothing measurable, so they are not set.) CIRCUS_JAVA_OPTS replaces these defaults.
CIRCUS_DEFAULT_JAVA_OPTS="-XX:+UseSerialGC -Xms16m -Xmx128m -XX:TieredStopAtLevel=1 -XX:-UsePerfData"

# --- Class-data sharing (AppCDS) ---------------------------------------------------------------
# The JVM maps the classes of circusd from an archive instead of loading and verifying them from
# the jars: its first child runs 0.22 s sooner (0.59 -> 0.38 s after launch), 1000 children 0.23 s
# sooner. JDK 17 cannot make the archive by itself, so the first launch after a build makes it:
# a short training run of the daemon on a two-process configuration (about 3 s, once), whose
# classes are dumped at its exit. Each set of
# JVM options and each JDK gets its own archive under target/cds/. Anything that goes wrong only
# means running without the archive; CIRCUS_CDS=0 turns it off.

# True when the jar, a library jar or the JDK changed since FILE was written.
circus_cds_stale() {
  [ -n "$(find "$CIRCUS_JAR" "$CIRCUS_HOME/target/lib" "$CIRCUS_JAVA_MODULES" -newer "$1" -print -quit 2>/dev/null)" ]
}

# The sleep children of the training JVM $1 (pids), from /proc.
circus_cds_children() {
  local c
  # shellcheck disable=SC2013
  for c in $(cat /proc/"$1"/task/*/children 2>/dev/null); do
    [ "$(cat /proc/"$c"/comm 2>/dev/null)" = sleep ] && echo "$c"
  done
}

# Runs the daemon once with -XX:ArchiveClassesAtExit, checks the archive, and moves it to $2.
circus_cds_train() {
  local opts="$1" archive="$2" tmp pid i status
  local -a kids=()
  mkdir -p "$(dirname "$archive")" 2>/dev/null || return 1
  tmp="$(mktemp -d "${TMPDIR:-/tmp}/circus-cds.XXXXXX" 2>/dev/null)" || return 1
  [ -t 2 ] && echo "circusd: preparing the class-data archive (once per build, a few seconds) ..." >&2
  # Its endpoints on free ports: a circusd already running holds the default ones.
  printf '[circus]\nendpoint = tcp://127.0.0.1:0\npubsub_endpoint = tcp://127.0.0.1:0\ncheck_delay = 5\n\n[watcher:training]\ncmd = sleep 30\nnumprocesses = 2\n' >"$tmp/training.ini"
  # shellcheck disable=SC2086
  java $opts -XX:ArchiveClassesAtExit="$tmp/circus.jsa" -cp "$CIRCUS_JAR" io.circus.cli.Circusd \
    --log-output "$tmp/training.log" "$tmp/training.ini" </dev/null >"$tmp/training.out" 2>&1 &
  pid=$!
  # Interrupted meanwhile: stop the training daemon (it stops its children) before leaving.
  trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"; exit 130' INT
  trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$tmp"; exit 143' TERM HUP
  # Up to 15 s for its two children; then one is killed, to go through an exit and a respawn too.
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    kids=($(circus_cds_children "$pid"))
    [ "${#kids[@]}" -ge 2 ] && break
    sleep 0.05
  done
  if [ "${#kids[@]}" -ge 2 ]; then
    kill -KILL "${kids[0]}" 2>/dev/null
    for ((i = 0; i < 60; i++)); do
      kids=($(circus_cds_children "$pid"))
      [ "${#kids[@]}" -ge 2 ] && [ "${kids[0]}" != "${kids[1]}" ] && break
      sleep 0.05
    done
    sleep 0.2
  fi
  kill -TERM "$pid" 2>/dev/null
  for ((i = 0; i < 400; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.05
  done
  if kill -0 "$pid" 2>/dev/null; then
    kids=($(circus_cds_children "$pid"))
    kill -KILL "$pid" "${kids[@]}" 2>/dev/null
  fi
  status=0
  wait "$pid" 2>/dev/null || status=$?
  trap - INT TERM HUP
  # An archive the JVM cannot map is ignored, but a truncated one can crash it: use it only once
  # a JVM started with it (-Xshare:on fails rather than run without it).
  # shellcheck disable=SC2086
  if [ "$status" -eq 0 ] && [ -s "$tmp/circus.jsa" ] &&
    java $opts -Xshare:on -XX:SharedArchiveFile="$tmp/circus.jsa" -cp "$CIRCUS_JAR" io.circus.cli.Circusd --version \
      </dev/null >/dev/null 2>&1 &&
    mv -f "$tmp/circus.jsa" "$archive" 2>/dev/null; then
    rm -rf "$tmp"
    return 0
  fi
  rm -rf "$tmp"
  return 1
}

# Sets CIRCUS_CDS_ARCHIVE to the archive to use with options $1, making it first when needed;
# leaves it empty when there is none (turned off, options that choose their own, or it cannot be
# made). Runs in this shell (not a subshell), so that a signal to circusd reaches its traps.
# Call it as "circus_cds_prepare OPTS || true": set -e is then off inside.
circus_cds_prepare() {
  local opts="$1" java_bin key archive
  CIRCUS_CDS_ARCHIVE=""
  [ "${CIRCUS_CDS:-1}" != 0 ] || return 0
  case " $opts " in *" -Xshare"* | *SharedArchiveFile* | *ArchiveClassesAtExit* | *" -Xint "*) return 0 ;; esac
  java_bin="$(readlink -f "$(command -v java)" 2>/dev/null)"
  [ -n "$java_bin" ] || return 0
  CIRCUS_JAVA_MODULES="$(dirname "$(dirname "$java_bin")")/lib/modules"
  key="$(printf '%s\n%s\n' "$opts" "$java_bin" | cksum | cut -d ' ' -f 1)"
  archive="$CIRCUS_HOME/target/cds/circus-$key.jsa"
  if [ -s "$archive" ] && ! circus_cds_stale "$archive"; then
    CIRCUS_CDS_ARCHIVE="$archive"
    return 0
  fi
  # It failed for this build already: do not delay every launch by trying again.
  if [ -f "$archive.failed" ] && ! circus_cds_stale "$archive.failed"; then
    return 0
  fi
  [ -w "$CIRCUS_HOME/target" ] || return 0
  if circus_cds_train "$opts" "$archive" </dev/null >/dev/null; then
    rm -f "$archive.failed"
    CIRCUS_CDS_ARCHIVE="$archive"
  else
    touch "$archive.failed" 2>/dev/null
  fi
  return 0
}

run_java() {
  local main="$1" opts
  shift
  circus_build_if_stale
  opts="${CIRCUS_JAVA_OPTS:-$CIRCUS_DEFAULT_JAVA_OPTS}"
  circus_cds_prepare "$opts" || true
  if [ -n "$CIRCUS_CDS_ARCHIVE" ]; then
    # -Xlog: an archive that cannot be used (project moved, ...) is skipped without a warning.
    opts="$opts -XX:SharedArchiveFile=$CIRCUS_CDS_ARCHIVE -Xlog:cds=off,cds+dynamic=off"
  fi
  # CIRCUS_CLASSPATH: the user's hook and plugin classes (jars or directories, colon-separated),
  # after circus's own (a class-data archive still applies to a class path it is a prefix of).
  # shellcheck disable=SC2086
  exec java $opts -cp "$CIRCUS_JAR${CIRCUS_CLASSPATH:+:$CIRCUS_CLASSPATH}" "$main" "$@"
}
