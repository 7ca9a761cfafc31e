#!/usr/bin/env bash
# Installs what the test suite needs from Debian: Chromium for browser tests, Postgres 15 with
# pgvector for the real-server test run, and poppler-utils for the PDF benchmark's reference. Idempotent: skips what is there.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

PG_BIN=/usr/lib/postgresql/15/bin
need_chromium=0; need_pg=0; need_vector=0; need_poppler=0; need_wordpress=0
command -v chromium >/dev/null || need_chromium=1
# pdftotext: the CPU-bound reference the PDF ingestion benchmark compares against.
command -v pdftotext >/dev/null || need_poppler=1
[ -x "$PG_BIN/initdb" ] && [ -x "$PG_BIN/pg_config" ] || need_pg=1
[ -f /usr/share/postgresql/15/extension/vector.control ] || need_vector=1
# The WordPress plugin's test: PHP with mysqli, MariaDB and Debian's WordPress.
{ command -v php >/dev/null && php -m | grep -qx mysqli && command -v mariadb-install-db >/dev/null \
  && [ -f /usr/share/wordpress/wp-settings.php ]; } || need_wordpress=1

if [ $((need_chromium + need_pg + need_vector + need_poppler + need_wordpress)) -eq 0 ]; then
  echo "system packages: already installed"; exit 0
fi

apt-get update -qq
pkgs=()
[ $need_chromium -eq 1 ] && pkgs+=(chromium)
[ $need_poppler -eq 1 ] && pkgs+=(poppler-utils)
[ $need_wordpress -eq 1 ] && pkgs+=(php-cli php-mysql mariadb-server wordpress)
[ $need_pg -eq 1 ] || [ $need_vector -eq 1 ] && pkgs+=(postgresql-15 postgresql-server-dev-15)
[ ${#pkgs[@]} -gt 0 ] && apt-get install -y -qq "${pkgs[@]}" >/dev/null

if [ $need_vector -eq 1 ]; then
  # Debian 12 has no pgvector package; the next release's source package builds against 15.
  # Reuse the archive address and key of the machine's own Debian source entry.
  src=/etc/apt/sources.list.d/debian.sources
  uris=$(awk '/^URIs:/ {print $2; exit}' "$src")
  key=$(awk '/^Signed-By:/ {print $2; exit}' "$src")
  printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: %s\n' "$uris" "$key" \
    > /etc/apt/sources.list.d/pgvector-src.sources
  apt-get update -qq
  apt-get install -y -qq dpkg-dev >/dev/null
  work=$(mktemp -d)
  (cd "$work" && apt-get source -qq pgvector >/dev/null 2>&1 && cd pgvector-*/ \
    && make -s PG_CONFIG="$PG_BIN/pg_config" >/dev/null && make -s install PG_CONFIG="$PG_BIN/pg_config" >/dev/null)
  rm -rf "$work"
fi
echo "system packages: chromium $(chromium --version 2>/dev/null | awk '{print $2}'), postgres $("$PG_BIN/postgres" --version | awk '{print $3}'), pgvector $(awk -F"'" '/default_version/ {print $2}' /usr/share/postgresql/15/extension/vector.control)"
