#!/usr/bin/env bash
# The test command: installs what the tests need when missing (PostgreSQL 15, Redis, aiosmtpd, Debian's chromium, a
# Java runtime and Node.js for the page audits), starts the servers on 127.0.0.1, runs `dotnet test SaaS.sln`, then
# audits the public pages (scripts/audit.sh), and stops whatever it started. Extra arguments go to `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "[test.sh] $*"; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v pg_ctlcluster >/dev/null 2>&1 || missing+=(postgresql)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
/usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
command -v node >/dev/null 2>&1 || missing+=(nodejs npm)
if [ ${#missing[@]} -gt 0 ]; then
  log "installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

started_pg=""
started_redis=""
smtp_pid=""
maildir=""
cleanup() {
  if [ -n "$smtp_pid" ]; then
    log "stopping the test SMTP server"
    kill "$smtp_pid" >/dev/null 2>&1 || true
    rm -rf "$maildir"
  fi
  if [ -n "$started_redis" ]; then
    log "stopping redis"
    redis-cli -h 127.0.0.1 -p 6379 shutdown nosave >/dev/null 2>&1 || true
  fi
  if [ -n "$started_pg" ]; then
    log "stopping postgresql $started_pg"
    as_root pg_ctlcluster "$started_pg" main stop >/dev/null 2>&1 || true
  fi
}
trap cleanup EXIT

# PostgreSQL: the newest installed cluster (Debian 12 ships 15), created by the package if it is missing.
pg_version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h 2>/dev/null | awk '{print $1" "$2}' | grep -q "^$pg_version main$"; then
  as_root pg_createcluster "$pg_version" main >/dev/null
fi
if ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  log "starting postgresql $pg_version"
  as_root pg_ctlcluster "$pg_version" main start
  started_pg="$pg_version"
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi
pg_password=${SPORTELLO_PG_PASSWORD:-sportello}
as_root su postgres -c "psql -q -c \"ALTER USER postgres PASSWORD '$pg_password'\"" >/dev/null
export SPORTELLO_TEST_POSTGRES="Host=127.0.0.1;Port=5432;Username=postgres;Password=$pg_password;Database=postgres"

# Redis, without persistence: tests use it for signals and keys only.
if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  log "starting redis"
  redis-server --bind 127.0.0.1 --port 6379 --save '' --appendonly no --daemonize yes >/dev/null
  started_redis=yes
  for _ in $(seq 1 30); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done
fi
export SPORTELLO_TEST_REDIS="127.0.0.1:6379"

# A real SMTP server that files every message it receives in a Maildir the tests read. Always our own instance,
# on a free port, so whatever else runs on the machine is left alone.
maildir=$(mktemp -d)
smtp_port=$(/usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
/usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$smtp_port" -c aiosmtpd.handlers.Mailbox "$maildir/box" >/dev/null 2>&1 &
smtp_pid=$!
for _ in $(seq 1 50); do (echo > "/dev/tcp/127.0.0.1/$smtp_port") >/dev/null 2>&1 && break; sleep 0.1; done
log "test SMTP server on 127.0.0.1:$smtp_port"
export SPORTELLO_TEST_SMTP="127.0.0.1:$smtp_port"
export SPORTELLO_TEST_MAILDIR="$maildir/box"

# Browser tests save their screenshots here (kept as artifacts).
export SPORTELLO_TEST_RESULTS="$PWD/TestResults"
mkdir -p "$SPORTELLO_TEST_RESULTS"

results=$(mktemp)
set +e
dotnet test SaaS.sln --nologo "$@" 2>&1 | tee "$results"
status=${PIPESTATUS[0]}
set -e

# Lighthouse and the Nu HTML checker on the public pages, once the tests pass; their scores are printed.
if [ "$status" -eq 0 ]; then
  set +e
  bash scripts/audit.sh
  status=$?
  set -e
  [ "$status" -eq 0 ] || log "the page audits missed their targets (see above)"
fi

# One closing line for the whole run, summed over the test projects.
awk '
  /(Passed|Failed)!  - Failed:/ {
    gsub(",", ""); for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1)
    }
  }
  END { printf "%d passed, %d failed, %d skipped\n", p, f, s }' "$results"
rm -f "$results"
exit "$status"
