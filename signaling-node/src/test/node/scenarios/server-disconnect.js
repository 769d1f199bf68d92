"use strict";
const { connect, once, report, run, upgraded } = require("../harness");

/** Long enough for several reconnection delays: a client that was going to reconnect would have. */
const NO_RECONNECTION_WINDOW_MS = 1000;

run(async () => {
  const socket = await connect();
  await upgraded(socket);
  report("connected", { id: socket.id });
  let reconnected = false;
  socket.on("connect", () => (reconnected = true));
  const disconnected = once(socket, "disconnect");
  socket.emit("disconnect-me");
  const [reason] = await disconnected;
  report("disconnected", { reason });
  await new Promise((resolve) => setTimeout(resolve, NO_RECONNECTION_WINDOW_MS));
  report("afterwards", { connected: socket.connected, reconnected, active: socket.active });
});
