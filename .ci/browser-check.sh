#!/usr/bin/env bash
# Opens a MIRACS HTML report in headless Debian chromium, as a reader would, and checks that
#  - the page loads without console errors or failed requests (it must not load anything: self-contained),
#  - every figure rendered: each <figure class="rendered"> holds an <svg> with drawn marks,
#    and the figures the report expects (Fig. 1a, 1b, 1c, 2a, 2c, 2d-h by default) are there,
#  - a full-page screenshot is taken (SCREENSHOT, default: next to the report, report-screenshot.png).
# usage: .ci/browser-check.sh REPORT_HTML [SCREENSHOT_PNG]
# env:   REQUIRED_FIGURES (space-separated figure ids, default "fig1a fig1b fig1c fig2a fig2c fig2dh"),
#        CHROMIUM (default /usr/bin/chromium)
set -euo pipefail
report="${1:?usage: .ci/browser-check.sh REPORT_HTML [SCREENSHOT_PNG]}"
report="$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"
shot="${2:-$(dirname "$report")/report-screenshot.png}"
chromium="${CHROMIUM:-/usr/bin/chromium}"
required="${REQUIRED_FIGURES-fig1a fig1b fig1c fig2a fig2c fig2dh}"
test -f "$report" || { echo "browser-check: no report at $report" >&2; exit 1; }
test -x "$chromium" || { echo "browser-check: $chromium not installed (apt-get install -y chromium)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# flags of the platform note: headless, no sandbox as root, and no background networking (the network is closed)
flags=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking
       --disable-component-update --disable-sync --disable-extensions --mute-audio --hide-scrollbars)
url="file://$report"

# 1. DOM after load, with console messages logged to stderr (--enable-logging=stderr --v=0)
"$chromium" "${flags[@]}" --user-data-dir="$work/profile-dom" --enable-logging=stderr --v=0 \
  --virtual-time-budget=5000 --dump-dom "$url" >"$work/dom.html" 2>"$work/console.log" || {
  echo "browser-check: chromium failed to load $url" >&2; cat "$work/console.log" >&2; exit 1; }

# console errors of the page itself (chromium's own start-up noise is not about the page)
if grep -E 'CONSOLE|Uncaught|Failed to load resource|net::ERR_' "$work/console.log" | grep -iE 'error|uncaught|failed|ERR_' \
   | grep -v 'dbus' >"$work/errors.txt"; then
  echo "browser-check: console errors while loading the report:" >&2
  cat "$work/errors.txt" >&2
  exit 1
fi

# 2. every rendered figure has a non-empty <svg>; the required ones are rendered
python3 - "$work/dom.html" "$required" <<'PY'
import sys, xml.dom.minidom
from html.parser import HTMLParser

dom_file, required = sys.argv[1], sys.argv[2].split()

class Figures(HTMLParser):
    """Counts, per <figure>, its svg elements and the drawn marks inside them."""
    def __init__(self):
        super().__init__()
        self.figures, self.current, self.svg_depth = {}, None, 0
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "figure":
            self.current = a.get("id")
            self.figures[self.current] = {"class": a.get("class", ""), "svg": 0, "marks": 0, "text": 0}
        elif self.current is not None:
            f = self.figures[self.current]
            if tag == "svg":
                f["svg"] += 1
            elif tag in ("rect", "circle", "line", "path", "polyline"):
                f["marks"] += 1
            elif tag == "text":
                f["text"] += 1
    def handle_endtag(self, tag):
        if tag == "figure":
            self.current = None

p = Figures()
p.feed(open(dom_file, encoding="utf-8").read())
if not p.figures:
    sys.exit("browser-check: no <figure> in the rendered page")
bad = []
for fid, f in p.figures.items():
    rendered = "rendered" in f["class"]
    state = "rendered" if rendered else "not computed (note shown)"
    print(f"  {fid:8s} {state:26s} svg={f['svg']} marks={f['marks']} labels={f['text']}")
    if rendered and (f["svg"] == 0 or f["marks"] < 3 or f["text"] < 2):
        bad.append(f"{fid}: rendered but empty")
for fid in required:
    if fid not in p.figures or "rendered" not in p.figures[fid]["class"]:
        bad.append(f"{fid}: required but not rendered")
if bad:
    sys.exit("browser-check: " + "; ".join(bad))
print(f"browser-check: {sum('rendered' in f['class'] for f in p.figures.values())} of {len(p.figures)} figures rendered")
PY

# 3. full-page screenshot (tall window: the report is one long page)
"$chromium" "${flags[@]}" --user-data-dir="$work/profile-shot" --window-size=1280,9000 \
  --virtual-time-budget=5000 --screenshot="$shot" "$url" >/dev/null 2>"$work/shot.log" || {
  echo "browser-check: screenshot failed" >&2; cat "$work/shot.log" >&2; exit 1; }
test -s "$shot" || { echo "browser-check: empty screenshot $shot" >&2; exit 1; }
echo "browser-check: OK, screenshot $shot"
