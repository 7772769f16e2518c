#!/usr/bin/env bash
# Make sure headless Chromium is here for the browser tests: Debian's package
# (playwright-core drives it; no browser download). Prints its path.
#   scripts/chromium.sh ensure
set -euo pipefail
log() { printf '[chromium] %s\n' "$*" >&2; }
bin="${CHROMIUM_PATH:-/usr/bin/chromium}"

ensure() {
  if [[ -x "$bin" ]]; then echo "$bin"; return 0; fi
  command -v apt-get >/dev/null || { log "no $bin and no apt-get to install Debian's chromium; set CHROMIUM_PATH"; exit 1; }
  local sudo=()
  if [[ "$(id -u)" != 0 ]]; then
    command -v sudo >/dev/null || { log "installing chromium needs root (apt-get install chromium)"; exit 1; }
    sudo=(sudo -n)
  fi
  log "installing Debian's chromium (once)"
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >&2; then
    "${sudo[@]}" apt-get update >&2
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium >&2
  fi
  [[ -x "$bin" ]] || { log "chromium installed but $bin is missing"; exit 1; }
  echo "$bin"
}

case "${1:-}" in
  ensure) ensure ;;
  *) echo "usage: $0 ensure" >&2; exit 2 ;;
esac
