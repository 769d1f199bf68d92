"use strict";
const { connect, once, report, run, upgraded } = require("../harness");

/** The server closes every session without DISCONNECT, as a draining node does; the client must notice and come back. */
run(async () => {
  const socket = await connect();
  await upgraded(socket);
  report("connected", { id: socket.id, transport: socket.io.engine.transport.name });
  const disconnected = once(socket, "disconnect");
  const reconnected = once(socket, "connect");
  const asked = Date.now();
  socket.emit("close-server");
  const [reason, details] = await disconnected;
  const code = details && details.context && details.context.code;
  report("disconnected", { reason, code, afterMs: Date.now() - asked });
  await reconnected;
  report("reconnected", { id: socket.id });
  socket.close();
});
