#!/bin/sh
# Before `make run`: are the system libraries Qt's xcb (X11) platform plugin needs installed?
# Without them Qt aborts with "Could not load the Qt platform plugin xcb". Lists what is
# missing, installs it with apt-get when run as root, else prints the one apt-get line to run.
#
# Usage: tools/check-qt-libs.sh [VENV]   (default .venv)
# Skipped when QT_QPA_PLATFORM is offscreen (or minimal) or the venv has no xcb plugin.
# For tests: LDD=command to use instead of ldd; SHIPSHAPE_QT_LIBS_NO_INSTALL=1 only reports.
set -u

VENV=${1:-.venv}
LDD=${LDD:-ldd}

case "${QT_QPA_PLATFORM:-}" in
    offscreen* | minimal*) exit 0 ;;
esac

plugin=$(ls "$VENV"/lib/python3*/site-packages/PySide6/Qt/plugins/platforms/libqxcb.so \
    2>/dev/null | head -n 1)
[ -n "$plugin" ] || exit 0

# Debian package for each library soname ldd may report as "not found".
package_for() {
    case "$1" in
        libxcb-icccm.so*) echo libxcb-icccm4 ;;
        libxcb-keysyms.so*) echo libxcb-keysyms1 ;;
        libxcb-image.so*) echo libxcb-image0 ;;
        libxcb-render-util.so*) echo libxcb-render-util0 ;;
        libxcb-cursor.so*) echo libxcb-cursor0 ;;
        libxcb-xinerama.so*) echo libxcb-xinerama0 ;;
        libxcb-xkb.so*) echo libxcb-xkb1 ;;
        libxcb-randr.so*) echo libxcb-randr0 ;;
        libxcb-shape.so*) echo libxcb-shape0 ;;
        libxcb-shm.so*) echo libxcb-shm0 ;;
        libxcb-sync.so*) echo libxcb-sync1 ;;
        libxcb-xfixes.so*) echo libxcb-xfixes0 ;;
        libxcb-render.so*) echo libxcb-render0 ;;
        libxcb-glx.so*) echo libxcb-glx0 ;;
        libxcb-xinput.so*) echo libxcb-xinput0 ;;
        libxcb-util.so*) echo libxcb-util1 ;;
        libxcb.so*) echo libxcb1 ;;
        libxkbcommon-x11.so*) echo libxkbcommon-x11-0 ;;
        libxkbcommon.so*) echo libxkbcommon0 ;;
        libX11-xcb.so*) echo libx11-xcb1 ;;
        libX11.so*) echo libx11-6 ;;
        libSM.so*) echo libsm6 ;;
        libICE.so*) echo libice6 ;;
        libfontconfig.so*) echo libfontconfig1 ;;
        libfreetype.so*) echo libfreetype6 ;;
        libdbus-1.so*) echo libdbus-1-3 ;;
        libGL.so*) echo libgl1 ;;
        libEGL.so*) echo libegl1 ;;
        libOpenGL.so*) echo libopengl0 ;;
        libglib-2.0.so* | libgthread-2.0.so*) echo libglib2.0-0 ;;
        *) echo "?$1" ;;  # unknown: named as the library, so the user can look it up
    esac
}

missing=$("$LDD" "$plugin" 2>/dev/null | awk '/not found/ {print $1}' | sort -u)
[ -n "$missing" ] || exit 0

packages=""
unknown=""
for lib in $missing; do
    pkg=$(package_for "$lib")
    case "$pkg" in
        \?*) unknown="$unknown ${pkg#?}" ;;
        *) case " $packages " in *" $pkg "*) ;; *) packages="$packages $pkg" ;; esac ;;
    esac
done
packages=${packages# }

echo "Qt's window plugin (xcb) needs system libraries that are missing:" $missing >&2
if [ -n "$packages" ] && [ "$(id -u)" = 0 ] && [ -z "${SHIPSHAPE_QT_LIBS_NO_INSTALL:-}" ] \
    && command -v apt-get >/dev/null 2>&1; then
    echo "Installing: $packages" >&2
    # shellcheck disable=SC2086  # one word per package
    if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages; then
        [ -z "$unknown" ] && exit 0
    fi
fi
if [ -n "$packages" ]; then
    echo "Install them, then run again:" >&2
    echo "  sudo apt-get install -y $packages" >&2
fi
if [ -n "$unknown" ]; then
    echo "No known Debian package for:$unknown (search: apt-file search <name>)" >&2
fi
exit 1
