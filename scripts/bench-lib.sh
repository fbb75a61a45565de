# Shared by scripts/load.sh and scripts/crash.sh (source it, do not run it).
# Builds what is missing, compiles the generator, and starts/stops a private PostgreSQL server
# with durable defaults (fsync=on, synchronous_commit=on): never the test suite's fsync=off.
PGBIN=/usr/lib/postgresql/15/bin
CP="target/test-classes:target/quarkus-app/lib/main/*"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

stale() {  # $1 = a built jar: missing, or older than a source file or the pom
  [ ! -f "$1" ] || [ -n "$(find src/main pom.xml -newer "$1" -print -quit)" ]
}

build_jars() {  # $1 = h2|pg; rebuilds a jar whose sources changed since it was built
  if stale target/quarkus-app/quarkus-run.jar; then ./mvnw -q -B -DskipTests package; fi
  if [ "$1" = pg ] && stale target/quarkus-app-pg/quarkus-run.jar; then
    ./mvnw -q -B -DskipTests -Dquarkus.profile=pg -Dquarkus.package.output-directory=quarkus-app-pg package
  fi
  ./mvnw -q -B test-compile
}

as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$*"; else bash -c "$*"; fi; }

pg_start() {  # sets PG_PORT, PG_DATA, PG_SOCK; PostgreSQL's defaults otherwise (fsync on)
  [ -x $PGBIN/initdb ] || { echo "PostgreSQL 15 missing: run scripts/install-test-deps.sh as root" >&2; exit 1; }
  PG_PORT=$(free_port)
  PG_DATA=$(mktemp -d /tmp/credence-bench-pg.XXXXXX)
  PG_SOCK=$(mktemp -d /tmp/credence-bench-pgsock.XXXXXX)
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DATA" "$PG_SOCK"
  as_postgres "$PGBIN/initdb -D $PG_DATA -U postgres --auth-local=trust --auth-host=trust -E UTF8 --locale=C.UTF-8" >/dev/null
  as_postgres "$PGBIN/pg_ctl -D $PG_DATA -l $PG_DATA/server.log -o '-p $PG_PORT -k $PG_SOCK -c listen_addresses=127.0.0.1 -c max_connections=200' -w start" >/dev/null
  echo "PostgreSQL 15 on 127.0.0.1:$PG_PORT (data $PG_DATA; fsync and synchronous_commit at their defaults, on)"
}

pg_stop() {
  [ -n "${PG_DATA:-}" ] || return 0
  as_postgres "$PGBIN/pg_ctl -D $PG_DATA -m fast stop" >/dev/null 2>&1 || true
  rm -rf "$PG_DATA" "$PG_SOCK"
}
