#!/usr/bin/env bash
# Compile the CSS and copy GOV.UK Frontend's JavaScript into the Django app's
# static folder. The output is committed, so running the service needs no Node.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
static="$here/../workforce_health/web/static"
govuk="$here/node_modules/govuk-frontend/dist/govuk"
cd "$here"

if [[ ! -d node_modules ]]; then
  npm ci --no-audit --no-fund --ignore-scripts
fi

mkdir -p "$static/workforce_health" "$static/govuk"
npx sass --load-path=node_modules --quiet-deps --style=compressed --no-source-map \
  scss/app.scss "$static/workforce_health/app.css"
# Without the source map comment: the map is not shipped (and would trip the
# manifest storage of collectstatic if it were ever processed).
sed 's|//# sourceMappingURL=.*$||' "$govuk/govuk-frontend.min.js" >"$static/govuk/govuk-frontend.min.js"

# GOV.UK's own icons show the crown, which only GOV.UK may use: the service has
# its own (static/workforce_health/images/, committed by hand). Copy any
# GOV.UK image the CSS asks for (none at present: see scss/_url-handlers.scss).
for image in $(grep -o '/static/govuk/assets/images/[^")]*' "$static/workforce_health/app.css" | sort -u); do
  mkdir -p "$static/govuk/assets/images"
  cp "$govuk/assets/images/$(basename "$image")" "$static/govuk/assets/images/"
done

# Guard: no GDS Transport, and every url() stays under /static/ or is inline.
css="$static/workforce_health/app.css"
if grep -q "GDS Transport" "$css"; then
  echo "build.sh: compiled CSS mentions GDS Transport" >&2; exit 1
fi
if grep -o 'url([^)]*)' "$css" | grep -v -e '^url("\?/static/' -e '^url("\?data:'; then
  echo "build.sh: compiled CSS has a url() outside /static/" >&2; exit 1
fi
echo "Built $(wc -c <"$css") bytes of CSS"
