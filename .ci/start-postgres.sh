#!/usr/bin/env bash
# Install (if needed) and start a local PostgreSQL server for the PostgreSQL tests, and print
# the URL they use. Loopback only; a throwaway role and database.
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq postgresql >/dev/null
fi
version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -q "^$version main$"; then
  pg_createcluster "$version" main >/dev/null
fi
pg_ctlcluster "$version" main start >/dev/null 2>&1 || true
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 && break
  sleep 1
done
su postgres -c "psql -q -tAc \"SELECT 1 FROM pg_roles WHERE rolname='cplc'\"" | grep -q 1 \
  || su postgres -c "psql -q -c \"CREATE ROLE cplc LOGIN CREATEDB PASSWORD 'cplc'\"" >/dev/null
echo "postgresql+psycopg://cplc:cplc@127.0.0.1:5432/postgres"
