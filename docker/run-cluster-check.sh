#!/usr/bin/env bash
# The production topology of docker/compose.yml proven with real processes on this machine (no Docker engine needed):
# downloads the Artemis distribution from Maven Central into a cache folder, makes a primary/backup pair with
# replication from it, starts a private MariaDB server, three hub nodes sharing them, drives HTTP, ISO 8583 and
# MQTT tills, kills one hub node and then the primary broker with kill -9 during the load, starts the node again,
# resends every acknowledged transaction and prints sent / acknowledged / credited / lost / doubled
# (docs/operations.md, "The cluster check"). Every process it starts is stopped at the end; ports are free ones.
#
#   docker/run-cluster-check.sh           the full check (20 s load phases, 2 tills per channel; ~5 minutes)
#   docker/run-cluster-check.sh --short   the CI check (8 s phases, 1 till per channel; ~4 minutes)
# Environment: CLUSTER_CACHE (default ~/.cache/loyalty-hub), ARTEMIS_VERSION (default: the pom's, else the newest
# distribution Maven Central serves; see below), CLUSTER_OUT (the JSON result), CHAOS_SEED, CLUSTER_KEEP=1 (keep logs).
# Exit status: 0 nothing acknowledged was lost or doubled, 1 something was, 2 the check could not be run.
set -euo pipefail
cd "$(dirname "$0")/.."

phase=20
tills=2
if [ "${1:-}" = "--short" ]; then
  phase=8
  tills=1
fi

cache="${CLUSTER_CACHE:-$HOME/.cache/loyalty-hub}"
mkdir -p "$cache"

# The broker distribution: org.apache.activemq:apache-artemis:<version>:tar.gz:bin (the client libraries moved to
# org.apache.artemis; the distribution did not). The pom's version first; where Maven Central does not serve that
# version's distribution, the newest one it serves (the hubs' 2.5x clients speak to it over the same core protocol).
pom_version="$(sed -n 's:.*<artemis.version>\(.*\)</artemis.version>.*:\1:p' pom.xml | head -1)"
fetch() {
  local version="$1"
  [ -x "$cache/apache-artemis-$version/bin/artemis" ] && return 0
  echo "[cluster-check] downloading Artemis $version from Maven Central into $cache"
  ./mvnw -B -q dependency:copy -Dartifact="org.apache.activemq:apache-artemis:$version:tar.gz:bin" \
      -DoutputDirectory="$cache" >/dev/null 2>&1 || return 1
  tar xzf "$cache/apache-artemis-$version-bin.tar.gz" -C "$cache"
}
artemis_version="${ARTEMIS_VERSION:-}"
if [ -z "$artemis_version" ]; then
  for candidate in "$pom_version" 2.40.0; do
    if fetch "$candidate"; then artemis_version="$candidate"; break; fi
    echo "[cluster-check] Maven Central serves no Artemis $candidate distribution"
  done
else
  fetch "$artemis_version" || { echo "[cluster-check] cannot download Artemis $artemis_version" >&2; exit 2; }
fi
[ -n "$artemis_version" ] || { echo "[cluster-check] no Artemis distribution could be downloaded" >&2; exit 2; }
echo "[cluster-check] broker pair: Artemis $artemis_version (the hub's client libraries: $pom_version)"

if [ ! -f routes/bench/target/loyalty-bench.jar ] || [ ! -f routes/bench/target/loyalty-hub.jar ]; then
  echo "[cluster-check] building the jars (./mvnw -B -DskipTests package)"
  ./mvnw -B -q -DskipTests package
fi
if [ ! -x /usr/sbin/mariadbd ]; then
  echo "[cluster-check] installing MariaDB (the check runs a private mariadbd on a free port)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q && apt-get install -y -q mariadb-server
fi

options=(--setup cluster --artemis-home "$cache/apache-artemis-$artemis_version" --cluster-phase-seconds "$phase"
  --tills "$tills" --recovery-seconds 60 --hub-start-seconds 180
  --out "${CLUSTER_OUT:-chaos-results/cluster-check.json}")
[ -n "${CHAOS_SEED:-}" ] && options+=(--seed "$CHAOS_SEED")
[ "${CLUSTER_KEEP:-}" = "1" ] && options+=(--keep)
exec java -jar routes/bench/target/loyalty-bench.jar chaos "${options[@]}"
