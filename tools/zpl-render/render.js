#!/usr/bin/env node
// Render ZPL to PNG offline (tests and sample renders only; printers render ZPL themselves).
// Usage: node render.js IN.zpl OUT.png [width_mm height_mm dpmm]
//    or: node render.js --batch < jobs.json   ([{"in", "out", "width_mm", "height_mm", "dpmm"}])
// Batch mode loads the WebAssembly renderer once for many labels.
"use strict";
const fs = require("node:fs");
const { ready } = require("zpl-renderer-js");

async function render(api, job) {
  const zpl = fs.readFileSync(job.in, "utf8");
  const png = await api.zplToBase64Async(zpl, job.width_mm, job.height_mm, job.dpmm);
  fs.writeFileSync(job.out, Buffer.from(png, "base64"));
}

async function main() {
  const args = process.argv.slice(2);
  let jobs;
  if (args[0] === "--batch") {
    jobs = JSON.parse(fs.readFileSync(0, "utf8"));
  } else if (args.length >= 2) {
    const [input, output, widthMm = "101.6", heightMm = "152.4", dpmm = "8"] = args;
    jobs = [{ in: input, out: output, width_mm: +widthMm, height_mm: +heightMm, dpmm: +dpmm }];
  } else {
    console.error("usage: render.js IN.zpl OUT.png [width_mm height_mm dpmm] | --batch < jobs.json");
    process.exit(2);
  }
  const { api } = await ready;
  for (const job of jobs) await render(api, job);
}

main().then(
  () => process.exit(0), // the WebAssembly runtime keeps timers alive: leave as soon as done
  (err) => {
    console.error(`render.js: ${err && err.message ? err.message : err}`);
    process.exit(1);
  },
);
