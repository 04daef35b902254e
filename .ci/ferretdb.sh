#!/usr/bin/env bash
# FerretDB 1.24.2 on PostgreSQL, on loopback: the MongoDB wire-protocol server the MongoDB store is tested against
# (a real MongoDB server cannot be installed on these machines; see DESIGN.md).
#
#   .ci/ferretdb.sh build   builds the ferretdb binary from the Go module proxy (cached in $FERRETDB_HOME)
#   .ci/ferretdb.sh start   starts PostgreSQL (Debian's cluster) and FerretDB on 127.0.0.1:27017, waits until ready
#   .ci/ferretdb.sh stop    stops FerretDB (PostgreSQL keeps running)
#
# Needs Go and Debian's postgresql package (apt-get install -y postgresql); runs as root (CI) or as a user who may
# use `pg_ctlcluster`. Tests then find the server at mongodb://127.0.0.1:27017 (or $QYZMET_TEST_MONGODB_URL).
set -euo pipefail

VERSION=v1.24.2
FERRETDB_HOME=${FERRETDB_HOME:-$HOME/.cache/qyzmet/ferretdb-$VERSION}
BIN=$FERRETDB_HOME/ferretdb
PORT=${FERRETDB_PORT:-27017}
PG_PASSWORD=qyzmet-test

build() {
  if [ -x "$BIN" ]; then return; fi
  mkdir -p "$FERRETDB_HOME"
  # `go install …/cmd/ferretdb@v1.24.2` builds, but the binary panics at start: FerretDB's build embeds its version
  # from build/version/version.txt, which its release process writes and the module lacks. So: the module's source
  # from the proxy, that one file written, then an ordinary `go build`.
  local src
  src=$(go mod download -json "github.com/FerretDB/FerretDB@$VERSION" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
  rm -rf "$FERRETDB_HOME/src"
  cp -r "$src" "$FERRETDB_HOME/src"
  chmod -R u+w "$FERRETDB_HOME/src"
  echo "$VERSION" >"$FERRETDB_HOME/src/build/version/version.txt"
  (cd "$FERRETDB_HOME/src" && go build -o "$BIN" ./cmd/ferretdb)
  rm -rf "$FERRETDB_HOME/src"
}

as_postgres() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

start_postgres() {
  local version cluster
  version=$(pg_lsclusters -h | awk 'NR==1 {print $1}')
  cluster=$(pg_lsclusters -h | awk 'NR==1 {print $2}')
  if [ -z "$version" ]; then
    # The server is installed but its package made no cluster (an image may turn that off): make the default one.
    version=$(ls /usr/lib/postgresql 2>/dev/null | sort -V | tail -1)
    if [ -z "$version" ]; then
      echo "PostgreSQL is not installed: apt-get install -y postgresql" >&2
      exit 1
    fi
    pg_createcluster "$version" main >/dev/null
    cluster=main
  fi
  if ! pg_lsclusters -h | awk 'NR==1 {print $4}' | grep -q online; then
    as_postgres pg_ctlcluster "$version" "$cluster" start
  fi
  # The role and database FerretDB stores its collections in (tables of jsonb).
  as_postgres psql -q -v ON_ERROR_STOP=1 -d postgres <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'ferretdb') THEN
    CREATE ROLE ferretdb LOGIN PASSWORD '$PG_PASSWORD';
  END IF;
END \$\$;
SQL
  if ! as_postgres psql -tAq -d postgres -c "SELECT 1 FROM pg_database WHERE datname = 'ferretdb'" | grep -q 1; then
    as_postgres createdb -O ferretdb ferretdb
  fi
}

start() {
  build
  start_postgres
  if (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null; then
    echo "FerretDB already listening on 127.0.0.1:$PORT"
    return
  fi
  mkdir -p "$FERRETDB_HOME/state"
  nohup "$BIN" --listen-addr="127.0.0.1:$PORT" --debug-addr=- --telemetry=disable --log-level=WARN \
    --state-dir="$FERRETDB_HOME/state" \
    --postgresql-url="postgres://ferretdb:$PG_PASSWORD@127.0.0.1:5432/ferretdb" \
    >"$FERRETDB_HOME/ferretdb.log" 2>&1 &
  echo $! >"$FERRETDB_HOME/ferretdb.pid"
  for _ in $(seq 1 100); do
    if (exec 3<>/dev/tcp/127.0.0.1/"$PORT") 2>/dev/null; then
      echo "FerretDB $VERSION on 127.0.0.1:$PORT (PostgreSQL backend; log $FERRETDB_HOME/ferretdb.log)"
      return
    fi
    sleep 0.1
  done
  echo "FerretDB did not start; its log:" >&2
  cat "$FERRETDB_HOME/ferretdb.log" >&2
  exit 1
}

stop() {
  if [ -f "$FERRETDB_HOME/ferretdb.pid" ]; then kill "$(cat "$FERRETDB_HOME/ferretdb.pid")" 2>/dev/null || true; fi
  rm -f "$FERRETDB_HOME/ferretdb.pid"
}

case "${1:-}" in
  build) build ;;
  start) start ;;
  stop) stop ;;
  *)
    echo "usage: $0 build|start|stop" >&2
    exit 2
    ;;
esac
