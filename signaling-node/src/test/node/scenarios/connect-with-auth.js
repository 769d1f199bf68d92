"use strict";
const { connect, emitWithAck, report, run, upgraded } = require("../harness");

run(async () => {
  const socket = await connect("", { auth: { token: "abc" } });
  await upgraded(socket);
  report("connected", { id: socket.id, transport: socket.io.engine.transport.name });
  const [auth, id, token] = await emitWithAck(socket, "auth");
  report("auth", { auth, id, token });
  socket.disconnect();
});
