#!/usr/bin/env bash
# Installs Debian's Chromium for the end-to-end tests when it is missing.
set -eu
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
echo "Installing Debian's Chromium for the browser tests..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
/usr/bin/chromium --version
