# Sourced by the build scripts: `debian_source DIR PACKAGE[=VERSION]` downloads a source
# package from Debian's bookworm registry into DIR (apt-get with a sources list of its own, so
# the machine's apt configuration is left alone).
debian_source() {
  local dir="$1" package="$2"
  mkdir -p "$dir/apt/lists/partial"
  cat > "$dir/apt/src.sources" <<X
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
X
  local o=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$dir/apt" -o "Dir::State::Lists=$dir/apt/lists")
  (cd "$dir" && apt-get "${o[@]}" update -qq >&2 && apt-get "${o[@]}" source --download-only "$package" >&2)
}
