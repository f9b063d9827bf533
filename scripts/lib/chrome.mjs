// The Chromium that every script and the browser tests drive: $CHROME_PATH, else Debian's
// (scripts/lib/tools.sh installs that one and exports CHROME_PATH for lighthouse too).
export const chromePath = process.env.CHROME_PATH || "/usr/bin/chromium";
