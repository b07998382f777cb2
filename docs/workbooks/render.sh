#!/usr/bin/env bash
# Renders each shipped workbook as LibreOffice Calc prints it (the rule sheet, developer rows folded away) into
# docs/workbooks/<table>.png. Needs LibreOffice Calc and pdftoppm (Debian: libreoffice-calc-nogui poppler-utils).
# Run from the repository root after changing a table's layout: bash docs/workbooks/render.sh
set -euo pipefail
out="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for table in decision-tables/*.xlsx; do
  name="$(basename "$table" .xlsx)"
  soffice --headless --norestore "-env:UserInstallation=file://$work/profile" \
    --convert-to pdf --outdir "$work" "$table" >/dev/null
  # first page only (the rule sheet), at 110 dpi, cut to the table's height
  rows="$(unzip -p "$table" xl/worksheets/sheet1.xml | grep -o '<row ' | wc -l)"
  pdftoppm -png -r 110 -f 1 -l 1 -x 0 -y 0 -W 1210 -H "$(( 90 + 24 * rows / 4 ))" -singlefile "$work/$name.pdf" "$out/$name"
done
ls "$out"/*.png
