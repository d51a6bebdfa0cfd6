#!/usr/bin/env bash
# Renders the phone icons from the SVGs in assets/ (run after changing them):
#   assets/icon.svg             rounded icon: Android launchers before 8.0
#   assets/icons/icon-square.svg full-bleed, opaque: iOS, the stores
#   assets/icons/icon-foreground.svg Android adaptive icon foreground (108 dp)
#   assets/icons/icon-mono.svg   white mark: Android notification icon
# Needs rsvg-convert (Debian: librsvg2-bin) and ImageMagick (imagemagick).
# tests/platform_files.rs checks every file's pixel size.
set -euo pipefail
cd "$(dirname "$0")/.."

svg() { # svg SOURCE SIZE OUT
  mkdir -p "$(dirname "$3")"
  rsvg-convert --width "$2" --height "$2" "$1" --output "$3"
}
opaque() { # opaque SOURCE SIZE OUT: no alpha channel (iOS refuses icons with one)
  local tmp
  tmp=$(mktemp --suffix .png)
  mkdir -p "$(dirname "$3")"
  svg "$1" "$2" "$tmp"
  /usr/bin/convert "$tmp" -background '#1f4d45' -alpha remove -alpha off -strip "PNG24:$3"
  rm -f "$tmp"
}

res=platforms/android/src/main/res
for pair in mdpi:1 hdpi:1.5 xhdpi:2 xxhdpi:3 xxxhdpi:4; do
  density=${pair%%:*} scale=${pair#*:}
  px() { awk -v dp="$1" -v s="$scale" 'BEGIN { printf "%d", dp * s }'; }
  svg assets/icon.svg "$(px 48)" "$res/mipmap-$density/ic_launcher_reps.png"
  svg assets/icons/icon-foreground.svg "$(px 108)" "$res/mipmap-$density/ic_launcher_reps_foreground.png"
  svg assets/icons/icon-mono.svg "$(px 24)" "$res/drawable-$density/ic_stat_reps.png"
done

ios=platforms/ios/AppIcon
opaque assets/icons/icon-square.svg 120 "$ios/AppIcon60x60@2x.png"
opaque assets/icons/icon-square.svg 180 "$ios/AppIcon60x60@3x.png"
opaque assets/icons/icon-square.svg 152 "$ios/AppIcon76x76@2x.png"
opaque assets/icons/icon-square.svg 167 "$ios/AppIcon83.5x83.5@2x.png"
opaque assets/icons/icon-square.svg 1024 "$ios/AppIcon-1024.png"

# The stores' listing icons.
svg assets/icons/icon-square.svg 512 assets/icons/play-store-512.png
echo "icons written"
