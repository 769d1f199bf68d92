"use strict";
const { connect, once, report, run, upgraded } = require("../harness");

/** Makes this Engine.IO connection drop its pongs, as a client that stopped answering would. */
function stopAnsweringPings(engine) {
  const sendPacket = engine._sendPacket.bind(engine);
  engine._sendPacket = (type, ...rest) => (type === "pong" ? undefined : sendPacket(type, ...rest));
}

run(async () => {
  const socket = await connect();
  await upgraded(socket);
  report("connected", { id: socket.id });
  const disconnected = once(socket, "disconnect");
  const reconnected = disconnected.then(() => once(socket, "connect"));
  stopAnsweringPings(socket.io.engine);
  const [reason] = await disconnected;
  report("disconnected", { reason });
  await reconnected;
  report("reconnected", { id: socket.id });
  const echo = once(socket, "echo");
  socket.emit("echo", "again");
  report("echo", { args: await echo });
  socket.disconnect();
});
