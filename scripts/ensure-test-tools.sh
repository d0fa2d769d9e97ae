#!/usr/bin/env bash
# Installs what the tests use from Debian when it is missing, so that `./mvnw verify` passes on a
# fresh machine: Chromium for the browser tests, poppler-utils (pdftotext, pdftoppm, pdffonts,
# pdfinfo) for reading back the PDFs Hyte writes, LibreOffice Writer (libreoffice-writer-nogui) for
# opening the DOCX it writes. As root it uses apt-get; otherwise it says what to run.
set -euo pipefail
missing=()
if ! { command -v chromium >/dev/null 2>&1 && [ -x /usr/bin/chromium ]; }; then
  missing+=(chromium fonts-dejavu-core)
fi
for tool in pdftotext pdftoppm pdffonts pdfinfo; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    missing+=(poppler-utils)
    break
  fi
done
if ! command -v libreoffice >/dev/null 2>&1; then
  missing+=(libreoffice-writer-nogui)
fi
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "Hyte tests: installing Debian's ${missing[*]}…"
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "Run as root, or install them first: apt-get install ${missing[*]}" >&2; exit 1
  fi
else
  SUDO=""
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
/usr/bin/chromium --version
pdftotext -v 2>&1 | head -1
libreoffice --version
