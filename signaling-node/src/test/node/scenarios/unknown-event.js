"use strict";
const { connect, emitWithAck, report, run, upgraded } = require("../harness");

run(async () => {
  const socket = await connect();
  await upgraded(socket);
  report("ack", { args: await emitWithAck(socket, "no-such-event", 1) });
  socket.disconnect();
});
