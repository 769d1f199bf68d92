"use strict";
const { connect, once, report, run, upgraded } = require("../harness");

run(async () => {
  const socket = await connect();
  await upgraded(socket);
  const echo = once(socket, "echo");
  socket.emit("echo", "hello", 42, { a: 1 }, true, null);
  report("echo", { args: await echo });
  socket.disconnect();
});
