"use strict";
const { io, once, options, report, run, url } = require("../harness");

run(async () => {
  const socket = io(url, options({ auth: { token: "forbidden" }, reconnection: false }));
  const [err] = await once(socket, "connect_error");
  report("connect_error", { message: err.message, data: err.data });
  socket.disconnect();
});
