#!/usr/bin/env bash
# deploy/dataproc/init-java17.sh: Dataproc initialization action (runs as root on every node when the
# cluster is created; create-cluster.sh uploads it and passes it with --initialization-actions).
#
# Dataproc 2.2 / 2.3 images (Spark 3.5) run Java 11; the miracs jar is compiled for Java 17. This installs
# the distribution's Java 17 runtime next to the image's JDK, keeps the image's default `java` (Hadoop and
# the other services stay on it) and links the new runtime at /usr/lib/jvm/miracs-java17. Spark then uses
# it for the YARN application master (the driver in cluster deploy mode) and the executors through
# spark.yarn.appMasterEnv.JAVA_HOME and spark.executorEnv.JAVA_HOME (set by create-cluster.sh).
# The nodes need outbound access to the OS package mirrors (external IPs or Cloud NAT).
set -euo pipefail

LINK=/usr/lib/jvm/miracs-java17

log() { printf 'init-java17: %s\n' "$*" >&2; }

retry() {
  local i
  for i in 1 2 3 4 5; do
    if "$@"; then
      return 0
    fi
    log "attempt $i of '$*' failed; retrying"
    sleep $((i * 10))
  done
  return 1
}

previous_java=""
if command -v java >/dev/null 2>&1; then
  previous_java="$(readlink -f "$(command -v java)")"
fi
log "default java before: ${previous_java:-none}"

if command -v apt-get >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  retry apt-get update -q
  retry apt-get install -y -q --no-install-recommends openjdk-17-jre-headless
  alternatives_cmd=update-alternatives
elif command -v dnf >/dev/null 2>&1; then
  retry dnf install -y -q java-17-openjdk-headless
  alternatives_cmd=alternatives
else
  log "neither apt-get nor dnf found: cannot install Java 17"
  exit 1
fi

java17_home=""
for d in /usr/lib/jvm/java-17-openjdk*; do
  if [[ -x "$d/bin/java" && ! -L "$d" ]]; then
    java17_home="$d"
    break
  fi
done
if [[ -z "$java17_home" ]]; then
  log "Java 17 was installed but no /usr/lib/jvm/java-17-openjdk* runtime was found"
  exit 1
fi
ln -sfn "$java17_home" "$LINK"
log "linked $LINK -> $java17_home"

# Installing a JDK package may move the system-wide `java` alternative; put the image's default back.
if [[ -n "$previous_java" ]]; then
  now="$(readlink -f "$(command -v java)")"
  if [[ "$now" != "$previous_java" ]]; then
    if "$alternatives_cmd" --set java "$previous_java"; then
      log "restored the default java to $previous_java"
    else
      log "WARNING: the default java is now $now (was $previous_java) and could not be restored"
    fi
  fi
fi

"$LINK/bin/java" -version
