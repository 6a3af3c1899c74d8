# shellcheck shell=bash
# Start a throw-away PostgreSQL for the register's storage tests and export
# TEST_DATABASE_URL. Meant to be SOURCED (by .ci/run, or by hand):
#
#   source .ci/setup-postgres.sh && python -m pytest -q tests/test_register_*.py
#
# - Installs Debian's `postgresql` package with apt-get if no server is found
#   (needs root or password-less sudo).
# - Creates a new cluster in a temporary folder, listening on 127.0.0.1 only
#   (port PGTEST_PORT, default: a free port from 55432 up), with a test user and
#   database (password authentication over TCP).
# - Exports TEST_DATABASE_URL=postgresql+psycopg://…; the tests then run on
#   SQLite and on PostgreSQL.
# - Stops the server when the sourcing shell exits (unless that shell already
#   has an EXIT trap; then call `stop_test_postgres` yourself).
# Returns non-zero (does not exit the sourcing shell) when something fails.

_pgtest_fail() {
  echo "setup-postgres: $*" >&2
  return 1
}

_pgtest_as_owner() {
  # initdb/pg_ctl refuse to run as root: run them as the postgres system user.
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

_pgtest_bin_dir() {
  local dir
  dir="$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -type d -name bin 2>/dev/null | sort -V | tail -n 1)"
  [ -n "$dir" ] && [ -x "$dir/initdb" ] && echo "$dir"
}

_pgtest_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null || {
      _pgtest_fail "PostgreSQL is not installed and apt-get needs root (or password-less sudo)."
      return 1
    }
    sudo="sudo -n"
  fi
  echo "setup-postgres: installing Debian's postgresql with apt-get …" >&2
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1 || {
    $sudo apt-get update -qq >/dev/null 2>&1 &&
      $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null 2>&1
  } || {
    _pgtest_fail "apt-get install postgresql failed."
    return 1
  }
}

_pgtest_free_port() {
  local port="${PGTEST_PORT:-55432}"
  while (echo >"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    port=$((port + 1))
  done
  echo "$port"
}

stop_test_postgres() {
  if [ -n "${PGTEST_DATA_DIR:-}" ] && [ -d "$PGTEST_DATA_DIR" ]; then
    _pgtest_as_owner "$PGTEST_BIN/pg_ctl" -D "$PGTEST_DATA_DIR/cluster" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PGTEST_DATA_DIR"
  fi
  unset PGTEST_DATA_DIR TEST_DATABASE_URL
}

_pgtest_setup() {
  local bin data port password user="hedensted_test" db="hedensted_test"
  bin="$(_pgtest_bin_dir)" || true
  if [ -z "$bin" ]; then
    _pgtest_install || return 1
    bin="$(_pgtest_bin_dir)" || { _pgtest_fail "no PostgreSQL server after installing."; return 1; }
  fi
  if [ "$(id -u)" -eq 0 ] && ! id postgres >/dev/null 2>&1; then
    _pgtest_fail "the postgres system user is missing (initdb cannot run as root)."
    return 1
  fi
  data="$(mktemp -d "${TMPDIR:-/tmp}/pgtest.XXXXXX")" || return 1
  [ "$(id -u)" -eq 0 ] && chown postgres: "$data"
  chmod 700 "$data"
  port="$(_pgtest_free_port)"
  password="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"

  _pgtest_as_owner "$bin/initdb" -D "$data/cluster" -U postgres --auth-local=trust \
    --auth-host=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$data.initdb.log" 2>&1 || {
    cat "$data.initdb.log" >&2
    rm -rf "$data" "$data.initdb.log"
    _pgtest_fail "initdb failed."
    return 1
  }
  rm -f "$data.initdb.log"
  _pgtest_as_owner "$bin/pg_ctl" -D "$data/cluster" -l "$data/cluster/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$data" \
    start >/dev/null || {
    cat "$data/cluster/server.log" >&2
    rm -rf "$data"
    _pgtest_fail "the server did not start."
    return 1
  }
  PGTEST_BIN="$bin"
  PGTEST_DATA_DIR="$data"
  export PGTEST_BIN PGTEST_DATA_DIR

  _pgtest_as_owner "$bin/psql" -h "$data" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -q \
    -c "CREATE ROLE $user LOGIN PASSWORD '$password'" \
    -c "CREATE DATABASE $db OWNER $user" >/dev/null || {
    stop_test_postgres
    _pgtest_fail "could not create the test user and database."
    return 1
  }
  export TEST_DATABASE_URL="postgresql+psycopg://$user:$password@127.0.0.1:$port/$db"
  if [ -z "$(trap -p EXIT)" ]; then
    trap stop_test_postgres EXIT
  fi
  echo "setup-postgres: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port, TEST_DATABASE_URL exported." >&2
}

_pgtest_setup
