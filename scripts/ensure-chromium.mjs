// Browser tests use Debian's Chromium (never a downloaded browser). Installs it with apt when it
// is missing and we are allowed to (root); otherwise says exactly what to install.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

export const chromiumCandidates = ["/usr/lib/chromium/chromium", "/usr/bin/chromium"];
export const findChromium = () => chromiumCandidates.find((candidate) => existsSync(candidate)) ?? null;

if (import.meta.url === `file://${process.argv[1]}`) {
  if (findChromium()) process.exit(0);
  const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
  if (!isRoot) {
    console.error("Chromium is not installed, and installing it needs root. Run:\n  sudo apt-get update && sudo apt-get install -y chromium\nthen run npm test again.");
    process.exit(1);
  }
  console.log("Chromium is missing: installing Debian's chromium package with apt-get (about 1–2 minutes)…");
  try {
    execSync("apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium", { stdio: "inherit" });
  } catch {
    console.error("Installing Chromium failed. Install it by hand: apt-get update && apt-get install -y chromium");
    process.exit(1);
  }
  if (!findChromium()) {
    console.error("apt-get finished but Chromium is still missing at " + chromiumCandidates.join(" or "));
    process.exit(1);
  }
}
