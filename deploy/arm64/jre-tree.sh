#!/usr/bin/env bash
# Builds a minimal Debian arm64 file tree with an OpenJDK runtime, without root-filesystem tools or a
# chroot: apt (with a private state directory, so the host's package lists stay untouched) resolves
# and downloads the arm64 packages, and `dpkg -x` unpacks them into one folder. run-login.sh then runs
# the application's jar in that tree under qemu-user, to see it answer on an arm64 CPU.
#
#   deploy/arm64/jre-tree.sh [DIR] [SUITE] [JRE_PACKAGE]
#   defaults: DIR=/work/pi-arm64, SUITE=trixie, JRE_PACKAGE=openjdk-21-jre-headless
#
# Needs apt, dpkg and network access to a Debian mirror (NEXO_DEBIAN_MIRROR). About 60 MB of
# downloads, 340 MB unpacked; keep DIR outside the repository and delete it when done.
set -euo pipefail

dir=${1:-/work/pi-arm64}
suite=${2:-trixie}
jre=${3:-openjdk-21-jre-headless}
mirror=${NEXO_DEBIAN_MIRROR:-http://deb.debian.org/debian}

state=$dir/apt
root=$dir/root
mkdir -p "$state"/{lists/partial,archives/partial,etc/preferences.d} "$root"
: > "$state"/status
echo "deb [arch=arm64] $mirror $suite main" > "$state"/etc/sources.list

apt_private=(
    -o APT::Architecture=arm64
    -o APT::Architectures::=arm64
    -o Dir::State="$state"
    -o Dir::State::status="$state"/status
    -o Dir::Cache="$state"
    -o Dir::Cache::archives="$state"/archives
    -o Dir::Etc::sourcelist="$state"/etc/sources.list
    -o Dir::Etc::sourceparts=-
    -o Dir::Etc::preferencesparts="$state"/etc/preferences.d
    -o Debug::NoLocking=true
    -o APT::Install-Recommends=false
)

apt-get "${apt_private[@]}" update
# With an empty status file apt believes nothing is installed, so it downloads the whole closure
# (libc6 included) of the runtime package.
apt-get "${apt_private[@]}" -y --download-only install "$jre"

# Debian since trixie keeps /bin and /lib under /usr ("merged /usr"); debootstrap would make these
# links, dpkg -x does not. The ELF interpreter is /lib/ld-linux-aarch64.so.1.
mkdir -p "$root"/usr/bin "$root"/usr/lib "$root"/usr/sbin
for d in bin lib sbin; do
    [ -e "$root/$d" ] || ln -s "usr/$d" "$root/$d"
done
for deb in "$state"/archives/*.deb; do
    dpkg -x "$deb" "$root"
done
# The runtime's configuration (conf/security/java.security and others) is linked to absolute paths
# under /etc, which would resolve on the host, not in the tree: point such links into the tree.
# The CA certificate store, made by a maintainer script that does not run here, stays missing: the
# application needs none for a local HTTP check.
find "$root" -type l | while read -r link; do
    target=$(readlink "$link")
    case "$target" in
    /*) ln -sfn "$root$target" "$link" ;;
    esac
done
java=$(find "$root"/usr/lib/jvm -path '*/bin/java' -type f | head -1)
echo "arm64 java: $java"
file "$java" 2>/dev/null || true
