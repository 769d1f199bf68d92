"use strict";
const { connect, emitWithAck, once, report, run, upgraded } = require("../harness");

run(async () => {
  const socket = await connect();
  await upgraded(socket);
  socket.on("question", (asked, callback) => callback("yes", asked));
  report("ack", { args: await emitWithAck(socket, "echo", "ping") });
  const answer = once(socket, "answer");
  socket.emit("ask", "why?");
  report("answer", { args: await answer });
  socket.disconnect();
});
