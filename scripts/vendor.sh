#!/usr/bin/env bash
# Fetch one file of an npm package (with its licence and version) into a vendor folder.
# Usage: scripts/vendor.sh PACKAGE VERSION PATH-IN-PACKAGE DEST-DIR
set -euo pipefail
package=$1 version=$2 file=$3 dest=$4
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$package@$version" >/dev/null)
tar -xzf "$work"/*.tgz -C "$work"
mkdir -p "$dest"
cp "$work/package/$file" "$dest/"
for licence in "$work"/package/LICEN[CS]E*; do cp "$licence" "$dest/"; done
integrity=$(sha256sum "$dest/$(basename "$file")" | cut -d' ' -f1)
printf 'package: %s\nversion: %s\nfile: %s\nsha256: %s\nsource: npm registry (npm pack)\n' \
  "$package" "$version" "$file" "$integrity" > "$dest/VERSION"
echo "vendored $package@$version → $dest"
