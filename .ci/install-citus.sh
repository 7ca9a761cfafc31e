#!/usr/bin/env bash
# Builds the Citus extension (distributed Postgres) for the scale-out test run from the source the
# team keeps beside the checkout (../shared/citus), and installs it into Postgres 15.
# The build is cached outside the clone, keyed by Citus version and the server's `pg_config --version`,
# so a second run only copies the built files in (`make install`, seconds); a server upgrade rebuilds.
set -euo pipefail
cd "$(dirname "$0")/.."

CITUS_VERSION=13.2.2
PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config
SRC_DIR=$(realpath "${CITUS_SRC_DIR:-../shared/citus}")
TARBALL="$SRC_DIR/citus-$CITUS_VERSION.tar.gz"
# Debian's 15.20 headers export have_createdb_privilege(), which Citus 13.2.2 also defines for older 15.x.
PATCH="$SRC_DIR/pg15.20-have_createdb_privilege.patch"

pg_version=$("$PG_CONFIG" --version | tr -c 'A-Za-z0-9.\n' '-')
CACHE_ROOT=${CITUS_CACHE_DIR:-/var/cache/replyline-citus}
BUILD_DIR="$CACHE_ROOT/citus-$CITUS_VERSION-$pg_version"

if [ ! -f "$BUILD_DIR/.built" ]; then
  [ -f "$TARBALL" ] || { echo "Citus source not found at $TARBALL" >&2; exit 1; }
  # Headers and libraries Citus compiles against: the server's headers and those the server was built with.
  missing=()
  for pkg in postgresql-server-dev-15 liblz4-dev libzstd-dev libkrb5-dev libselinux1-dev libxslt1-dev \
    libpam0g-dev libreadline-dev; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get -o DPkg::Lock::Timeout=600 update -qq && DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}" >/dev/null
  fi
  rm -rf "$BUILD_DIR" && mkdir -p "$BUILD_DIR"
  tar -xzf "$TARBALL" -C "$BUILD_DIR" --strip-components=1
  patch -s -d "$BUILD_DIR" -p1 < "$PATCH"
  # The statistics collector's HTTP client (libcurl) is not used: the cluster never calls out.
  # with_llvm=no: no JIT bitcode (it would double the build; the JIT is for analytics queries).
  if ! (cd "$BUILD_DIR" && PG_CONFIG=$PG_CONFIG ./configure -q --without-libcurl >/dev/null \
    && make -s -j"$(nproc)" with_llvm=no >/dev/null 2>build.log); then
    tail -30 "$BUILD_DIR/build.log" >&2
    echo "Citus build failed (full log: $BUILD_DIR/build.log)" >&2
    exit 1
  fi
  touch "$BUILD_DIR/.built"
fi
make -s -C "$BUILD_DIR" install with_llvm=no >/dev/null 2>&1
echo "citus: $CITUS_VERSION installed for $("$PG_CONFIG" --version) (build cached in $BUILD_DIR)"
