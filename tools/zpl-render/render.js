#!/usr/bin/env node
// Render ZPL to PNG offline (tests and sample renders only; printers render ZPL themselves).
// Usage: node render.js IN.zpl OUT.png [width_mm height_mm dpmm]
"use strict";
const fs = require("node:fs");
const { ready } = require("zpl-renderer-js");

async function main() {
  const [input, output, widthMm = "101.6", heightMm = "152.4", dpmm = "8"] = process.argv.slice(2);
  if (!input || !output) {
    console.error("usage: render.js IN.zpl OUT.png [width_mm height_mm dpmm]");
    process.exit(2);
  }
  const { api } = await ready;
  const zpl = fs.readFileSync(input, "utf8");
  const png = await api.zplToBase64Async(zpl, Number(widthMm), Number(heightMm), Number(dpmm));
  fs.writeFileSync(output, Buffer.from(png, "base64"));
}

main().catch((err) => {
  console.error(`render.js: ${err && err.message ? err.message : err}`);
  process.exit(1);
});
