// The sub-path a Trunk build is for. RECOVERY_GUIDE_BASE is the one place it is set (e.g.
// /recovery; unset for the root of the host): build.rs checks it and compiles it into the app's
// links (build/base_path.rs), and the prerendered pages use it too. Trunk has its own setting,
// --public-url, for the URLs of the files it writes, and does not pass it to cargo, so the two must
// be given the same value (scripts/lib/tools.sh's build_release does). Trunk runs this file as a
// pre_build hook, to stop a build whose two settings disagree before anything is compiled;
// post-build.mjs checks again and takes the base from here.
import { pathToFileURL } from "node:url";

/** The base path with a trailing slash ("/", "/recovery/"), or an error saying what to change. */
export function trunkBasePath(env = process.env) {
  const appBase = env.RECOVERY_GUIDE_BASE ?? "";
  const publicUrl = env.TRUNK_PUBLIC_URL ?? "/";
  if (publicUrl !== `${appBase}/`) {
    throw new Error(
      `Trunk's --public-url is ${JSON.stringify(publicUrl)}, but RECOVERY_GUIDE_BASE is ${JSON.stringify(appBase)}` +
        (appBase ? "" : " (unset: the root of the host)") +
        ", and the app's links are compiled from RECOVERY_GUIDE_BASE. Give both the same path, e.g. " +
        "RECOVERY_GUIDE_BASE=/x trunk build --release --public-url /x/ (or use build_release in scripts/lib/tools.sh).",
    );
  }
  return publicUrl;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    trunkBasePath();
  } catch (error) {
    console.error(`\nerror: ${/** @type {Error} */ (error).message}\n`);
    process.exit(1);
  }
}
