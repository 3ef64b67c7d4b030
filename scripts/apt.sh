# Sourced by the scripts: apt_install PACKAGE... installs the Debian packages that are missing.
apt_install() {
  local missing=() p sudo=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  ((${#missing[@]} == 0)) && return
  ((EUID == 0)) || sudo=(sudo)
  echo "installing ${missing[*]}"
  "${sudo[@]}" apt-get update >/dev/null
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
}
