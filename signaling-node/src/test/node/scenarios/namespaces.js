"use strict";
const { Manager, once, options, report, run, url } = require("../harness");

run(async () => {
  const manager = new Manager(url, options());
  const main = manager.socket("/");
  const admin = manager.socket("/admin");
  await Promise.all([once(main, "connect"), once(admin, "connect")]);
  report("connected", { main: main.id, admin: admin.id });
  const mainEcho = once(main, "echo");
  const adminEcho = once(admin, "echo");
  admin.emit("echo", "x");
  main.emit("echo", "y");
  report("echo", { main: await mainEcho, admin: await adminEcho });
  main.disconnect();
  admin.disconnect();
});
