#!/usr/bin/env bash
# Debian packages the test suite needs beyond a fresh machine: Qt's runtime libraries for the
# offscreen platform, and binutils (objdump) for PyInstaller's build of the frozen app (normally
# present; installed only if one is missing), and LibreOffice's spreadsheet without its GUI, which
# writes the office-suite workbooks tests/services/test_xlsx_office.py imports.
set -euo pipefail
needed=(libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libglib2.0-0 binutils
        libreoffice-calc-nogui)
missing=()
for pkg in "${needed[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >/dev/null
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
