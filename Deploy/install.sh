#!/usr/bin/env bash
# Installs Kenshu on a Debian or Ubuntu HR server: builds the release binary, installs it with
# the catalogue, templates and systemd units, creates the kenshu user and the spool folders,
# and puts example config and rules in /etc/kenshu unless they exist (never overwritten).
# Idempotent: run it again after `git pull` to upgrade; files that did not change are left.
#
#   sudo Deploy/install.sh [--prefix /usr/local] [--dry-run] [--no-build | --binary PATH]
#
# --prefix DIR  where bin/kenshu and share/kenshu go (default /usr/local; the units name
#               /usr/local/bin/kenshu, so another prefix rewrites that path in them)
# --dry-run     print what would be done, change nothing
# --no-build    install the binary already built in .build-release
# --binary PATH install this kenshu binary (e.g. one built by CI) instead of building
set -euo pipefail

prefix=/usr/local
dry_run=0
build=1
binary=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) [[ $# -ge 2 ]] || { echo "install.sh: --prefix needs a folder" >&2; exit 2; }; prefix="${2%/}"; shift 2 ;;
        --prefix=*) prefix="${1#--prefix=}"; prefix="${prefix%/}"; shift ;;
        --dry-run) dry_run=1; shift ;;
        --no-build) build=0; shift ;;
        --binary) [[ $# -ge 2 ]] || { echo "install.sh: --binary needs a path" >&2; exit 2; }; binary="$2"; build=0; shift 2 ;;
        -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
        *) echo "install.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
    esac
done
case "$prefix" in /*) ;; *) echo "install.sh: --prefix must be an absolute path, not '$prefix'" >&2; exit 2 ;; esac

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
root="${DESTDIR:-}"
binary="${binary:-$repo/.build-release/release/kenshu}"

say() { printf '%s\n' "$*"; }
run() {
    if [[ $dry_run -eq 1 ]]; then say "would run: $*"; else "$@"; fi
}
# install_file SRC DEST MODE: copies when missing or different (idempotent).
install_file() {
    local src="$1" dest="$root$2" mode="$3"
    if [[ -f "$dest" ]] && cmp -s "$src" "$dest"; then
        say "unchanged  $2"
    else
        say "install    $2 (mode $mode)"
        run install -D -m "$mode" "$src" "$dest"
    fi
}
# install_prefixed SRC DEST MODE: a unit or config naming /usr/local/{bin,share}/kenshu,
# with those paths for this prefix.
install_prefixed() {
    local tmp
    tmp="$(mktemp)"
    sed -e "s#/usr/local/bin/kenshu#$prefix/bin/kenshu#g" -e "s#/usr/local/share/kenshu#$prefix/share/kenshu#g" "$1" > "$tmp"
    install_file "$tmp" "$2" "$3"
    rm -f "$tmp"
}
# install_once SRC DEST MODE: an example config, only where none exists yet.
install_once() {
    if [[ -e "$root$2" ]]; then say "keep       $2 (exists; compare with $1)"; else install_prefixed "$1" "$2" "$3"; fi
}

if [[ $build -eq 1 ]]; then
    say "build      swift build -c release --product kenshu (in $repo)"
    run swift build -c release --product kenshu --package-path "$repo" --scratch-path "$repo/.build-release"
fi
if [[ $dry_run -eq 0 && ! -x "$binary" ]]; then
    echo "install.sh: $binary is missing: build it first (drop --no-build)" >&2
    exit 1
fi

say "--- binary"
if [[ $dry_run -eq 1 && ! -x "$binary" ]]; then
    say "install    $prefix/bin/kenshu (mode 0755, from $binary once built)"
else
    install_file "$binary" "$prefix/bin/kenshu" 0755
fi

say "--- catalogue, templates, profiles, schemas ($prefix/share/kenshu)"
while IFS= read -r -d '' file; do
    rel="${file#"$repo/Catalog/"}"
    install_file "$file" "$prefix/share/kenshu/$rel" 0644
done < <(find "$repo/Catalog" -type f \( -path "$repo/Catalog/example/*" -prune -o -print0 \) | sort -z)
install_file "$repo/README.md" "$prefix/share/kenshu/README.md" 0644
for page in "$repo"/docs/*.md; do
    install_file "$page" "$prefix/share/kenshu/docs/$(basename "$page")" 0644
done

say "--- systemd units, user, folders"
for unit in kenshu.service kenshu-deliver.service kenshu-deliver.path kenshu-console.service; do
    install_prefixed "$repo/Deploy/systemd/$unit" "/etc/systemd/system/$unit" 0644
done
install_file "$repo/Deploy/sysusers.d/kenshu.conf" "/usr/lib/sysusers.d/kenshu.conf" 0644
install_file "$repo/Deploy/tmpfiles.d/kenshu.conf" "/usr/lib/tmpfiles.d/kenshu.conf" 0644

say "--- config (never overwritten)"
install_once "$repo/Deploy/etc/kenshu.yaml" /etc/kenshu/kenshu.yaml 0640
install_once "$repo/Deploy/etc/rules.yaml" /etc/kenshu/rules/rules.yaml 0640

if [[ -z "$root" ]]; then
    run systemd-sysusers /usr/lib/sysusers.d/kenshu.conf
    run systemd-tmpfiles --create /usr/lib/tmpfiles.d/kenshu.conf
    run chown -R root:kenshu /etc/kenshu
    run systemctl daemon-reload
fi
say "done. Next: edit /etc/kenshu/kenshu.yaml and rules.yaml, then"
say "  sudo systemctl enable --now kenshu.service kenshu-deliver.path"
