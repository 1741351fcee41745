#!/usr/bin/env bash
# Audits the public pages with Lighthouse (accessibility and best practices 100, SEO at least 95) and the Nu HTML
# checker (no errors), against the built host on a free loopback port with a fresh App_Data, and prints the scores.
# scripts/test.sh runs it after the tests; it needs Node.js, Java and Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { echo "[audit.sh] $*"; }
host_dll=src/Host/Sportello.Host/bin/${CONFIGURATION:-Debug}/net10.0/Sportello.Host.dll
[ -f "$host_dll" ] || dotnet build src/Host/Sportello.Host -nologo -v q
(cd scripts/audit && [ -d node_modules ] || npm ci --no-audit --no-fund --ignore-scripts --loglevel=error)

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
data=$(mktemp -d)
base="http://127.0.0.1:$port"
# Development serves the modules' static assets from the build output (a published host has them in wwwroot); the host
# filtering of Production is switched on explicitly.
Sportello__AppData="$data" Sportello__PublicUrl="$base" Sportello__Hosts__RefuseUnknown=true ASPNETCORE_ENVIRONMENT=Development \
  dotnet "$host_dll" --urls "$base" > "$data/host.log" 2>&1 &
host_pid=$!
trap 'kill $host_pid 2>/dev/null || true; wait $host_pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "$base/health/ready" > /dev/null && break; sleep 0.5; done
curl -sf "$base/demo/" > /dev/null || { log "the host did not start"; tail -n 40 "$data/host.log"; exit 1; }

log "auditing the public pages at $base"
node scripts/audit/audit.mjs \
  "$base/" "$base/demo/" "$base/demo/help" "$base/demo/help/spid" "$base/demo/help/spid/rinnovare-identita-spid" \
  "$base/demo/help/search?q=rinnovo" "$base/demo/help/informazioni-legali/informativa-privacy" \
  "$base/demo/account/login" "$base/demo/account/register" "$base/demo/account/forgot-password"
