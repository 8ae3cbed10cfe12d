// `npm ci` only when package-lock.json changed since the last install: a clean install costs
// ~25 s on the 2-core build machine, and most builds don't touch the lockfile.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const stamp = "node_modules/.opsledger-lock-sha256";
const lock = createHash("sha256").update(readFileSync("package-lock.json")).digest("hex");
const engine = process.versions.node.split(".").map(Number);
if (engine[0] < 20 || (engine[0] === 20 && engine[1] < 19)) {
  console.error(`The portal's build (Vite 8) needs Node.js 20.19 or newer; this is ${process.version}.`);
  process.exit(1);
}
if (existsSync(stamp) && readFileSync(stamp, "utf8") === lock) {
  console.log("portal: node_modules matches package-lock.json, npm ci skipped");
  process.exit(0);
}
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const result = spawnSync(npm, ["ci", "--no-audit", "--no-fund", "--prefer-offline"], { stdio: "inherit" });
if (result.status !== 0) {
  process.exit(result.status ?? 1);
}
writeFileSync(stamp, lock);
