#!/usr/bin/env bash
# Builds the example hook and plugin into target/extending.jar (the project's jar is built
# first when needed). Run it from anywhere; then see extending.ini.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/../../bin/_jvm.sh"
circus_build_if_stale
classes="$CIRCUS_HOME/target/extending-classes"
rm -rf "$classes"
mkdir -p "$classes"
javac --release 17 -d "$classes" -cp "$CIRCUS_JAR" "$CIRCUS_HOME"/examples/extending/src/com/example/*.java
jar cf "$CIRCUS_HOME/target/extending.jar" -C "$classes" .
echo "$CIRCUS_HOME/target/extending.jar"
