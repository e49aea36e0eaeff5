# Sourced by .ci/run. Finds headless Chromium and its driver exactly as the browser tests do
# (src/test/java/dev/warta/browser/Browser.java; keep the two in step):
#   1. $CHROMIUM_PATH / $CHROMEDRIVER_PATH when set (the tests also take -Dchromium.path / -Dchromedriver.path),
#      and nothing else then;
#   2. else the first of the names found on PATH: chromium, chromium-browser / chromedriver;
#   3. else the first executable of the fixed paths: /usr/bin/chromium, /usr/lib/chromium/chromium /
#      /usr/bin/chromedriver, /usr/lib/chromium/chromedriver.
# Each function prints the path, or nothing when there is none; it always succeeds (safe under set -e).

find_executable() { # OVERRIDE_VARIABLE name... -- fixed_path...
  local override=$1 name
  shift
  if [[ -n "${!override:-}" ]]; then
    [[ -f "${!override}" && -x "${!override}" ]] && echo "${!override}"
    return 0
  fi
  local names=()
  while [[ $# -gt 0 && $1 != -- ]]; do names+=("$1"); shift; done
  [[ $# -gt 0 ]] && shift
  local dirs dir path
  IFS=: read -r -a dirs <<<"${PATH:-}"
  for name in "${names[@]}"; do
    for dir in "${dirs[@]}"; do
      path=${dir:-.}/$name
      [[ -f $path && -x $path ]] && { echo "$path"; return 0; }
    done
  done
  for path in "$@"; do
    [[ -f $path && -x $path ]] && { echo "$path"; return 0; }
  done
  return 0
}

find_chromium() { find_executable CHROMIUM_PATH chromium chromium-browser -- /usr/bin/chromium /usr/lib/chromium/chromium; }
find_chromedriver() { find_executable CHROMEDRIVER_PATH chromedriver -- /usr/bin/chromedriver /usr/lib/chromium/chromedriver; }
