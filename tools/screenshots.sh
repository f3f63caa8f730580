#!/usr/bin/env bash
# Makes the README's screenshots from the running app: the demo company in Chromium at desktop (1440x900) and phone
# (390x844) size, saved to docs/screenshots/ by the browser test that also checks those pages open without errors.
#   tools/screenshots.sh
# Needs Chromium (TOUCHPOINT_CHROMIUM, default /usr/bin/chromium); ./test.sh installs it.
set -euo pipefail
cd "$(dirname "$0")/.."
export TOUCHPOINT_SCREENSHOTS="$PWD/docs/screenshots"
dotnet build tests/Touchpoint.BrowserTests -c Release -nologo -clp:ErrorsOnly
dotnet test tests/Touchpoint.BrowserTests -c Release --no-build --filter "FullyQualifiedName~ScreenshotTests"
ls -1 "$TOUCHPOINT_SCREENSHOTS"
