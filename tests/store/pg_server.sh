# Sourced by the PostGIS tests: starts a throwaway PostgreSQL 15 + PostGIS 3
# server (initdb in a temp dir, 127.0.0.1, a free port), sets PG_DSN, and
# stops it and removes everything on exit. initdb refuses root, so as root
# the server runs as the postgres system user the Debian package creates.
PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
pg_start() {
  if [ ! -x "$PG_BIN/initdb" ] || [ ! -f /usr/share/postgresql/15/extension/postgis.control ]; then
    echo "skip: PostgreSQL 15 + PostGIS 3 not installed (apt-get install postgresql postgresql-15-postgis-3)"
    exit 77
  fi
  PG_DIR=$(mktemp -d /tmp/sitmap-pg-XXXXXX)
  PG_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  as_pg=()
  if [ "$(id -u)" -eq 0 ]; then
    chown postgres "$PG_DIR"
    as_pg=(runuser -u postgres --)
  fi
  # autovacuum off: an ANALYZE between two exports may change the plan, and
  # with it the row order the byte-for-byte comparisons read.
  trap pg_stop EXIT
  "${as_pg[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust --no-sync > "$PG_DIR/initdb.log" 2>&1 ||
    { cat "$PG_DIR/initdb.log"; echo "initdb failed"; exit 1; }
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off -c autovacuum=off" start > /dev/null ||
    { cat "$PG_DIR/server.log"; echo "server did not start"; exit 1; }
  psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "CREATE DATABASE sitmap" &&
    psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d sitmap -q -c "CREATE EXTENSION postgis" ||
    { echo "cannot create the database with PostGIS"; exit 1; }
  PG_DSN="PG:host=127.0.0.1 port=$PG_PORT dbname=sitmap user=postgres"
}
pg_stop() {
  [ -n "${PG_DIR:-}" ] || return 0
  "${as_pg[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop > /dev/null 2>&1
  rm -rf "$PG_DIR"
  [ -z "${D:-}" ] || rm -rf "$D"
}
