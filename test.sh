#!/usr/bin/env bash
# The one test command (README): builds the solution and runs every test project.
# Its last line is the total, "N passed, N failed"; the exit code is non-zero if anything failed.
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is required (dotnet not found on PATH)" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

# The persistence tests start a private PostgreSQL from the system's server binaries (or use the
# server named by ACTOREXEC_TEST_POSTGRES); they are never skipped, so make sure one can be had.
have_postgres() { command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
if [ -z "${ACTOREXEC_TEST_POSTGRES:-}" ] && ! have_postgres; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing the PostgreSQL server (apt-get install postgresql) for the persistence tests..."
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq && apt-get install -y -qq postgresql >/dev/null || { echo "error: apt-get install postgresql failed" >&2; echo "0 passed, 1 failed"; exit 1; }
  else
    echo "error: the persistence tests need the PostgreSQL server programs (initdb, pg_ctl)." >&2
    echo "       Install them (Debian/Ubuntu: sudo apt-get install -y postgresql)," >&2
    echo "       or set ACTOREXEC_TEST_POSTGRES to the connection string of a server to use." >&2
    echo "0 passed, 1 failed"
    exit 1
  fi
fi

if ! dotnet build ActorExec.sln -c Release -warnaserror --nologo -v q; then
  echo "error: the build failed" >&2
  echo "0 passed, 1 failed"
  exit 1
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
passed=0
failed=0
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  # Test-support libraries (e.g. the venue test servers) hold no tests of their own.
  grep -q '<IsTestProject>true</IsTestProject>' "$project" || continue
  dotnet test "$project" -c Release --no-build \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results/$name" \
    --blame-hang-timeout 10m "$@"
  status=$?
  trx="$results/$name/$name.trx"
  if [ -f "$trx" ]; then
    counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
    # A crashed or hung test host exits non-zero without counting a failed test: count it.
    if [ "$status" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then failed=$((failed + 1)); fi
  else
    echo "error: $name produced no results (exit code $status)" >&2
    failed=$((failed + 1))
  fi
done

if [ "$failed" -gt 0 ]; then
  echo "Failed tests:"
  grep -ho 'testName="[^"]*"[^>]*outcome="Failed"' "$results"/*/*.trx 2>/dev/null | sed 's/testName="\([^"]*\)".*/  \1/' || true
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
