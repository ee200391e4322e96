#!/usr/bin/env bash
# Puts istioctl VERSION into DIR (unless it is already there) and prints its path.
#   fetch-istioctl.sh 1.30.3 "$KATARUN_CACHE_DIR/istio/1.30.3"
# Downloads the official release archive for this OS and CPU from GitHub and checks it
# against the .sha256 file published next to it (or KATARUN_ISTIOCTL_SHA256); without a
# checksum that matches, nothing is installed.
#
# The sums are not embedded yet: the machines this lab was built on reach no release page.
# To embed them, on a machine with internet (4 archives of the pinned version; the .sha256
# files are the release's own), run
#   v=1.30.3; for a in linux-amd64 linux-arm64 osx osx-arm64; do
#     curl -fsSL "https://github.com/istio/istio/releases/download/$v/istioctl-$v-$a.tar.gz.sha256"; done
# and put the four "SUM  NAME" lines into a case on $name below, ahead of the download.
set -euo pipefail

version=${1:?usage: fetch-istioctl.sh VERSION DIR}
dir=${2:?usage: fetch-istioctl.sh VERSION DIR}

if [ -x "$dir/istioctl" ]; then
  echo "$dir/istioctl"
  exit 0
fi

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=osx ;;
  *)
    echo "fetch-istioctl: no istioctl build for $(uname -s); install istioctl $version yourself (https://istio.io/latest/docs/setup/getting-started/#download) and put it on PATH" >&2
    exit 1
    ;;
esac
case "$(uname -m)" in
  x86_64 | amd64) arch=amd64 ;;
  arm64 | aarch64) arch=arm64 ;;
  *)
    echo "fetch-istioctl: no istioctl build for CPU $(uname -m); install istioctl $version yourself and put it on PATH" >&2
    exit 1
    ;;
esac

# Istio names the Intel macOS archive without an architecture suffix.
if [ "$os" = osx ] && [ "$arch" = amd64 ]; then
  name="istioctl-$version-osx.tar.gz"
else
  name="istioctl-$version-$os-$arch.tar.gz"
fi
url="https://github.com/istio/istio/releases/download/$version/$name"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "fetch-istioctl: downloading $url" >&2
curl -fsSL --retry 3 -o "$tmp/$name" "$url"
# Fail closed: an archive whose checksum cannot be checked is not installed. The checksum is
# KATARUN_ISTIOCTL_SHA256 when given (for a mirror, or a sum read from the release page),
# else the .sha256 file Istio publishes next to the archive.
want=${KATARUN_ISTIOCTL_SHA256:-}
if [ -z "$want" ]; then
  if ! curl -fsSL --retry 3 -o "$tmp/$name.sha256" "$url.sha256"; then
    echo "fetch-istioctl: could not download $url.sha256, so $name cannot be checked — not installing it. Retry, or install istioctl $version yourself and put it on PATH, or set KATARUN_ISTIOCTL_SHA256 to the archive's SHA-256 from the release page" >&2
    exit 1
  fi
  want=$(awk '{print $1}' "$tmp/$name.sha256")
fi
if command -v sha256sum >/dev/null 2>&1; then
  got=$(sha256sum "$tmp/$name" | awk '{print $1}')
else
  got=$(shasum -a 256 "$tmp/$name" | awk '{print $1}')
fi
if ! printf '%s' "$want" | grep -Eq '^[0-9a-f]{64}$' || [ "$want" != "$got" ]; then
  echo "fetch-istioctl: checksum mismatch for $name (expected ${want:-nothing}, got $got) — not installing it" >&2
  exit 1
fi
tar -xzf "$tmp/$name" -C "$tmp"
mkdir -p "$dir"
mv "$tmp/istioctl" "$dir/istioctl"
chmod +x "$dir/istioctl"
echo "$dir/istioctl"
