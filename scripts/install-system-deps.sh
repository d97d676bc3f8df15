#!/usr/bin/env bash
# System packages govcap's tests and documents need, from Debian's archive (run as root).
set -euo pipefail
packages=(
  chromium                       # browser tests, screenshots, page-weight bench
  fonts-noto-core fonts-dejavu-core  # PDF text in Latin, Arabic, Ethiopic scripts
  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0  # WeasyPrint
  poppler-utils                  # pdftoppm, to look at PDFs
  gettext                        # compilemessages
)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "missing system packages: ${missing[*]} — run as root: sudo $0" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# matplotlib caches the fonts it found; a cache made before the Noto fonts were installed
# would keep drawing the documents' charts without them (Arabic labels in a fallback font)
rm -rf "${MPLCONFIGDIR:-${XDG_CACHE_HOME:-$HOME/.cache}/matplotlib}"
echo "system packages installed: ${missing[*]}"
